import { registeredRoutes } from '../src/common/http/routes';
import { createTestApp, TestApp } from './support/test-app';

/** The only routes anyone may call without a token. Adding a @Public() route means adding it here, on purpose. */
const PUBLIC_ROUTES = new Set(['GET /api/health', 'POST /api/auth/login', 'POST /login', 'POST /api/auth/refresh']);

describe('route permissions (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('finds the routes (a guard against reading no metadata at all)', () => {
    const keys = registeredRoutes(t.app).map((r) => `${r.method} ${r.path}`);
    expect(keys).toEqual(expect.arrayContaining(['GET /api/users', 'POST /api/auth/login', 'GET /api/audit-logs']));
  });

  it('marks exactly the allow-listed routes as public', () => {
    const publicKeys = registeredRoutes(t.app)
      .filter((r) => r.isPublic)
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(publicKeys).toEqual([...PUBLIC_ROUTES].sort());
  });

  it('answers 401 without a token on every other route', async () => {
    const guarded = registeredRoutes(t.app).filter((r) => !PUBLIC_ROUTES.has(`${r.method} ${r.path}`));
    const open: string[] = [];
    for (const r of guarded) {
      const url = r.path.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');
      const res = await t.http[r.method.toLowerCase() as 'get'](url).send({});
      if (res.status !== 401) open.push(`${r.method} ${r.path} -> ${res.status}`);
    }
    expect(open).toEqual([]);
  });
});

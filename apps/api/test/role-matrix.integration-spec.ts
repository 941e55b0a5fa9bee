import { ROLES, type Role } from '@simpul/contracts';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { registeredRoutes, RouteInfo } from '../src/common/http/routes';
import { createTestApp, TestApp } from './support/test-app';

const ROLE_TABLE = path.resolve(__dirname, '../../../docs/security.md');
const PUBLIC = 'public';
const ANY_USER = 'any signed-in user';
const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

/** Who may call a route, as docs/security.md writes it. */
function audience(route: RouteInfo): string {
  if (route.isPublic) return PUBLIC;
  if (!route.roles) return ANY_USER;
  return ROLES.filter((r) => route.roles?.includes(r)).join(', ');
}

/** The role table of docs/security.md: `| \`GET /api/users\` | admin |` rows. */
function documentedAudiences(): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of readFileSync(ROLE_TABLE, 'utf8').split('\n')) {
    const m = /^\| `((?:GET|POST|PUT|PATCH|DELETE) \/\S*)` \| ([^|]+?) \|$/.exec(line.trim());
    if (m) rows.set(m[1] as string, m[2] as string);
  }
  return rows;
}

function url(route: RouteInfo): string {
  return route.path
    .replace(/:entity\b/, 'parts')
    .replace(/:key\b/, 'orders.allowBackorders')
    .replace(/:[A-Za-z]+/g, PLACEHOLDER_ID);
}

/**
 * Every route's roles, read from the Nest router, against the table in docs/security.md: widening (or narrowing) a
 * `@Roles` list fails here until the documented table says the same. Then every role a route does not allow gets a
 * 403, and every role it allows gets past the role check, over HTTP. New routes are covered without editing this.
 */
describe('role matrix (integration)', () => {
  let t: TestApp;
  const tokens = new Map<Role, string>();

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ROLES) tokens.set(role, (await t.loginAs(role)).token);
  });
  afterAll(() => t.close());

  it('matches the role table in docs/security.md, route for route', () => {
    const routes = registeredRoutes(t.app);
    expect(routes.length).toBeGreaterThan(90);
    const inCode = new Map(routes.map((r) => [`${r.method} ${r.path}`, audience(r)]));
    const documented = documentedAudiences();
    const differences = [...new Set([...inCode.keys(), ...documented.keys()])]
      .filter((key) => inCode.get(key) !== documented.get(key))
      .map(
        (key) =>
          `${key}: code says ${inCode.get(key) ?? '(no such route)'}, docs say ${documented.get(key) ?? '(not listed)'}`,
      );
    expect(differences).toEqual([]);
  });

  it('answers 403 in the envelope to every role a route does not allow, and lets the allowed roles past', async () => {
    const restricted = registeredRoutes(t.app).filter((r) => r.roles && !r.isPublic);
    expect(restricted.length).toBeGreaterThan(30);
    const wrong: string[] = [];
    let refused = 0;
    for (const route of restricted) {
      for (const role of ROLES) {
        const allowed = route.roles?.includes(role) ?? false;
        const res = await t.http[route.method.toLowerCase() as 'get'](url(route))
          .set('Authorization', `Bearer ${tokens.get(role) as string}`)
          .send(route.method === 'GET' ? undefined : {});
        if (!allowed) {
          refused += 1;
          if (res.status !== 403 || res.body.code !== 'FORBIDDEN')
            wrong.push(`${role} ${route.method} ${route.path} -> ${res.status}, expected 403`);
        } else if (res.status === 403) {
          wrong.push(`${role} ${route.method} ${route.path} -> 403, but the route allows ${role}`);
        }
      }
    }
    expect(refused).toBeGreaterThan(100);
    expect(wrong).toEqual([]);
  });
});

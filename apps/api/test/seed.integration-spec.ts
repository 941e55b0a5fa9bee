import { seedUsers } from '../src/seed/demo-seed';
import { createTestApp, TestApp } from './support/test-app';

/** A deployment's first admin (ADMIN_PASSWORD) without the demo users and their published password. */
describe('users created at start (integration)', () => {
  let t: TestApp;
  const admin = 'admin@simpul.local';
  const login = (email: string, password: string) => t.http.post('/api/auth/login').send({ email, password });

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates only the admin with ADMIN_PASSWORD, once: a later start with another password changes nothing', async () => {
    await seedUsers(t.ds, { email: admin, password: 'first-admin-password' }, { demoUsers: false });
    expect((await login(admin, 'first-admin-password')).status).toBe(200);
    expect((await login('manager@simpul.local', 'first-admin-password')).status).toBe(401);
    const [{ count }] = (await t.ds.query(`SELECT count(*)::int AS count FROM users WHERE email LIKE '%@simpul.local'`)) as [{ count: number }];
    expect(count).toBe(1);

    await seedUsers(t.ds, { email: admin, password: 'another-password-2' }, { demoUsers: false });
    expect((await login(admin, 'another-password-2')).status).toBe(401);
    expect((await login(admin, 'first-admin-password')).status).toBe(200);

    await seedUsers(t.ds, { email: admin, password: 'demo-password-3' }, { demoUsers: true });
    expect((await login('manager@simpul.local', 'demo-password-3')).status).toBe(200);
  });
});

import { AuditLogEntity } from '../src/audit/audit-log.entity';
import { UserEntity } from '../src/users/user.entity';
import { createTestApp, TestApp, TestUser } from './support/test-app';

describe('users admin (integration)', () => {
  let t: TestApp;
  let admin: TestUser;
  const auth = () => ({ Authorization: `Bearer ${admin.token}` });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.loginAs('admin');
  });
  afterAll(() => t.close());

  it('creates a user, lower-cases the email, hides the hash and writes the audit row', async () => {
    const manager = await t.createUser('manager');
    const res = await t.http
      .post('/api/users')
      .set(auth())
      .send({ email: 'New.Person@Test.Local', name: ' New Person ', role: 'pic', password: 'long-enough-1', managerId: manager.id })
      .expect(201);
    expect(res.body.data).toMatchObject({ email: 'new.person@test.local', name: 'New Person', role: 'pic', active: true, managerId: manager.id });
    expect(JSON.stringify(res.body)).not.toMatch(/password|\$2[aby]\$/i);
    const audit = await t.ds.getRepository(AuditLogEntity).findOneByOrFail({ action: 'USER_CREATED', resourceId: res.body.data.id });
    expect(audit).toMatchObject({ resourceType: 'USER', actorId: admin.id, actorEmail: admin.email });
    // The new user can log in.
    await t.http.post('/api/auth/login').send({ email: 'new.person@test.local', password: 'long-enough-1' }).expect(200);
  });

  it('refuses a duplicate email with 409 and writes nothing', async () => {
    const existing = await t.createUser('staff');
    const before = await t.ds.getRepository(AuditLogEntity).count();
    const res = await t.http
      .post('/api/users')
      .set(auth())
      .send({ email: existing.email.toUpperCase(), name: 'Dup', role: 'staff', password: 'long-enough-1' })
      .expect(409);
    expect(res.body.error).toContain('already exists');
    expect(await t.ds.getRepository(AuditLogEntity).count()).toBe(before);
  });

  it('400 for an spvId that matches no user', async () => {
    const res = await t.http
      .post('/api/users')
      .set(auth())
      .send({ email: 'orphan@test.local', name: 'Orphan', role: 'pic', password: 'long-enough-1', spvId: '00000000-0000-4000-8000-000000000000' })
      .expect(400);
    expect(res.body.error).toBe('spvId does not match any user.');
    expect(await t.ds.getRepository(UserEntity).countBy({ email: 'orphan@test.local' })).toBe(0);
  });

  it('lists with search, filters, sort and pagination', async () => {
    for (const n of ['Zahra Search', 'Yusuf Search', 'Xena Search']) {
      await t.createUser('spv', { name: n });
    }
    const res = await t.http.get('/api/users?q=search&role=spv&sort=name&order=asc&limit=2&page=1').set(auth()).expect(200);
    expect(res.body.data.map((u: { name: string }) => u.name)).toEqual(['Xena Search', 'Yusuf Search']);
    expect(res.body.meta).toEqual({ page: 1, limit: 2, total: 3, pages: 2 });
    const page2 = await t.http.get('/api/users?q=search&role=spv&sort=name&order=asc&limit=2&page=2').set(auth()).expect(200);
    expect(page2.body.data.map((u: { name: string }) => u.name)).toEqual(['Zahra Search']);
    await t.http.get('/api/users?limit=1000').set(auth()).expect(400);
  });

  it('deactivates a user, which revokes their sessions and blocks their access token', async () => {
    const victim = await t.loginAs('staff');
    const res = await t.http.patch(`/api/users/${victim.id}`).set(auth()).send({ active: false }).expect(200);
    expect(res.body.data.active).toBe(false);
    await t.http.get('/api/auth/me').set('Authorization', `Bearer ${victim.token}`).expect(401);
    await t.http.post('/api/auth/refresh').send({ refreshToken: victim.refreshToken }).expect(401);
    expect(await t.ds.getRepository(AuditLogEntity).countBy({ action: 'USER_DEACTIVATED', resourceId: victim.id })).toBe(1);
  });

  it('does not let an admin lock themselves out', async () => {
    const res = await t.http.patch(`/api/users/${admin.id}`).set(auth()).send({ active: false }).expect(409);
    expect(res.body.error).toBe('You cannot deactivate or demote your own account.');
    await t.http.patch(`/api/users/${admin.id}`).set(auth()).send({ role: 'staff' }).expect(409);
  });

  it('404 in the envelope for an unknown user', async () => {
    const res = await t.http.get('/api/users/00000000-0000-4000-8000-000000000000').set(auth()).expect(404);
    expect(res.body).toMatchObject({ success: false, error: 'User not found' });
  });
});

import { createTestApp, TestApp, TestUser } from './support/test-app';

describe('audit log (integration)', () => {
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.loginAs('admin');
  });
  afterAll(() => t.close());

  it('lists entries newest first with filters and pagination, admins only', async () => {
    const u = await t.createUser('staff');
    await t.http.patch(`/api/users/${u.id}`).set('Authorization', `Bearer ${admin.token}`).send({ name: 'Renamed' }).expect(200);
    const res = await t.http
      .get(`/api/audit-logs?resourceType=USER&resourceId=${u.id}`)
      .set('Authorization', `Bearer ${admin.token}`)
      .expect(200);
    expect(res.body.data).toHaveLength(1);
    expect(res.body.data[0]).toMatchObject({ action: 'USER_UPDATED', actorEmail: admin.email, details: { changed: ['name'] } });
    const logins = await t.http.get('/api/audit-logs?action=LOGIN&limit=1').set('Authorization', `Bearer ${admin.token}`).expect(200);
    expect(logins.body.meta.limit).toBe(1);
    expect(logins.body.data[0].action).toBe('LOGIN');

    const staff = await t.loginAs('staff');
    await t.http.get('/api/audit-logs').set('Authorization', `Bearer ${staff.token}`).expect(403);
  });

  it('is append-only at the database level', async () => {
    await expect(t.ds.query(`UPDATE audit_logs SET action = 'TAMPERED'`)).rejects.toThrow(/append-only/);
    await expect(t.ds.query(`DELETE FROM audit_logs`)).rejects.toThrow(/append-only/);
  });
});

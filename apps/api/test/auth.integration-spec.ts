import { AuditLogEntity } from '../src/audit/audit-log.entity';
import { RefreshTokenEntity } from '../src/auth/refresh-token.entity';
import { createTestApp, TEST_PASSWORD, TestApp } from './support/test-app';

describe('auth (integration)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('logs in with email and returns an access token, a refresh token and the user', async () => {
    const user = await t.createUser('manager');
    const res = await t.http.post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(200);
    expect(res.body.success).toBe(true);
    expect(res.body.data).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 900,
      user: { id: user.id, email: user.email, role: 'manager' },
    });
    expect(res.body.data.accessToken.split('.')).toHaveLength(3);
    expect(res.body.data.refreshToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    // Stored hashed only.
    const stored = await t.ds.getRepository(RefreshTokenEntity).findOneByOrFail({ userId: user.id });
    expect(stored.tokenHash).not.toBe(res.body.data.refreshToken);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('accepts the engineering system alias POST /login with username', async () => {
    const user = await t.createUser('pic');
    const res = await t.http.post('/login').send({ username: user.email, password: TEST_PASSWORD }).expect(200);
    expect(res.body.data.user.email).toBe(user.email);
  });

  it('rejects a wrong password with 401 in the envelope and audits the failure', async () => {
    const user = await t.createUser('staff');
    const res = await t.http.post('/api/auth/login').send({ email: user.email, password: 'wrong-password' }).expect(401);
    expect(res.body).toMatchObject({ success: false, error: 'Invalid email or password.' });
    const failed = await t.ds.getRepository(AuditLogEntity).findOneBy({ action: 'LOGIN_FAILED', resourceId: user.id });
    expect(failed?.details).toEqual({ email: user.email });
  });

  it('refuses a deactivated account', async () => {
    const user = await t.createUser('staff', { active: false });
    const res = await t.http.post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(401);
    expect(res.body.error).toMatch(/deactivated/);
  });

  it('rotates refresh tokens, and reuse of a rotated token ends the whole login', async () => {
    const u = await t.loginAs('spv');
    const first = await t.http.post('/api/auth/refresh').send({ refreshToken: u.refreshToken }).expect(200);
    const second = first.body.data.refreshToken as string;
    expect(second).not.toBe(u.refreshToken);
    await t.http.get('/api/auth/me').set('Authorization', `Bearer ${first.body.data.accessToken}`).expect(200);

    // The old token is spent: presenting it again is a 401 and revokes its successor too.
    const reuse = await t.http.post('/api/auth/refresh').send({ refreshToken: u.refreshToken }).expect(401);
    expect(reuse.body.success).toBe(false);
    await t.http.post('/api/auth/refresh').send({ refreshToken: second }).expect(401);
  });

  it('logout revokes the refresh token', async () => {
    const u = await t.loginAs('staff');
    const res = await t.http
      .post('/api/auth/logout')
      .set('Authorization', `Bearer ${u.token}`)
      .send({ refreshToken: u.refreshToken })
      .expect(200);
    expect(res.body.data.revoked).toBe(1);
    await t.http.post('/api/auth/refresh').send({ refreshToken: u.refreshToken }).expect(401);
  });

  it('changing the password revokes sessions and the new password works', async () => {
    const u = await t.loginAs('pic');
    await t.http
      .post('/api/auth/change-password')
      .set('Authorization', `Bearer ${u.token}`)
      .send({ currentPassword: 'wrong-one', newPassword: 'another-password-1' })
      .expect(400);
    await t.http
      .post('/api/auth/change-password')
      .set('Authorization', `Bearer ${u.token}`)
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'another-password-1' })
      .expect(200);
    await t.http.post('/api/auth/refresh').send({ refreshToken: u.refreshToken }).expect(401);
    await t.http.post('/api/auth/login').send({ email: u.email, password: 'another-password-1' }).expect(200);
  });
});

import { createHmac, KeyObject } from 'node:crypto';
import { accessTokenKey } from '../src/auth/jwt-keys';
import { createTestApp, TestApp, TestUser } from './support/test-app';

function b64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function signHs256(payload: object, key: KeyObject | Buffer, header: object = { alg: 'HS256', typ: 'JWT' }): string {
  const head = `${b64url(header)}.${b64url(payload)}`;
  return `${head}.${createHmac('sha256', key).update(head).digest('base64url')}`;
}

describe('security envelope (integration)', () => {
  let t: TestApp;
  let admin: TestUser;
  let staff: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.loginAs('admin');
    staff = await t.loginAs('staff');
  });
  afterAll(() => t.close());

  const now = () => Math.floor(Date.now() / 1000);

  it('401 without a token', async () => {
    const res = await t.http.get('/api/users').expect(401);
    expect(res.body).toEqual({ success: false, error: 'Unauthorized', code: 'UNAUTHORIZED', requestId: expect.any(String) });
  });

  it('401 for a token signed with another key', async () => {
    const forged = signHs256({ sub: admin.id, role: 'admin', typ: 'access', exp: now() + 600 }, Buffer.alloc(32, 7));
    await t.http.get('/api/users').set('Authorization', `Bearer ${forged}`).expect(401);
  });

  it('401 for alg none', async () => {
    const none = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ sub: admin.id, role: 'admin', typ: 'access', exp: now() + 600 })}.`;
    await t.http.get('/api/users').set('Authorization', `Bearer ${none}`).expect(401);
  });

  it('401 for an expired token with a valid signature', async () => {
    const key = accessTokenKey(t.config);
    const expired = signHs256({ sub: admin.id, role: 'admin', typ: 'access', iat: now() - 3600, exp: now() - 60 }, key);
    await t.http.get('/api/users').set('Authorization', `Bearer ${expired}`).expect(401);
    // The same key with a live expiry is accepted, so the 401 above is about expiry alone.
    const live = signHs256({ sub: admin.id, role: 'admin', typ: 'access', iat: now(), exp: now() + 600 }, key);
    await t.http.get('/api/users').set('Authorization', `Bearer ${live}`).expect(200);
  });

  it('401 for a token without exp, although its signature is valid (it would never expire)', async () => {
    const key = accessTokenKey(t.config);
    const forever = signHs256({ sub: admin.id, role: 'admin', typ: 'access', iat: now() }, key);
    const res = await t.http.get('/api/users').set('Authorization', `Bearer ${forever}`).expect(401);
    expect(res.body).toMatchObject({ success: false, code: 'UNAUTHORIZED' });
  });

  it('403 for a role without access', async () => {
    const res = await t.http.get('/api/users').set('Authorization', `Bearer ${staff.token}`).expect(403);
    expect(res.body).toMatchObject({ success: false, error: 'This action needs one of these roles: admin.' });
  });

  it('400 naming the field for unknown JSON properties', async () => {
    const res = await t.http
      .post('/api/users')
      .set('Authorization', `Bearer ${admin.token}`)
      .send({ email: 'x@test.local', name: 'X', role: 'staff', password: 'long-enough-1', isAdmin: true })
      .expect(400);
    expect(res.body.success).toBe(false);
    expect(res.body.error).toContain('property isAdmin should not exist');
    expect(res.body.fields).toEqual([{ field: 'isAdmin', messages: ['property isAdmin should not exist'] }]);
  });

  it('400 naming each invalid field', async () => {
    const res = await t.http
      .post('/api/users')
      .set('Authorization', `Bearer ${admin.token}`)
      .send({ email: 'not-an-email', name: 'X', role: 'boss', password: 'short' })
      .expect(400);
    const fields = (res.body.fields as { field: string }[]).map((f) => f.field).sort();
    expect(fields).toEqual(['email', 'password', 'role']);
  });

  it('400, not 500, for a malformed JSON body', async () => {
    const res = await t.http
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": "a@b.c", ')
      .expect(400);
    expect(res.body).toMatchObject({ success: false, code: 'MALFORMED_JSON', error: expect.stringMatching(/Malformed JSON/) });
  });

  it('404 envelope for an unknown route and 400 for a malformed id', async () => {
    const res = await t.http.get('/api/nothing-here').set('Authorization', `Bearer ${admin.token}`).expect(404);
    expect(res.body).toMatchObject({ success: false, code: 'ROUTE_NOT_FOUND' });
    const bad = await t.http.get('/api/users/not-a-uuid').set('Authorization', `Bearer ${admin.token}`).expect(400);
    expect(bad.body.success).toBe(false);
  });

  it('serves health publicly with a database check, and the OpenAPI document', async () => {
    const health = await t.http.get('/api/health').expect(200);
    expect(health.body).toMatchObject({ success: true, data: { status: 'ok', info: { database: { status: 'up' } } } });
    const doc = await t.http.get('/api/docs-json').expect(200);
    expect(doc.body.paths['/api/users']).toBeDefined();
    expect(doc.body.components.schemas.CreateUserDto.properties.email).toBeDefined();
  });

  it('sets security headers and echoes a request id', async () => {
    const res = await t.http.get('/api/health').set('X-Request-Id', 'req-123').expect(200);
    expect(res.headers['x-request-id']).toBe('req-123');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });
});

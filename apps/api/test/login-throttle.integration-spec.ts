import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../src/app.factory';
import { createTestApp, TEST_PASSWORD, TestApp } from './support/test-app';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Asserts a 429 in the envelope with a Retry-After of 1..max seconds, and returns it. */
function expectTooMany(res: request.Response, max: number): number {
  expect(res.status).toBe(429);
  expect(res.body).toMatchObject({
    success: false,
    code: 'AUTH_TOO_MANY_ATTEMPTS',
    error: expect.stringMatching(/Try again in \d+ seconds?\./),
  });
  const wait = Number(res.headers['retry-after']);
  expect(wait).toBeGreaterThanOrEqual(1);
  expect(wait).toBeLessThanOrEqual(max);
  return wait;
}

describe('login throttling (integration)', () => {
  describe('per client address', () => {
    let t: TestApp;
    beforeAll(async () => {
      // A generous account delay, so only the address limit is at work here.
      t = await createTestApp({
        LOGIN_THROTTLE_LIMIT: '5',
        LOGIN_THROTTLE_WINDOW_SECONDS: '60',
        LOGIN_DELAY_AFTER_FAILURES: '100',
      });
    });
    afterAll(() => t.close());

    it('counts failures per address whatever X-Forwarded-For says, and answers 429 with Retry-After', async () => {
      const user = await t.createUser('staff');
      // A client choosing a new forwarded address per attempt gains nothing: no proxy is trusted by default.
      for (let i = 0; i < 5; i += 1) {
        await t.http
          .post('/api/auth/login')
          .set('X-Forwarded-For', `198.51.100.${i + 1}`)
          .send({ email: `nobody${i}@test.local`, password: 'wrong-guess' })
          .expect(401);
      }
      const blocked = await t.http
        .post('/api/auth/login')
        .set('X-Forwarded-For', '198.51.100.99')
        .send({ email: user.email, password: TEST_PASSWORD });
      expectTooMany(blocked, 60);
      expect(blocked.body.error).toMatch(/from your network/);
      // Refresh attempts count against the same address.
      expectTooMany(await t.http.post('/api/auth/refresh').send({ refreshToken: 'x'.repeat(40) }), 60);
    });
  });

  describe('successes', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ LOGIN_THROTTLE_LIMIT: '3' });
    });
    afterAll(() => t.close());

    it('do not count: many people behind one address can sign in', async () => {
      const user = await t.createUser('staff');
      for (let i = 0; i < 8; i += 1)
        await t.http.post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(200);
      await t.http.post('/api/auth/login').send({ email: user.email, password: 'wrong-guess' }).expect(401);
      await t.http.post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(200);
    });
  });

  describe('behind a trusted proxy (TRUST_PROXY)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({
        TRUST_PROXY: 'loopback',
        LOGIN_THROTTLE_LIMIT: '2',
        LOGIN_DELAY_AFTER_FAILURES: '100',
      });
    });
    afterAll(() => t.close());

    it('takes the client address from X-Forwarded-For, so one client cannot block another', async () => {
      const user = await t.createUser('staff');
      for (let i = 0; i < 2; i += 1) {
        await t.http
          .post('/api/auth/login')
          .set('X-Forwarded-For', '203.0.113.7')
          .send({ email: user.email, password: 'wrong-guess' })
          .expect(401);
      }
      expectTooMany(
        await t.http
          .post('/api/auth/login')
          .set('X-Forwarded-For', '203.0.113.7')
          .send({ email: user.email, password: TEST_PASSWORD }),
        60,
      );
      await t.http
        .post('/api/auth/login')
        .set('X-Forwarded-For', '203.0.113.8')
        .send({ email: user.email, password: TEST_PASSWORD })
        .expect(200);
    });

    it('groups IPv6 clients by their /64', async () => {
      const user = await t.createUser('staff');
      await t.http
        .post('/api/auth/login')
        .set('X-Forwarded-For', '2001:db8:1:2::1')
        .send({ email: user.email, password: 'wrong-guess' })
        .expect(401);
      await t.http
        .post('/api/auth/login')
        .set('X-Forwarded-For', '2001:db8:1:2::2')
        .send({ email: user.email, password: 'wrong-guess' })
        .expect(401);
      expectTooMany(
        await t.http
          .post('/api/auth/login')
          .set('X-Forwarded-For', '2001:db8:1:2:ffff::9')
          .send({ email: user.email, password: TEST_PASSWORD }),
        60,
      );
      await t.http
        .post('/api/auth/login')
        .set('X-Forwarded-For', '2001:db8:1:3::1')
        .send({ email: user.email, password: TEST_PASSWORD })
        .expect(200);
    });
  });

  describe('per account', () => {
    let t: TestApp;
    beforeAll(async () => {
      // Two free failures, then 1 s, then the 2 s cap; the address limit is out of the way.
      t = await createTestApp({
        LOGIN_THROTTLE_LIMIT: '1000',
        LOGIN_DELAY_AFTER_FAILURES: '2',
        LOGIN_DELAY_MAX_SECONDS: '2',
      });
    });
    afterAll(() => t.close());

    it('delays a login name progressively after failures from any address, up to the cap, and a success ends it', async () => {
      const user = await t.createUser('staff');
      const attempt = (password: string) => t.http.post('/api/auth/login').send({ email: user.email, password });
      await attempt('wrong-1').expect(401);
      await attempt('wrong-2').expect(401);
      await attempt('wrong-3').expect(401); // the 3rd failure starts a 1 s delay
      expectTooMany(await attempt(TEST_PASSWORD), 1); // even the right password waits: guessing gains nothing
      await sleep(1100);
      await attempt('wrong-4').expect(401); // now 2 s (the cap)
      expect(expectTooMany(await attempt(TEST_PASSWORD), 2)).toBeGreaterThanOrEqual(1);
      await sleep(2100);
      await attempt('wrong-5').expect(401); // still 2 s: a stranger cannot make the wait longer than the cap
      expectTooMany(await attempt('wrong-6'), 2);
      await sleep(2100);
      await attempt(TEST_PASSWORD).expect(200);
      // The success ended the streak: the next failures are free again.
      await attempt('wrong-7').expect(401);
      await attempt('wrong-8').expect(401);
    });

    it('counts parallel attempts one by one, so a burst cannot slip past the delay', async () => {
      const user = await t.createUser('staff');
      const results = await Promise.all(
        Array.from({ length: 12 }, () =>
          t.http.post('/api/auth/login').send({ email: user.email, password: 'wrong-guess' }),
        ),
      );
      const statuses = results.map((r) => r.status).sort();
      // Two free failures plus the one that starts the delay get an answer; the rest wait.
      expect(statuses.filter((s) => s === 401)).toHaveLength(3);
      expect(statuses.filter((s) => s === 429)).toHaveLength(9);
      for (const r of results.filter((x) => x.status === 429)) expect(r.headers['retry-after']).toMatch(/^[12]$/);
    });

    it('treats unknown login names like known ones, so a 429 does not reveal who has an account', async () => {
      for (let i = 0; i < 3; i += 1)
        await t.http.post('/api/auth/login').send({ email: 'no-such-user@test.local', password: 'x' }).expect(401);
      expectTooMany(await t.http.post('/api/auth/login').send({ email: 'no-such-user@test.local', password: 'x' }), 1);
    });
  });

  describe('across API instances', () => {
    let t: TestApp;
    let second: INestApplication;
    beforeAll(async () => {
      t = await createTestApp({ LOGIN_THROTTLE_LIMIT: '3', LOGIN_DELAY_AFTER_FAILURES: '100' });
      second = await createApp(t.config);
      await second.init();
    });
    afterAll(async () => {
      await second.close();
      await t.close();
    });

    it('shares the counts through PostgreSQL: failures on one instance block the address on another', async () => {
      const user = await t.createUser('staff');
      for (let i = 0; i < 3; i += 1)
        await t.http.post('/api/auth/login').send({ email: user.email, password: 'wrong-guess' }).expect(401);
      expectTooMany(
        await request(second.getHttpServer())
          .post('/api/auth/login')
          .send({ email: user.email, password: TEST_PASSWORD }),
        60,
      );
    });
  });
});

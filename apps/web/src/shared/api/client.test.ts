import type { UserResponse } from '@simpul/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deferred, fail, installFakeFetch, ok, type FakeFetch } from '@/shared/test/fake-fetch';
import { adminUser, loginResponse, seedSession, userRow } from '@/shared/test/fixtures';
import { ApiError, api, getSession, onAuthFailure, setSession } from './client';
import { SESSION_STORAGE_KEY } from './session-storage';

let net: FakeFetch | null = null;

beforeEach(() => {
  localStorage.clear();
  setSession(null);
  onAuthFailure(null);
});

afterEach(() => {
  net?.assertNoUnexpected();
  net = null;
  onAuthFailure(null);
  vi.unstubAllGlobals();
});

describe('api client', () => {
  it('unwraps the success envelope and sends the bearer token', async () => {
    seedSession('tok-A');
    net = installFakeFetch({ 'GET /api/auth/me': () => ok(adminUser) });

    const me = await api.get('/api/auth/me');

    expect(me).toEqual(adminUser);
    expect(net.calls[0]?.headers['authorization']).toBe('Bearer tok-A');
  });

  it('returns {items, meta} for paginated lists and drops empty query values', async () => {
    seedSession();
    const meta = { page: 2, limit: 10, total: 11, pages: 2 };
    net = installFakeFetch({ 'GET /api/users': () => ok([userRow(1)], meta) });

    const res = await api.page<UserResponse>('/api/users', { page: 2, limit: 10, q: '', role: undefined });

    expect(res).toEqual({ items: [userRow(1)], meta });
    expect(net.calls[0]?.url).toBe('/api/users?page=2&limit=10');
  });

  it('throws a typed ApiError carrying the API sentence, code and fields', async () => {
    seedSession();
    const fields = [{ field: 'email', messages: ['email must be an email'] }];
    net = installFakeFetch({
      'POST /api/users': () => fail(400, 'The user could not be saved: check the highlighted fields.', 'VALIDATION_FAILED', fields),
    });

    const err = await api.post('/api/users', { email: 'x' }).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(ApiError);
    const apiErr = err as ApiError;
    expect(apiErr.status).toBe(400);
    expect(apiErr.code).toBe('VALIDATION_FAILED');
    expect(apiErr.message).toBe('The user could not be saved: check the highlighted fields.');
    expect(apiErr.fields).toEqual(fields);
  });

  it('turns a network failure into an ApiError with status 0', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );

    const err = await api.get('/api/health', undefined, { auth: false }).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(0);
    expect((err as ApiError).isNetworkError).toBe(true);
  });

  it('refreshes once for concurrent 401s, retries every request and stores the rotated tokens', async () => {
    seedSession('old-access', 'old-refresh');
    const gate = deferred();
    let refreshCalls = 0;
    net = installFakeFetch({
      'GET /api/users': (req) =>
        req.headers['authorization'] === 'Bearer new-access'
          ? ok([userRow(1)], { page: 1, limit: 20, total: 1, pages: 1 })
          : fail(401, 'Your session has expired.', 'UNAUTHORIZED'),
      'GET /api/audit-logs': (req) =>
        req.headers['authorization'] === 'Bearer new-access'
          ? ok([], { page: 1, limit: 20, total: 0, pages: 1 })
          : fail(401, 'Your session has expired.', 'UNAUTHORIZED'),
      'POST /api/auth/refresh': async (req) => {
        refreshCalls += 1;
        expect(req.body).toEqual({ refreshToken: 'old-refresh' });
        await gate.promise;
        return ok(loginResponse('new-access', 'new-refresh'));
      },
    });

    const both = Promise.all([api.page('/api/users'), api.page('/api/audit-logs'), api.page('/api/users')]);
    await vi.waitFor(() => expect(refreshCalls).toBe(1));
    gate.resolve();
    const [users, audit, usersAgain] = await both;

    expect(refreshCalls).toBe(1);
    expect(users.items).toHaveLength(1);
    expect(audit.items).toEqual([]);
    expect(usersAgain.meta.total).toBe(1);
    expect(getSession()?.accessToken).toBe('new-access');
    expect(getSession()?.refreshToken).toBe('new-refresh');
    expect(JSON.parse(localStorage.getItem(SESSION_STORAGE_KEY) ?? '{}').refreshToken).toBe('new-refresh');
    // 3 first attempts + 3 retries
    expect(net.callsTo('GET', '/api/users')).toHaveLength(4);
    expect(net.callsTo('GET', '/api/audit-logs')).toHaveLength(2);
  });

  it('clears the session and reports an auth failure when the refresh is refused', async () => {
    seedSession('old-access', 'old-refresh');
    const onFailure = vi.fn();
    onAuthFailure(onFailure);
    net = installFakeFetch({
      'GET /api/users': () => fail(401, 'Your session has expired.', 'UNAUTHORIZED'),
      'POST /api/auth/refresh': () => fail(401, 'The refresh token is invalid or expired.', 'UNAUTHORIZED'),
    });

    const err = await api.page('/api/users').catch((e: unknown) => e);

    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(401);
    expect(getSession()).toBeNull();
    expect(localStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    expect(onFailure).toHaveBeenCalledTimes(1);
    expect(net.callsTo('POST', '/api/auth/refresh')).toHaveLength(1);
    expect(net.callsTo('GET', '/api/users')).toHaveLength(1);
  });

  it('does not try to refresh when the login itself is rejected', async () => {
    net = installFakeFetch({
      'POST /api/auth/login': () => fail(401, 'The email or password is incorrect.', 'INVALID_CREDENTIALS'),
    });

    const err = await api.post('/api/auth/login', { email: 'a@b.c', password: 'nope' }, { auth: false }).catch((e: unknown) => e);

    expect((err as ApiError).message).toBe('The email or password is incorrect.');
    expect(net.calls).toHaveLength(1);
  });

  it('refreshes up front when the stored access token has already expired', async () => {
    setSession({ accessToken: 'stale', refreshToken: 'r-1', expiresAt: Date.now() - 1000, user: adminUser });
    net = installFakeFetch({
      'POST /api/auth/refresh': () => ok(loginResponse('fresh', 'r-2')),
      'GET /api/auth/me': (req) => (req.headers['authorization'] === 'Bearer fresh' ? ok(adminUser) : fail(401, 'Expired.')),
    });

    await expect(api.get('/api/auth/me')).resolves.toEqual(adminUser);
    expect(net.callsTo('GET', '/api/auth/me')).toHaveLength(1);
  });
});

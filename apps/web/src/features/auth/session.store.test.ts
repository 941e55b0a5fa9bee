import { describe, expect, it } from 'vitest';
import { getSession, setSession } from '@/shared/api/client';
import { SESSION_STORAGE_KEY } from '@/shared/api/session-storage';
import { fail, installFakeFetch, ok, type FakeFetch } from '@/shared/test/fake-fetch';
import { adminUser, loginResponse, seedSession } from '@/shared/test/fixtures';
import { useSessionStore } from './session.store';
import { storeTests } from '@/shared/test/mount';

let net: FakeFetch | null = null;

storeTests({ signedIn: false });

describe('session store', () => {
  it('logs in, keeps the tokens in localStorage and exposes the user and role checks', async () => {
    net = installFakeFetch({ 'POST /api/auth/login': () => ok(loginResponse('a1', 'r1')) });
    const store = useSessionStore();
    expect(store.isAuthenticated).toBe(false);

    await store.login('  admin@simpul.test ', 'secret-pass');

    expect(net.calls[0]?.body).toEqual({ email: 'admin@simpul.test', password: 'secret-pass' });
    expect(net.calls[0]?.headers['authorization']).toBeUndefined();
    expect(store.isAuthenticated).toBe(true);
    expect(store.user?.email).toBe(adminUser.email);
    expect(store.hasRole('admin')).toBe(true);
    expect(store.hasRole('manager', 'spv')).toBe(false);
    expect(store.canAccess(['admin'])).toBe(true);
    expect(store.canAccess(undefined)).toBe(true);
    const stored = JSON.parse(localStorage.getItem(SESSION_STORAGE_KEY) ?? 'null');
    expect(stored.accessToken).toBe('a1');
    expect(stored.refreshToken).toBe('r1');
  });

  it('propagates a failed login and stays signed out', async () => {
    net = installFakeFetch({ 'POST /api/auth/login': () => fail(401, 'The email or password is incorrect.') });
    const store = useSessionStore();

    await expect(store.login('x@y.z', 'bad')).rejects.toMatchObject({ status: 401 });
    expect(store.isAuthenticated).toBe(false);
    expect(store.loggingIn).toBe(false);
  });

  it('restores a stored session on start', () => {
    seedSession('a9', 'r9');
    const store = useSessionStore();
    expect(store.user?.name).toBe(adminUser.name);
    expect(store.accessToken).toBe('a9');
  });

  it('revokes the refresh token on logout and clears the session', async () => {
    seedSession('a1', 'r1');
    net = installFakeFetch({ 'POST /api/auth/logout': () => ok({ revoked: true }) });
    const store = useSessionStore();

    await store.logout();

    expect(net.calls[0]?.body).toEqual({ refreshToken: 'r1' });
    expect(net.calls[0]?.headers['authorization']).toBe('Bearer a1');
    expect(store.isAuthenticated).toBe(false);
    expect(localStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('clears the local session even when the server logout fails', async () => {
    seedSession();
    net = installFakeFetch({ 'POST /api/auth/logout': () => fail(500, 'Something went wrong.') });
    const store = useSessionStore();

    await store.logout();
    expect(store.isAuthenticated).toBe(false);
  });

  it('follows token rotation and forced sign-out done by the API client', () => {
    seedSession('a1', 'r1');
    const store = useSessionStore();
    const current = getSession();
    if (!current) throw new Error('seeded session missing');
    setSession({ ...current, accessToken: 'a2' });
    expect(store.accessToken).toBe('a2');
    setSession(null);
    expect(store.isAuthenticated).toBe(false);
  });

  it('ends the session after a password change', async () => {
    seedSession();
    net = installFakeFetch({ 'POST /api/auth/change-password': () => ok({ changed: true }) });
    const store = useSessionStore();

    await store.changePassword({ currentPassword: 'old-password', newPassword: 'new-password' });

    expect(net.calls[0]?.body).toEqual({ currentPassword: 'old-password', newPassword: 'new-password' });
    expect(store.isAuthenticated).toBe(false);
  });
});

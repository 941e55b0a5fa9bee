import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/shared/api/client';
import { deferred, fail, installFakeFetch, ok, type FakeFetch, type FakeRequest } from '@/shared/test/fake-fetch';
import { userRow } from '@/shared/test/fixtures';
import { useUsersStore } from './users.store';
import { storeTests } from '@/shared/test/mount';

let net: FakeFetch | null = null;

function listResponse(req: FakeRequest) {
  const page = Number(req.query.get('page') ?? '1');
  return ok([userRow(page * 10 + 1), userRow(page * 10 + 2)], { page, limit: 20, total: 45, pages: 3 });
}

function lastQuery(): URLSearchParams {
  const call = net?.calls.at(-1);
  if (!call) throw new Error('no request was made');
  return call.query;
}

storeTests();

describe('users store', () => {
  it('loads a page with the query state', async () => {
    net = installFakeFetch({ 'GET /api/users': listResponse });
    const store = useUsersStore();

    await store.fetch();

    const q = lastQuery();
    expect(q.get('page')).toBe('1');
    expect(q.get('limit')).toBe('20');
    expect(q.get('sort')).toBe('createdAt');
    expect(q.get('order')).toBe('desc');
    expect(q.has('q')).toBe(false);
    expect(store.items).toHaveLength(2);
    expect(store.meta).toEqual({ page: 1, limit: 20, total: 45, pages: 3 });
    expect(store.loading).toBe(false);
    expect(store.loaded).toBe(true);
  });

  it('goes back to page 1 when a filter changes and flips sort order on the same column', async () => {
    net = installFakeFetch({ 'GET /api/users': listResponse });
    const store = useUsersStore();
    await store.fetch();
    await store.goToPage(3);
    expect(store.query.page).toBe(3);

    await store.setQuery({ q: 'budi', role: 'spv', active: 'true' });
    let q = lastQuery();
    expect(q.get('page')).toBe('1');
    expect(q.get('q')).toBe('budi');
    expect(q.get('role')).toBe('spv');
    expect(q.get('active')).toBe('true');

    await store.toggleSort('name');
    q = lastQuery();
    expect([q.get('sort'), q.get('order')]).toEqual(['name', 'asc']);
    await store.toggleSort('name');
    expect(lastQuery().get('order')).toBe('desc');
  });

  it('keeps only the newest answer when searches overlap', async () => {
    const gate = deferred();
    let slowStarted = false;
    net = installFakeFetch({
      'GET /api/users': async (req) => {
        if (req.query.get('q') === 'slow') {
          slowStarted = true;
          await gate.promise;
          return ok([userRow(99)], { page: 1, limit: 20, total: 1, pages: 1 });
        }
        return ok([userRow(1)], { page: 1, limit: 20, total: 1, pages: 1 });
      },
    });
    const store = useUsersStore();

    const slow = store.setQuery({ q: 'slow' });
    await vi.waitFor(() => expect(slowStarted).toBe(true));
    await store.setQuery({ q: 'fast' });
    gate.resolve();
    await slow;

    expect(store.items.map((u) => u.id)).toEqual([userRow(1).id]);
  });

  it('exposes the error and recovers on retry', async () => {
    let failNext = true;
    net = installFakeFetch({
      'GET /api/users': (req) => {
        if (failNext) {
          failNext = false;
          return fail(403, 'Only administrators can manage users.', 'FORBIDDEN');
        }
        return listResponse(req);
      },
    });
    const store = useUsersStore();

    await store.fetch();
    expect(store.error).toBeInstanceOf(ApiError);
    expect((store.error as ApiError).message).toBe('Only administrators can manage users.');

    await store.fetch();
    expect(store.error).toBeNull();
    expect(store.items).toHaveLength(2);
  });

  it('creates a user and reloads the list', async () => {
    const created = userRow(7, { email: 'baru@simpul.test', name: 'Baru' });
    net = installFakeFetch({
      'GET /api/users': listResponse,
      'POST /api/users': () => json201(created),
    });
    const store = useUsersStore();

    const res = await store.create({ email: 'baru@simpul.test', name: 'Baru', role: 'staff', password: 'rahasia123' });

    expect(res).toEqual(created);
    expect(net.callsTo('POST', '/api/users')[0]?.body).toEqual({
      email: 'baru@simpul.test',
      name: 'Baru',
      role: 'staff',
      password: 'rahasia123',
    });
    expect(net.callsTo('GET', '/api/users')).toHaveLength(1);
  });

  it('updates and deactivates users in place', async () => {
    net = installFakeFetch({
      'GET /api/users': listResponse,
      [`PATCH /api/users/${userRow(11).id}`]: (req) => ok({ ...userRow(11), ...(req.body as object) }),
    });
    const store = useUsersStore();
    await store.fetch();

    await store.setActive(userRow(11).id, false);

    expect(net.callsTo('PATCH', `/api/users/${userRow(11).id}`)[0]?.body).toEqual({ active: false });
    expect(store.items.find((u) => u.id === userRow(11).id)?.active).toBe(false);
  });

  it('surfaces API field errors from a failed create', async () => {
    net = installFakeFetch({
      'POST /api/users': () =>
        fail(409, 'A user with this email already exists.', 'CONFLICT', [{ field: 'email', messages: ['Email is taken.'] }]),
    });
    const store = useUsersStore();

    const err = await store
      .create({ email: 'dup@simpul.test', name: 'Dup', role: 'staff', password: 'rahasia123' })
      .catch((e: unknown) => e);

    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).fields[0]?.field).toBe('email');
  });
});

function json201(data: unknown): Response {
  return new Response(JSON.stringify({ success: true, data }), { status: 201, headers: { 'Content-Type': 'application/json' } });
}

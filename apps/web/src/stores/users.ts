import type { CreateUserDto, LocationResponse, PageMeta, UpdateUserDto, UserResponse } from '@simpul/contracts';
import { defineStore } from 'pinia';
import { reactive, ref } from 'vue';
import { usersApi, type UserListParams, type UserSort } from '../api/users';

export interface UserQuery {
  page: number;
  limit: number;
  q: string;
  role: NonNullable<UserListParams['role']>;
  active: NonNullable<UserListParams['active']>;
  sort: UserSort;
  order: 'asc' | 'desc';
}

export const DEFAULT_USER_QUERY: UserQuery = {
  page: 1,
  limit: 20,
  q: '',
  role: '',
  active: '',
  sort: 'createdAt',
  order: 'desc',
};

const PICKER_LIMIT = 200;

export const useUsersStore = defineStore('users', () => {
  const query = reactive<UserQuery>({ ...DEFAULT_USER_QUERY });
  const items = ref<UserResponse[]>([]);
  const meta = ref<PageMeta>({ page: 1, limit: DEFAULT_USER_QUERY.limit, total: 0, pages: 1 });
  const loading = ref(false);
  const error = ref<unknown>(null);
  const loaded = ref(false);

  const supervisors = ref<UserResponse[]>([]);
  const managers = ref<UserResponse[]>([]);
  const locations = ref<LocationResponse[]>([]);

  let seq = 0;

  async function fetch(): Promise<void> {
    const mine = ++seq;
    loading.value = true;
    error.value = null;
    try {
      const res = await usersApi.list({ ...query });
      if (mine !== seq) return; // a newer query has started; drop this answer
      items.value = res.items;
      meta.value = res.meta;
      loaded.value = true;
    } catch (err) {
      if (mine !== seq) return;
      error.value = err;
    } finally {
      if (mine === seq) loading.value = false;
    }
  }

  /** Changes filters and reloads. Any change other than `page` goes back to page 1. */
  function setQuery(patch: Partial<UserQuery>): Promise<void> {
    Object.assign(query, patch);
    if (patch.page === undefined) query.page = 1;
    return fetch();
  }

  /** Click on a column header: same column flips the order, a new column starts ascending. */
  function toggleSort(column: UserSort): Promise<void> {
    if (query.sort === column) return setQuery({ order: query.order === 'asc' ? 'desc' : 'asc' });
    return setQuery({ sort: column, order: 'asc' });
  }

  function goToPage(page: number): Promise<void> {
    const target = Math.min(Math.max(1, page), Math.max(1, meta.value.pages));
    return setQuery({ page: target });
  }

  function replaceItem(user: UserResponse): void {
    const i = items.value.findIndex((u) => u.id === user.id);
    if (i >= 0) items.value.splice(i, 1, user);
  }

  async function create(dto: CreateUserDto): Promise<UserResponse> {
    const user = await usersApi.create(dto);
    await fetch();
    return user;
  }

  async function update(id: string, dto: UpdateUserDto): Promise<UserResponse> {
    const user = await usersApi.update(id, dto);
    replaceItem(user);
    return user;
  }

  function setActive(id: string, active: boolean): Promise<UserResponse> {
    return update(id, { active });
  }

  /** Options for the SPV, manager and location pickers in the user form. */
  async function loadPickers(): Promise<void> {
    const [spv, mgr, locs] = await Promise.all([
      usersApi.list({ role: 'spv', active: 'true', limit: PICKER_LIMIT, sort: 'name', order: 'asc' }),
      usersApi.list({ role: 'manager', active: 'true', limit: PICKER_LIMIT, sort: 'name', order: 'asc' }),
      usersApi.locations(),
    ]);
    supervisors.value = spv.items;
    managers.value = mgr.items;
    locations.value = locs;
  }

  function reset(): void {
    Object.assign(query, DEFAULT_USER_QUERY);
    items.value = [];
    loaded.value = false;
    error.value = null;
  }

  return {
    query,
    items,
    meta,
    loading,
    error,
    loaded,
    supervisors,
    managers,
    locations,
    fetch,
    setQuery,
    toggleSort,
    goToPage,
    create,
    update,
    setActive,
    loadPickers,
    reset,
  };
});

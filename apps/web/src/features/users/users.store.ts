import { ROLES, USER_SORT_FIELDS, type CreateUserDto, type LocationResponse, type UpdateUserDto, type UserResponse } from '@simpul/contracts';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { intField, oneOfField, queryCodec, sortOrderField, textField } from '@/shared/list/query-codec';
import { usersApi, type UserListParams, type UserSort } from './users.api';
import { usePagedList, useSortToggle } from '@/shared/list/paged-list';

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

/** The list's filters, sort and page as the address carries them (`/admin/users?role=spv`). */
export const USER_QUERY_CODEC = queryCodec(DEFAULT_USER_QUERY, {
  q: textField(),
  role: oneOfField(ROLES),
  active: oneOfField(['true', 'false'] as const),
  sort: oneOfField(USER_SORT_FIELDS),
  order: sortOrderField(),
  page: intField(),
});

const PICKER_LIMIT = 200;

export const useUsersStore = defineStore('users', () => {
  const { query, items, meta, loading, error, loaded, fetch, setQuery, goToPage, reset, replaceItem } = usePagedList(
    (q: UserQuery) => usersApi.list({ ...q }),
    DEFAULT_USER_QUERY,
  );

  const supervisors = ref<UserResponse[]>([]);
  const managers = ref<UserResponse[]>([]);
  const locations = ref<LocationResponse[]>([]);

  /** Click on a column header: same column flips the order, a new column starts ascending. */
  const toggleSort = useSortToggle(query, setQuery);

  async function create(dto: CreateUserDto): Promise<UserResponse> {
    const user = await usersApi.create(dto);
    await fetch();
    return user;
  }

  async function update(id: string, dto: UpdateUserDto): Promise<UserResponse> {
    const user = await usersApi.update(id, dto);
    void replaceItem((u) => u.id === id, user);
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

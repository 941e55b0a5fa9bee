import type { CreateUserDto, LocationResponse, Role, UpdateUserDto, UserResponse, UserSort } from '@simpul/contracts';
import { api } from '@/shared/api/client';

export type { UserSort };

export interface UserListParams {
  page?: number;
  limit?: number;
  q?: string;
  role?: Role | '';
  active?: 'true' | 'false' | '';
  sort?: UserSort;
  order?: 'asc' | 'desc';
}

export const usersApi = {
  list: (params: UserListParams = {}) => api.page<UserResponse>('/api/users', { ...params }),
  get: (id: string) => api.get<UserResponse>(`/api/users/${encodeURIComponent(id)}`),
  create: (dto: CreateUserDto) => api.post<UserResponse>('/api/users', dto),
  update: (id: string, dto: UpdateUserDto) => api.patch<UserResponse>(`/api/users/${encodeURIComponent(id)}`, dto),
  locations: () => api.get<LocationResponse[]>('/api/locations'),
};

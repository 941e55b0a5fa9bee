import type { AuthUser, ChangePasswordDto, LoginResponse } from '@simpul/contracts';
import { api } from '@/shared/api/client';

export const authApi = {
  login: (email: string, password: string) =>
    api.post<LoginResponse>('/api/auth/login', { email, password }, { auth: false }),
  logout: (refreshToken: string) => api.post<{ revoked: boolean | number }>('/api/auth/logout', { refreshToken }),
  me: () => api.get<AuthUser>('/api/auth/me'),
  changePassword: (dto: ChangePasswordDto) => api.post<{ changed: boolean }>('/api/auth/change-password', dto),
};

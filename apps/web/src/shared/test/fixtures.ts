import type { AuthUser, LoginResponse, UserResponse } from '@simpul/contracts';
import { setSession } from '@/shared/api/client';

export const adminUser: AuthUser = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'admin@simpul.test',
  name: 'Ayu Admin',
  role: 'admin',
  locationId: null,
};

export function loginResponse(accessToken: string, refreshToken: string, user: AuthUser = adminUser): LoginResponse {
  return { accessToken, refreshToken, expiresIn: 900, tokenType: 'Bearer', user };
}

/** Puts a signed-in session in storage, as if the user had logged in earlier. */
export function seedSession(accessToken = 'access-1', refreshToken = 'refresh-1', user: AuthUser = adminUser): void {
  setSession({ accessToken, refreshToken, expiresAt: Date.now() + 15 * 60_000, user });
}

export function userRow(n: number, patch: Partial<UserResponse> = {}): UserResponse {
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return {
    id,
    email: `user${n}@simpul.test`,
    name: `User ${n}`,
    role: 'staff',
    active: true,
    spvId: null,
    managerId: null,
    locationId: null,
    createdAt: '2025-01-02T03:04:05.000Z',
    updatedAt: '2025-01-02T03:04:05.000Z',
    ...patch,
  };
}

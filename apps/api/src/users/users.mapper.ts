import type { AuthUser, LocationResponse, UserResponse } from '@simpul/contracts';
import type { LocationEntity } from './location.entity';
import type { UserEntity } from './user.entity';

export function mapUser(row: UserEntity): UserResponse {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    active: row.active,
    spvId: row.spvId,
    managerId: row.managerId,
    locationId: row.locationId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function mapAuthUser(row: Pick<UserEntity, 'id' | 'email' | 'name' | 'role' | 'locationId'>): AuthUser {
  return { id: row.id, email: row.email, name: row.name, role: row.role, locationId: row.locationId };
}

export function mapLocation(row: LocationEntity): LocationResponse {
  return { id: row.id, code: row.code, name: row.name, onlineUrl: row.onlineUrl };
}

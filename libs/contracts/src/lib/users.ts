import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsOptionalNotNull } from './input';
import { SortedSearchQuery } from './pagination';
import { ROLES, type Role } from './roles';

export const PASSWORD_MIN_LENGTH = 8;

export class CreateUserDto {
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name!: string;

  @IsIn(ROLES)
  role!: Role;

  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(200)
  password!: string;

  @IsOptionalNotNull()
  @IsBoolean()
  active?: boolean;

  @IsOptional()
  @IsUUID()
  spvId?: string | null;

  @IsOptional()
  @IsUUID()
  managerId?: string | null;

  @IsOptional()
  @IsUUID()
  locationId?: string | null;
}

export class UpdateUserDto {
  @IsOptionalNotNull()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @IsOptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name?: string;

  @IsOptionalNotNull()
  @IsIn(ROLES)
  role?: Role;

  @IsOptionalNotNull()
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(200)
  password?: string;

  @IsOptionalNotNull()
  @IsBoolean()
  active?: boolean;

  @IsOptional()
  @IsUUID()
  spvId?: string | null;

  @IsOptional()
  @IsUUID()
  managerId?: string | null;

  @IsOptional()
  @IsUUID()
  locationId?: string | null;
}

export class ChangePasswordDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  currentPassword!: string;

  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(200)
  newPassword!: string;
}

export const USER_SORT_FIELDS = ['name', 'email', 'role', 'createdAt'] as const;
export type UserSort = (typeof USER_SORT_FIELDS)[number];

export class UserListQueryDto extends SortedSearchQuery('UserSortQuery', USER_SORT_FIELDS) {
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @IsOptional()
  @Type(() => String)
  @IsIn(['true', 'false'])
  active?: 'true' | 'false';
}

export interface UserResponse {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  spvId: string | null;
  managerId: string | null;
  locationId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface LocationResponse {
  id: string;
  code: string;
  name: string;
  onlineUrl: string | null;
}

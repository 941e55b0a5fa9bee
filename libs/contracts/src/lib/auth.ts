import { IsBoolean, IsEmail, IsNotEmpty, IsString, MaxLength, ValidateIf } from 'class-validator';
import { IsOptionalNotNull } from './input';
import type { Role } from './roles';

/**
 * Login by email. The engineering system's `/login` sends `username`, which is the email here.
 */
export class LoginDto {
  @ValidateIf((o: LoginDto) => o.username === undefined)
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ValidateIf((o: LoginDto) => o.email === undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  username?: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password!: string;
}

export class RefreshDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken!: string;
}

export class LogoutDto {
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(200)
  refreshToken?: string;

  /** Revoke every session of this user, not just the given one. */
  @IsOptionalNotNull()
  @IsBoolean()
  allSessions?: boolean;
}

export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  locationId: string | null;
}

export interface TokenPair {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  refreshToken: string;
  tokenType: 'Bearer';
}

export interface LoginResponse extends TokenPair {
  user: AuthUser;
}

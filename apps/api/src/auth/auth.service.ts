import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser, LoginDto, LoginResponse, LogoutDto, TokenPair } from '@simpul/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { randomToken, sha256Hex } from '../common/crypto';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DUMMY_HASH, verifyPassword } from '../users/password';
import { UserEntity } from '../users/user.entity';
import { mapAuthUser } from '../users/users.mapper';
import { AuthError, AuthErrorCode } from './auth.error';
import { AccessTokenPayload } from './jwt-keys';
import { LoginThrottleService } from './login-throttle.service';
import { RefreshTokenEntity } from './refresh-token.entity';

const DAY_MS = 86_400_000;

@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottleService,
  ) {}

  /** `address` is the client's (see TRUST_PROXY); failed attempts are throttled per address and per login name. */
  async login(dto: LoginDto, address: string, requestId?: string): Promise<LoginResponse> {
    const email = (dto.email ?? dto.username ?? '').trim().toLowerCase();
    const ticket = await this.throttle.begin(address, email);
    const user = await this.findLocalUserByEmail(email);
    // Compare even when the user is unknown, so response time does not reveal which emails exist.
    const ok = await verifyPassword(dto.password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok) {
      await this.dataSource.transaction((em) =>
        this.audit.record(em, null, { action: 'LOGIN_FAILED', resourceType: 'USER', resourceId: user?.id ?? null, details: { email } }),
      );
      throw new AuthError(AuthErrorCode.InvalidCredentials, 'Invalid email or password.');
    }
    await this.throttle.succeeded(ticket);
    if (!user.active) throw new AuthError(AuthErrorCode.AccountInactive, 'This account is deactivated. Ask an admin to reactivate it.');
    const authUser = mapAuthUser(user);
    const tokens = await this.dataSource.transaction(async (em) => {
      await em.update(UserEntity, { id: user.id }, { lastLoginAt: new Date() });
      await this.audit.record(em, { ...authUser, requestId }, { action: 'LOGIN', resourceType: 'USER', resourceId: user.id });
      return this.issueTokens(em, authUser, randomUUID());
    });
    return { ...tokens, user: authUser };
  }

  async refresh(refreshToken: string, address: string): Promise<LoginResponse> {
    const ticket = await this.throttle.begin(address, null);
    const hash = sha256Hex(refreshToken);
    const outcome = await this.dataSource.transaction(async (em) => {
      const row = await em.findOne(RefreshTokenEntity, { where: { tokenHash: hash }, lock: { mode: 'pessimistic_write' } });
      if (!row) return { error: 'unknown' as const };
      if (row.revokedAt) {
        // A rotated token presented again means it leaked: end that whole login.
        await em.update(RefreshTokenEntity, { familyId: row.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
        return { error: 'reused' as const };
      }
      if (row.expiresAt.getTime() <= Date.now()) return { error: 'expired' as const };
      const user = await em.findOne(UserEntity, { where: { id: row.userId } });
      if (!user || !user.active) return { error: 'inactive' as const };
      const authUser = mapAuthUser(user);
      const tokens = await this.issueTokens(em, authUser, row.familyId);
      const next = await em.findOneOrFail(RefreshTokenEntity, { where: { tokenHash: sha256Hex(tokens.refreshToken) } });
      await em.update(RefreshTokenEntity, { id: row.id }, { revokedAt: new Date(), replacedById: next.id });
      return { response: { ...tokens, user: authUser } };
    });
    if (outcome.response) {
      await this.throttle.succeeded(ticket);
      return outcome.response;
    }
    throw new AuthError(AuthErrorCode.InvalidRefreshToken, 'The refresh token is invalid or expired. Please log in again.');
  }

  async logout(actor: Actor, dto: LogoutDto): Promise<{ revoked: number }> {
    return this.dataSource.transaction(async (em) => {
      let revoked = 0;
      if (dto.allSessions) {
        const res = await em.update(RefreshTokenEntity, { userId: actor.id, revokedAt: IsNull() }, { revokedAt: new Date() });
        revoked = res.affected ?? 0;
      } else if (dto.refreshToken) {
        const row = await em.findOne(RefreshTokenEntity, { where: { tokenHash: sha256Hex(dto.refreshToken), userId: actor.id } });
        if (row) {
          const res = await em.update(RefreshTokenEntity, { familyId: row.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
          revoked = res.affected ?? 0;
        }
      }
      await this.audit.record(em, actor, { action: 'LOGOUT', resourceType: 'USER', resourceId: actor.id, details: { revoked } });
      return { revoked };
    });
  }

  me(actor: Actor): AuthUser {
    return { id: actor.id, email: actor.email, name: actor.name, role: actor.role, locationId: actor.locationId };
  }

  private async findLocalUserByEmail(email: string): Promise<UserEntity | null> {
    if (!email) return null;
    // Users are unique per (email, location); a login here is for this server's own users.
    return this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .leftJoin('locations', 'l', 'l.id = u.location_id')
      .where('u.email = :email', { email })
      .andWhere('(u.location_id IS NULL OR l.is_local)')
      .getOne();
  }

  private async issueTokens(em: EntityManager, user: AuthUser, familyId: string): Promise<TokenPair> {
    const payload: AccessTokenPayload = { sub: user.id, role: user.role, typ: 'access' };
    const expiresIn = this.config.auth.accessTokenTtlSeconds;
    const accessToken = await this.jwt.signAsync(payload, { expiresIn });
    const refreshToken = randomToken();
    await em.insert(RefreshTokenEntity, {
      userId: user.id,
      familyId,
      tokenHash: sha256Hex(refreshToken),
      expiresAt: new Date(Date.now() + this.config.auth.refreshTokenTtlDays * DAY_MS),
    });
    return { accessToken, expiresIn, refreshToken, tokenType: 'Bearer' };
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { InjectDataSource } from '@nestjs/typeorm';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/auth/actor';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { UserEntity } from '../users/user.entity';
import { mapAuthUser } from '../users/users.mapper';
import { AccessTokenPayload, accessTokenKey, JWT_ALGORITHM } from './jwt-keys';

/**
 * Verifies the HS256 signature and expiry (so `alg: none` and forged tokens fail), requires an expiry at all (jsonwebtoken
 * accepts a token without `exp` as never expiring; this server never issues one), then checks the user is still active.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // passport-jwt hands this to jsonwebtoken, which takes a KeyObject; its typings only list string | Buffer.
      secretOrKey: accessTokenKey(config) as unknown as Buffer,
      algorithms: [JWT_ALGORITHM],
      ignoreExpiration: false,
    });
  }

  async validate(payload: AccessTokenPayload): Promise<Actor | false> {
    if (payload.typ !== 'access' || typeof payload.sub !== 'string' || typeof payload.exp !== 'number') return false;
    const user = await this.dataSource.getRepository(UserEntity).findOne({
      where: { id: payload.sub },
      select: { id: true, email: true, name: true, role: true, locationId: true, active: true },
    });
    if (!user || !user.active) return false;
    return mapAuthUser(user);
  }
}

import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Role } from '@simpul/contracts';
import { asDatabaseOverload } from '../../database/database.error';
import { CommonError, CommonErrorCode } from '../errors/common.error';
import type { Actor } from './actor';
import { IS_PUBLIC, ROLES_KEY } from './decorators';

/** Every route needs a valid access token unless it is marked @Public(). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    return isPublic ? true : super.canActivate(context);
  }

  override handleRequest<T>(err: unknown, user: T | false): T {
    // The user lookup met an overloaded database: a 503 to retry, not a 401 that signs the user out.
    const overload = asDatabaseOverload(err);
    if (overload) throw overload;
    if (err || !user) throw new CommonError(CommonErrorCode.Unauthorized, 'Unauthorized');
    return user;
  }
}

@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!roles || roles.length === 0) return true;
    const user = context.switchToHttp().getRequest<{ user?: Actor }>().user;
    if (user && roles.includes(user.role)) return true;
    throw new CommonError(
      CommonErrorCode.Forbidden,
      `This action needs one of these roles: ${roles.join(', ')}.`,
    );
  }
}

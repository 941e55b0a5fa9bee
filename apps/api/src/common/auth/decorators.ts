import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@simpul/contracts';
import type { Actor } from './actor';

export const IS_PUBLIC = 'simpul:public';
export const ROLES_KEY = 'simpul:roles';

/** Opts a route out of the global JWT guard. Every use is listed in the route-permission test. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Restricts a route (or controller) to the given roles. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const req = ctx.switchToHttp().getRequest<{ user: Actor; id?: string }>();
  return { ...req.user, requestId: req.id === undefined ? undefined : String(req.id) };
});

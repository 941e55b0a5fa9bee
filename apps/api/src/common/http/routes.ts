import { INestApplication, RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { Role } from '@simpul/contracts';
import { IS_PUBLIC, ROLES_KEY } from '../auth/decorators';

/** One registered route, with what the guards and the OpenAPI document need to know about it. */
export interface RouteInfo {
  method: string;
  /** Express style: `/api/users/:id`. */
  path: string;
  controller: Type;
  handlerName: string;
  handler: (...args: unknown[]) => unknown;
  isPublic: boolean;
  /** The roles `@Roles` allows; null when every signed-in user may call it. */
  roles: readonly Role[] | null;
  /** The class of the whole-object `@Query()` argument, when there is one and its type is known. */
  queryType: Type | null;
  readsQuery: boolean;
  readsBody: boolean;
}

function joinPath(...parts: string[]): string {
  return (
    '/' +
    parts
      .map((p) => p.replace(/^\/+|\/+$/g, ''))
      .filter(Boolean)
      .join('/')
  );
}

/**
 * Every route Nest registered, read from the same metadata its router and guards use (so the route-permission and
 * role-matrix tests and the OpenAPI document cover new features without being told about them).
 */
export function registeredRoutes(app: INestApplication): RouteInfo[] {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const reflector = app.get(Reflector);
  const routes: RouteInfo[] = [];
  for (const wrapper of discovery.getControllers()) {
    const { instance, metatype } = wrapper;
    if (!instance || !metatype) continue;
    const controller = metatype as Type;
    const prefixes = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    const proto = Object.getPrototypeOf(instance) as Record<string, unknown>;
    for (const name of scanner.getAllMethodNames(proto)) {
      const handler = proto[name] as (...args: unknown[]) => unknown;
      const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (paths === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const isPublic = reflector.getAllAndOverride<boolean>(IS_PUBLIC, [handler, controller]) ?? false;
      const roles = reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [handler, controller]);
      const args = argumentsOf(controller, name);
      for (const prefix of prefixes) {
        for (const p of ([] as string[]).concat(paths)) {
          routes.push({
            method,
            path: joinPath(prefix, p),
            controller,
            handlerName: name,
            handler,
            isPublic,
            roles: roles && roles.length > 0 ? roles : null,
            ...args,
          });
        }
      }
    }
  }
  return routes;
}

function argumentsOf(controller: Type, name: string): Pick<RouteInfo, 'queryType' | 'readsQuery' | 'readsBody'> {
  const meta = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<
    string,
    { index: number; data?: unknown }
  >;
  const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, name) ?? []) as unknown[];
  let queryType: Type | null = null;
  let readsQuery = false;
  let readsBody = false;
  for (const [key, arg] of Object.entries(meta)) {
    const kind = Number(key.split(':')[0]);
    if (kind === RouteParamtypes.BODY) readsBody = true;
    if (kind === RouteParamtypes.QUERY) {
      readsQuery = true;
      const type = types[arg.index];
      if (arg.data === undefined && typeof type === 'function' && type !== Object) queryType = type as Type;
    }
  }
  return { queryType, readsQuery, readsBody };
}

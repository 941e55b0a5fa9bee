import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { IS_PUBLIC } from '../src/common/auth/decorators';
import { createTestApp, TestApp } from './support/test-app';

/** The only routes anyone may call without a token. Adding a @Public() route means adding it here, on purpose. */
const PUBLIC_ROUTES = new Set(['GET /api/health', 'POST /api/auth/login', 'POST /login', 'POST /api/auth/refresh']);

interface Route {
  method: string;
  path: string;
  isPublic: boolean;
}

function joinPath(...parts: string[]): string {
  return '/' + parts.map((p) => p.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/');
}

/** Every route Nest registered, read from the same metadata its router uses. */
function registeredRoutes(t: TestApp): Route[] {
  const discovery = t.app.get(DiscoveryService);
  const scanner = t.app.get(MetadataScanner);
  const reflector = t.app.get(Reflector);
  const routes: Route[] = [];
  for (const wrapper of discovery.getControllers()) {
    const { instance, metatype } = wrapper;
    if (!instance || !metatype) continue;
    const prefixes = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
    const proto = Object.getPrototypeOf(instance) as object;
    for (const name of scanner.getAllMethodNames(proto)) {
      const handler = (proto as Record<string, unknown>)[name] as object;
      const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (paths === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const isPublic = reflector.getAllAndOverride<boolean>(IS_PUBLIC, [handler as () => void, metatype]) ?? false;
      for (const prefix of prefixes) {
        for (const p of ([] as string[]).concat(paths)) routes.push({ method, path: joinPath(prefix, p), isPublic });
      }
    }
  }
  return routes;
}

describe('route permissions (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('finds the routes (a guard against reading no metadata at all)', () => {
    const keys = registeredRoutes(t).map((r) => `${r.method} ${r.path}`);
    expect(keys).toEqual(expect.arrayContaining(['GET /api/users', 'POST /api/auth/login', 'GET /api/audit-logs']));
  });

  it('marks exactly the allow-listed routes as public', () => {
    const publicKeys = registeredRoutes(t)
      .filter((r) => r.isPublic)
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(publicKeys).toEqual([...PUBLIC_ROUTES].sort());
  });

  it('answers 401 without a token on every other route', async () => {
    const guarded = registeredRoutes(t).filter((r) => !PUBLIC_ROUTES.has(`${r.method} ${r.path}`));
    const open: string[] = [];
    for (const r of guarded) {
      const url = r.path.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');
      const res = await t.http[r.method.toLowerCase() as 'get'](url).send({});
      if (res.status !== 401) open.push(`${r.method} ${r.path} -> ${res.status}`);
    }
    expect(open).toEqual([]);
  });
});

import { vi } from 'vitest';

export interface FakeRequest {
  method: string;
  url: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  /** The JSON body, parsed. */
  body: unknown;
  /** The body as sent (a `FormData` for uploads). */
  rawBody: unknown;
}

export type FakeHandler = (req: FakeRequest) => Response | Promise<Response>;

/** The check of the fake installed last, for `checkFakeFetch`. */
let checkInstalled: (() => void) | null = null;

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

export function ok<T>(data: T, meta?: unknown): Response {
  return json(200, meta === undefined ? { success: true, data } : { success: true, data, meta });
}

export function fail(status: number, error: string, code = 'ERROR', fields?: unknown): Response {
  return json(status, { success: false, error, code, ...(fields ? { fields } : {}) });
}

/**
 * Installs a fake `fetch` that answers only the routes given ("METHOD /path", matched on the path without query).
 * Any other call throws AND is recorded, so `assertNoUnexpected()` fails the test even if the client
 * turned the throw into a network error.
 */
export function installFakeFetch(routes: Record<string, FakeHandler>) {
  const calls: FakeRequest[] = [];
  const unexpected: string[] = [];

  const fake = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
    const parsed = new URL(url, 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => {
      headers[key] = value;
    });
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const req: FakeRequest = { method, url, path: parsed.pathname, query: parsed.searchParams, headers, body, rawBody: init?.body };
    calls.push(req);
    const handler = routes[`${method} ${parsed.pathname}`];
    if (!handler) {
      const msg = `Unexpected fetch: ${method} ${url}`;
      unexpected.push(msg);
      throw new Error(msg);
    }
    return handler(req);
  });

  vi.stubGlobal('fetch', fake);

  function assertNoUnexpected(): void {
    if (unexpected.length) throw new Error(unexpected.join('\n'));
  }
  checkInstalled = assertNoUnexpected;

  return {
    fake,
    calls,
    callsTo(method: string, path: string): FakeRequest[] {
      return calls.filter((c) => c.method === method && c.path === path);
    },
    assertNoUnexpected,
  };
}

/** After a test: throws if the fake installed last was called on a route it does not answer. Forgets it either way. */
export function checkFakeFetch(): void {
  const check = checkInstalled;
  checkInstalled = null;
  check?.();
}

export type FakeFetch = ReturnType<typeof installFakeFetch>;

/** A promise with its resolve function, to hold a fake response until the test lets it go. */
export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

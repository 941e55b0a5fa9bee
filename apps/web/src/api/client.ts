import type { ApiErrorBody, ApiSuccess, FieldError, LoginResponse, PageMeta } from '@simpul/contracts';
import {
  readStoredSession,
  sessionFromLogin,
  writeStoredSession,
  type StoredSession,
} from './session-storage';

/** Every failure the client reports: HTTP error envelopes, odd responses and network failures. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  readonly requestId?: string;

  constructor(status: number, code: string, message: string, fields: FieldError[] = [], requestId?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.requestId = requestId;
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

export interface Paginated<T> {
  items: T[];
  meta: PageMeta;
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Send the bearer token (default true). */
  auth?: boolean;
  signal?: AbortSignal;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type SessionListener = (session: StoredSession | null) => void;

/** Routes whose 401 means "bad credentials", not "token expired": never refresh-and-retry these. */
const NO_REFRESH_PATHS = ['/api/auth/login', '/api/auth/refresh', '/api/auth/logout', '/api/auth/change-password'];
/** Refresh a little before the access token really expires. */
const EXPIRY_SKEW_MS = 10_000;

const listeners = new Set<SessionListener>();
let authFailureHandler: (() => void) | null = null;
let refreshInFlight: Promise<boolean> | null = null;

export function getSession(): StoredSession | null {
  return readStoredSession();
}

export function setSession(session: StoredSession | null): void {
  writeStoredSession(session);
  for (const listener of listeners) listener(session);
}

/** Subscribe to session changes made by the client (refresh, forced logout). Returns an unsubscribe function. */
export function onSessionChange(listener: SessionListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called after a failed refresh has cleared the session (the app redirects to the login page). */
export function onAuthFailure(handler: (() => void) | null): void {
  authFailureHandler = handler;
}

export function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.append(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && (value as { success?: unknown }).success === false;
}

function isSuccessBody<T>(value: unknown): value is ApiSuccess<T> {
  return typeof value === 'object' && value !== null && (value as { success?: unknown }).success === true;
}

async function send(method: Method, url: string, opts: RequestOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers['Authorization'] = `Bearer ${token}`;
  try {
    return await fetch(url, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK_ERROR', 'The server could not be reached. Check your connection and try again.');
  }
}

async function parse<T>(res: Response): Promise<ApiSuccess<T>> {
  let body: unknown = null;
  const text = await res.text();
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  if (res.ok && isSuccessBody<T>(body)) return body;
  if (isErrorBody(body)) {
    throw new ApiError(res.status, body.code ?? `HTTP_${res.status}`, body.error, body.fields ?? [], body.requestId);
  }
  if (res.ok) {
    throw new ApiError(res.status, 'BAD_RESPONSE', 'The server sent a response the app could not read.');
  }
  throw new ApiError(res.status, `HTTP_${res.status}`, `The server answered with status ${res.status}.`);
}

async function doRefresh(): Promise<boolean> {
  const current = getSession();
  if (!current) return false;
  let res: Response;
  try {
    res = await send('POST', '/api/auth/refresh', { body: { refreshToken: current.refreshToken } }, null);
  } catch {
    // Network trouble: keep the session, the caller will see its original error.
    return false;
  }
  try {
    const body = await parse<LoginResponse>(res);
    setSession(sessionFromLogin(body.data));
    return true;
  } catch {
    setSession(null);
    authFailureHandler?.();
    return false;
  }
}

/** Single-flight refresh: concurrent callers share one request. */
export function refreshSession(): Promise<boolean> {
  if (!refreshInFlight) {
    refreshInFlight = doRefresh().finally(() => {
      refreshInFlight = null;
    });
  }
  return refreshInFlight;
}

function canRefresh(path: string): boolean {
  return !NO_REFRESH_PATHS.some((p) => path === p || path.startsWith(`${p}?`));
}

/** Performs a request and returns the whole success envelope. */
export async function requestEnvelope<T>(method: Method, path: string, opts: RequestOptions = {}): Promise<ApiSuccess<T>> {
  const url = buildUrl(path, opts.query);
  const useAuth = opts.auth !== false;
  const refreshable = useAuth && canRefresh(path);

  let session = useAuth ? getSession() : null;
  if (session && refreshable && session.expiresAt - EXPIRY_SKEW_MS <= Date.now()) {
    await refreshSession();
    session = getSession();
  }
  const token = session?.accessToken ?? null;
  const res = await send(method, url, opts, token);

  if (res.status === 401 && refreshable && token) {
    // Another request may have refreshed already while this one was in flight.
    const latest = getSession();
    const refreshed = latest && latest.accessToken !== token ? true : await refreshSession();
    const next = getSession();
    if (refreshed && next) {
      return parse<T>(await send(method, url, opts, next.accessToken));
    }
  }
  return parse<T>(res);
}

export async function request<T>(method: Method, path: string, opts: RequestOptions = {}): Promise<T> {
  return (await requestEnvelope<T>(method, path, opts)).data;
}

export const api = {
  get: <T>(path: string, query?: Query, opts: Omit<RequestOptions, 'query'> = {}) =>
    request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('POST', path, { ...opts, body }),
  patch: <T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('PATCH', path, { ...opts, body }),
  delete: <T>(path: string, opts: RequestOptions = {}) => request<T>('DELETE', path, opts),
  async page<T>(path: string, query?: Query, opts: Omit<RequestOptions, 'query'> = {}): Promise<Paginated<T>> {
    const env = await requestEnvelope<T[]>('GET', path, { ...opts, query });
    const items = env.data;
    const meta = env.meta ?? { page: 1, limit: items.length, total: items.length, pages: 1 };
    return { items, meta };
  },
};

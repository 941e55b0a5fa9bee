import type { ApiErrorBody, ApiSuccess, FieldError, LoginResponse, Page } from '@simpul/contracts';
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
  /** Machine-readable extras some errors carry (e.g. `shortages` for STOCK_INSUFFICIENT, `preview` for imports). */
  readonly details?: Record<string, unknown>;

  constructor(
    status: number,
    code: string,
    message: string,
    fields: FieldError[] = [],
    requestId?: string,
    details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.requestId = requestId;
    this.details = details;
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export interface RequestOptions {
  query?: Query;
  /** JSON-serialised, except `FormData`, which goes as multipart (the browser sets the boundary). */
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

function isFormData(value: unknown): value is FormData {
  return typeof FormData !== 'undefined' && value instanceof FormData;
}

async function send(
  method: Method,
  url: string,
  opts: RequestOptions,
  token: string | null,
  accept = 'application/json',
): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept };
  const multipart = isFormData(opts.body);
  if (opts.body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
  if (token) headers['Authorization'] = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (multipart) body = opts.body as FormData;
  else if (opts.body !== undefined) body = JSON.stringify(opts.body);
  try {
    return await fetch(url, { method, headers, body, signal: opts.signal });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK_ERROR', 'The server could not be reached. Check your connection and try again.');
  }
}

function errorFromBody(status: number, body: unknown): ApiError {
  if (isErrorBody(body)) {
    const details = (body as { details?: unknown }).details;
    return new ApiError(
      status,
      body.code ?? `HTTP_${status}`,
      body.error,
      body.fields ?? [],
      body.requestId,
      typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : undefined,
    );
  }
  return new ApiError(status, `HTTP_${status}`, `The server answered with status ${status}.`);
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

async function parse<T>(res: Response): Promise<ApiSuccess<T>> {
  const body = await readJson(res);
  if (res.ok && isSuccessBody<T>(body)) return body;
  if (res.ok && !isErrorBody(body)) {
    throw new ApiError(res.status, 'BAD_RESPONSE', 'The server sent a response the app could not read.');
  }
  throw errorFromBody(res.status, body);
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

/** Sends with the bearer token, refreshing it (once) before it expires or after a 401. Returns the raw response. */
async function authorizedSend(method: Method, path: string, opts: RequestOptions, accept?: string): Promise<Response> {
  const url = buildUrl(path, opts.query);
  const useAuth = opts.auth !== false;
  const refreshable = useAuth && canRefresh(path);

  let session = useAuth ? getSession() : null;
  if (session && refreshable && session.expiresAt - EXPIRY_SKEW_MS <= Date.now()) {
    await refreshSession();
    session = getSession();
  }
  const token = session?.accessToken ?? null;
  const res = await send(method, url, opts, token, accept);

  if (res.status === 401 && refreshable && token) {
    // Another request may have refreshed already while this one was in flight.
    const latest = getSession();
    const refreshed = latest && latest.accessToken !== token ? true : await refreshSession();
    const next = getSession();
    if (refreshed && next) return send(method, url, opts, next.accessToken, accept);
  }
  return res;
}

/** Performs a request and returns the whole success envelope. */
export async function requestEnvelope<T>(method: Method, path: string, opts: RequestOptions = {}): Promise<ApiSuccess<T>> {
  return parse<T>(await authorizedSend(method, path, opts));
}

export interface DownloadedFile {
  blob: Blob;
  /** From `Content-Disposition`, when the server names the file. */
  filename: string | null;
}

function filenameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain form
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1]?.trim() ?? null;
}

/** A file the API streams without the envelope (exports, templates); errors still come as envelopes. */
export async function requestFile(path: string, query?: Query, opts: Omit<RequestOptions, 'query' | 'body'> = {}): Promise<DownloadedFile> {
  const res = await authorizedSend('GET', path, { ...opts, query }, '*/*');
  if (!res.ok) throw errorFromBody(res.status, await readJson(res));
  return { blob: await res.blob(), filename: filenameFrom(res.headers.get('Content-Disposition')) };
}

/** Hands a downloaded file to the browser as a download. */
export function saveFile(file: DownloadedFile, fallbackName: string): void {
  const url = URL.createObjectURL(file.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename ?? fallbackName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
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
  put: <T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('PUT', path, { ...opts, body }),
  delete: <T>(path: string, opts: RequestOptions = {}) => request<T>('DELETE', path, opts),
  /** `multipart/form-data` POST (file uploads). */
  upload: <T>(path: string, form: FormData, query?: Query, opts: Omit<RequestOptions, 'body' | 'query'> = {}) =>
    request<T>('POST', path, { ...opts, query, body: form }),
  download: (path: string, query?: Query, opts: Omit<RequestOptions, 'query' | 'body'> = {}) => requestFile(path, query, opts),
  async page<T>(path: string, query?: Query, opts: Omit<RequestOptions, 'query'> = {}): Promise<Page<T>> {
    const env = await requestEnvelope<T[]>('GET', path, { ...opts, query });
    const items = env.data;
    const meta = env.meta ?? { page: 1, limit: items.length, total: items.length, pages: 1 };
    return { items, meta };
  },
};

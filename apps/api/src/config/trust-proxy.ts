import { isIP } from 'node:net';

/** proxy-addr's named ranges, which Express accepts beside addresses. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** What Express's `trust proxy` gets: nothing, a hop count, or the proxies' addresses. */
export type TrustProxy = false | number | string[];

export const TRUST_PROXY_HELP =
  'TRUST_PROXY must be empty (trust no proxy), a hop count such as 1, or a comma-separated list of proxy addresses or CIDRs such as 10.0.0.0/8, loopback';

/**
 * Parses `TRUST_PROXY`. The client address (login throttling, logs) is read from `X-Forwarded-For` only through the
 * proxies named here; with none, it is the TCP peer, which a client cannot forge. Returns null when invalid.
 */
export function parseTrustProxy(raw: string | undefined): TrustProxy | null {
  const value = (raw ?? '').trim();
  if (value === '' || value === '0') return false;
  if (/^\d+$/.test(value)) return Number(value) <= 10 ? Number(value) : null;
  const entries = value.split(',').map((e) => e.trim());
  return entries.every(isProxyEntry) ? entries : null;
}

function isProxyEntry(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isIP } from 'node:net';
import { DataSource } from 'typeorm';
import { sha256Hex } from '../common/crypto';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AuthError, AuthErrorCode } from './auth.error';

/** A quarter of an hour without a failure forgets a login name's failure streak. */
const STREAK_RESET_SECONDS = 15 * 60;
/** Rows untouched this long are deleted; at most one sweep per instance per interval. */
const SWEEP_AFTER = '1 day';
const SWEEP_EVERY_MS = 10 * 60_000;

/** The buckets one attempt was counted in, so a success can give them back. */
export interface ThrottleTicket {
  addressKey: string;
  accountKey: string | null;
}

/**
 * Login throttling as OWASP's authentication cheat sheet describes it, in PostgreSQL so every API instance sees the
 * same counts:
 * - per client address, at most `limit` failed attempts per window (a fixed window, then 429 until it ends);
 * - per login name, after `delayAfterFailures` consecutive failures, a delay of 1, 2, 4 … seconds before the next
 *   attempt, capped at `maxDelaySeconds`. Guessing slows to one try per cap, while a stranger failing on purpose can
 *   make the owner wait at most that long. Unknown names are tracked the same way, so a 429 reveals nothing.
 * Each attempt is counted before the password is checked (atomically, so parallel attempts cannot slip through
 * together) and given back when it succeeds.
 */
@Injectable()
export class LoginThrottleService {
  private lastSweep = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Counts an attempt from `address` (for `login`, when given); throws a 429 with the wait when either must wait. */
  async begin(address: string, login: string | null): Promise<ThrottleTicket> {
    await this.sweep();
    const ticket: ThrottleTicket = {
      addressKey: `addr:${addressBucket(address)}`,
      accountKey: login === null ? null : `acct:${sha256Hex(login.trim().toLowerCase())}`,
    };
    const { limit, windowSeconds } = this.config.auth.loginThrottle;
    const [addr] = (await this.dataSource.query(
      `INSERT INTO login_throttle AS t (key, count, window_started_at, blocked_until, updated_at)
       VALUES ($1, 1, now(), now(), now())
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN t.window_started_at <= now() - make_interval(secs => $2::int) THEN 1 ELSE t.count + 1 END,
         window_started_at = CASE WHEN t.window_started_at <= now() - make_interval(secs => $2::int) THEN now() ELSE t.window_started_at END,
         updated_at = now()
       RETURNING t.count, ceil(extract(epoch FROM t.window_started_at + make_interval(secs => $2::int) - now()))::int AS wait`,
      [ticket.addressKey, windowSeconds],
    )) as Array<{ count: number; wait: number }>;
    if (addr && addr.count > limit) {
      throw tooMany(
        `Too many failed sign-in attempts from your network. Try again in ${plural(addr.wait)}.`,
        addr.wait,
      );
    }
    if (ticket.accountKey) await this.countForAccount(ticket.accountKey);
    return ticket;
  }

  /** The attempt succeeded: it no longer counts against the address, and the login name's streak ends. */
  async succeeded(ticket: ThrottleTicket): Promise<void> {
    await this.dataSource.query(`UPDATE login_throttle SET count = greatest(count - 1, 0) WHERE key = $1`, [
      ticket.addressKey,
    ]);
    if (ticket.accountKey)
      await this.dataSource.query(`DELETE FROM login_throttle WHERE key = $1`, [ticket.accountKey]);
  }

  /**
   * Adds a failure to the login name's streak and blocks its next attempt for the streak's delay, in one statement
   * that refuses while a block is running. A success later clears the row, so the block only outlives failures.
   */
  private async countForAccount(key: string): Promise<void> {
    const { delayAfterFailures, maxDelaySeconds } = this.config.auth.loginThrottle;
    const next = `CASE WHEN t.updated_at <= now() - make_interval(secs => $4::int) THEN 1 ELSE t.count + 1 END`;
    const delay = (n: string) =>
      `make_interval(secs => CASE WHEN ${n} <= $2::int THEN 0 ELSE least(power(2, ${n} - $2::int - 1), $3::int) END)`;
    const admitted: unknown[] = await this.dataSource.query(
      `INSERT INTO login_throttle AS t (key, count, window_started_at, blocked_until, updated_at)
       VALUES ($1, 1, now(), now() + ${delay('1')}, now())
       ON CONFLICT (key) DO UPDATE SET
         count = ${next},
         blocked_until = now() + ${delay(`(${next})`)},
         updated_at = now()
       WHERE t.blocked_until <= now()
       RETURNING t.count`,
      [key, delayAfterFailures, maxDelaySeconds, STREAK_RESET_SECONDS],
    );
    if (admitted.length > 0) return;
    const [row] = (await this.dataSource.query(
      `SELECT greatest(ceil(extract(epoch FROM blocked_until - now())), 1)::int AS wait FROM login_throttle WHERE key = $1`,
      [key],
    )) as Array<{ wait: number }>;
    const wait = row?.wait ?? 1;
    throw tooMany(`Too many failed sign-in attempts for this account. Try again in ${plural(wait)}.`, wait);
  }

  private async sweep(): Promise<void> {
    if (Date.now() - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = Date.now();
    await this.dataSource.query(`DELETE FROM login_throttle WHERE updated_at < now() - interval '${SWEEP_AFTER}'`);
  }
}

function tooMany(sentence: string, wait: number) {
  return new AuthError(AuthErrorCode.TooManyAttempts, sentence, { retryAfterSeconds: Math.max(1, wait) });
}

function plural(seconds: number): string {
  const s = Math.max(1, seconds);
  return `${s} second${s === 1 ? '' : 's'}`;
}

/**
 * The throttling bucket of a client address: IPv4 as is (IPv4-mapped IPv6 included), IPv6 by its /64, since one
 * subscriber usually holds a whole /64 and could otherwise take a fresh address for every attempt.
 */
export function addressBucket(ip: string): string {
  const address = ip.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1] as string;
  if (isIP(address) !== 6) return address;
  const [head = '', tail] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * Web sessions as odoo/http.py keeps them: a 40-hex-character id (FilesystemSessionStore.generate_key), carried in the
 * `session_id` cookie (Max-Age 7 days, HttpOnly, Path=/), and forgotten once untouched for SESSION_LIFETIME. Only a
 * saved session is "touched": authenticate and get_session_info save it, plain call_kw does not.
 */
import { randomBytes } from 'node:crypto';

export const SESSION_LIFETIME_SECONDS = 60 * 60 * 24 * 7;

export interface WebSession {
  sid: string;
  db: string;
  uid: number;
  login: string;
  savedAt: number;
}

export class SessionStore {
  private readonly sessions = new Map<string, WebSession>();

  create(db: string, uid: number, login: string, now: number): WebSession {
    const session: WebSession = { sid: randomBytes(20).toString('hex'), db, uid, login, savedAt: now };
    this.sessions.set(session.sid, session);
    return session;
  }

  /** The live session for a cookie value, or undefined (unknown, or past its lifetime: garbage-collected). */
  find(sid: string | undefined, now: number): WebSession | undefined {
    if (!sid) return undefined;
    const session = this.sessions.get(sid);
    if (!session) return undefined;
    if (now - session.savedAt > SESSION_LIFETIME_SECONDS * 1000) {
      this.sessions.delete(sid);
      return undefined;
    }
    return session;
  }

  touch(session: WebSession, now: number): void {
    session.savedAt = now;
  }

  /** /web/session/destroy: logout. */
  forget(sid: string): void {
    this.sessions.delete(sid);
  }

  /** Forgets every session, as if the session store had been wiped. Returns how many there were. */
  expireAll(): number {
    const count = this.sessions.size;
    this.sessions.clear();
    return count;
  }

  get size(): number {
    return this.sessions.size;
  }
}

/** werkzeug's Set-Cookie for `set_cookie('session_id', sid, max_age=SESSION_LIFETIME, httponly=True)`. */
export function sessionCookie(sid: string, now: number): string {
  const expires = new Date(now + SESSION_LIFETIME_SECONDS * 1000).toUTCString();
  return `session_id=${sid}; Expires=${expires}; Max-Age=${SESSION_LIFETIME_SECONDS}; HttpOnly; Path=/`;
}

/** The `session_id` value from a Cookie header. */
export function readSessionCookie(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === 'session_id') return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

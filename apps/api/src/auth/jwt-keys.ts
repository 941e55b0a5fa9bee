import { createSecretKey, KeyObject } from 'node:crypto';
import type { AppConfig } from '../config/app-config';
import { deriveKey } from '../common/crypto';

export const JWT_ALGORITHM = 'HS256';

/**
 * A KeyObject rather than raw bytes: jsonwebtoken first tries to parse raw bytes as a PEM public key on every
 * verification, which costs about a millisecond per request.
 */
export function accessTokenKey(config: AppConfig): KeyObject {
  return createSecretKey(deriveKey(config.secret, 'jwt-access'));
}

export interface AccessTokenPayload {
  sub: string;
  role: string;
  typ: 'access';
  /** Set by the signer (seconds since the epoch); a token without it is refused. */
  exp?: number;
}

import type { AppConfig } from '../config/app-config';
import { deriveKey } from '../common/crypto';

export const JWT_ALGORITHM = 'HS256';

export function accessTokenKey(config: AppConfig): Buffer {
  return deriveKey(config.secret, 'jwt-access');
}

export interface AccessTokenPayload {
  sub: string;
  role: string;
  typ: 'access';
}

import { AuditLogEntity } from '../audit/audit-log.entity';
import { RefreshTokenEntity } from '../auth/refresh-token.entity';
import { LocationEntity } from '../users/location.entity';
import { UserEntity } from '../users/user.entity';

export const ENTITIES = [LocationEntity, UserEntity, RefreshTokenEntity, AuditLogEntity];

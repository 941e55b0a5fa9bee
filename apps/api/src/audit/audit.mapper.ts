import type { AuditLogResponse } from '@simpul/contracts';
import type { AuditLogEntity } from './audit-log.entity';

export function mapAuditLog(row: AuditLogEntity): AuditLogResponse {
  return {
    id: row.id,
    action: row.action,
    resourceType: row.resourceType,
    resourceId: row.resourceId,
    actorId: row.actorId,
    actorEmail: row.actorEmail,
    details: row.details,
    createdAt: row.createdAt.toISOString(),
  };
}

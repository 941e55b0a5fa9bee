import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditLogQueryDto } from '@simpul/contracts';
import { Roles } from '../common/auth/decorators';
import { AuditService } from './audit.service';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit-logs')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: 'List audit log entries (filters, time range, paging)' })
  @Roles('admin')
  list(@Query() query: AuditLogQueryDto) {
    return this.audit.list(query);
  }
}

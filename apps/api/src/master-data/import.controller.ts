import { Controller, Get, Header, HttpCode, Param, ParseEnumPipe, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IMPORT_ENTITIES, ImportEntity } from '@simpul/contracts';
import type { Actor } from '../common/auth/actor';
import { CurrentActor, Roles } from '../common/auth/decorators';
import { Consumes } from '../common/http/content-type.guard';
import { ApiErrors } from '../common/http/openapi';
import { RawResponse } from '../common/http/envelope.interceptor';
import { MasterDataError, MasterDataErrorCode } from './master-data.error';
import { MASTER_DATA_WRITERS } from './master-data.controllers';
import { ImportService } from './import.service';
import { RESOURCES } from './resources';

const ENTITY_PIPE = new ParseEnumPipe(Object.fromEntries(IMPORT_ENTITIES.map((e) => [e, e])));

interface UploadedTable {
  buffer: Buffer;
  originalname: string;
  size: number;
}

@ApiTags('master-data')
@ApiBearerAuth()
@Controller('api/v1/import')
export class ImportController {
  constructor(private readonly imports: ImportService) {}

  /** `multipart/form-data` with a `file`; `?commit=true` applies it, otherwise it is only previewed. */
  @Post(':entity')
  @ApiOperation({ summary: 'Preview or apply a CSV/XLSX import of customers, vendors, parts or services' })
  @ApiParam({ name: 'entity', enum: IMPORT_ENTITIES })
  @ApiQuery({ name: 'commit', required: false, enum: ['true', 'false'], description: 'true applies the file; otherwise it is only previewed.' })
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiErrors(422)
  @HttpCode(200)
  @Roles(...MASTER_DATA_WRITERS)
  @Consumes('multipart/form-data')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 5 * 1024 * 1024, files: 1 } }))
  run(
    @CurrentActor() actor: Actor,
    @Param('entity', ENTITY_PIPE) entity: ImportEntity,
    @UploadedFile() file: UploadedTable | undefined,
    @Query('commit') commit?: string,
  ) {
    if (!file) throw new MasterDataError(MasterDataErrorCode.ImportUnreadable, 'Attach the CSV or XLSX file as form field "file".');
    return this.imports.run(actor, entity, file, commit === 'true');
  }

  @Get(':entity/template.csv')
  @ApiOperation({ summary: 'The CSV header an import of this entity expects' })
  @ApiParam({ name: 'entity', enum: IMPORT_ENTITIES })
  @RawResponse()
  @Header('Content-Type', 'text/csv; charset=utf-8')
  template(@Param('entity', ENTITY_PIPE) entity: ImportEntity): string {
    return RESOURCES[entity].importColumns.join(',') + '\n';
  }
}

import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SetSettingDto } from '@simpul/contracts';
import type { Actor } from '../common/auth/actor';
import { CurrentActor, Roles } from '../common/auth/decorators';
import { ApiBodyOf } from '../common/http/openapi';
import { SettingsService } from './settings.service';

@ApiTags('settings')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get()
  @ApiOperation({ summary: 'List every setting (secret values masked)' })
  list() {
    return this.settings.list();
  }

  @Put(':key')
  @ApiOperation({ summary: 'Set one setting (each validates its own value)' })
  @ApiBodyOf(SetSettingDto)
  set(@CurrentActor() actor: Actor, @Param('key') key: string, @Body() body: SetSettingDto) {
    return this.settings.set(actor, key, body.value);
  }
}

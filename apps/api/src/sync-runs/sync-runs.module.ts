import { Global, Module } from '@nestjs/common';
import { SyncRunsController } from './sync-runs.controller';
import { SyncRunsService } from './sync-runs.service';

/** Shared by every sync feature (parts-sync, odoo-mo, user-sync…). */
@Global()
@Module({ controllers: [SyncRunsController], providers: [SyncRunsService], exports: [SyncRunsService] })
export class SyncRunsModule {}

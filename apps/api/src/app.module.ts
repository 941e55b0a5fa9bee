import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { JwtAuthGuard, RolesGuard } from './common/auth/guards';
import { ContentTypeGuard } from './common/http/content-type.guard';
import { EnvelopeExceptionFilter } from './common/http/exception.filter';
import { EnvelopeInterceptor } from './common/http/envelope.interceptor';
import { pinoHttpOptions } from './common/logging';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source';
import { HealthModule } from './health/health.module';
import { MasterDataModule } from './master-data/master-data.module';
import { OrdersModule } from './orders/orders.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OdooMoModule } from './odoo-mo/odoo-mo.module';
import { SettingsModule } from './settings/settings.module';
import { SyncRunsModule } from './sync-runs/sync-runs.module';
import { UsersModule } from './users/users.module';

@Module({})
export class AppModule {
  /** `logStream` lets tests capture every log line (to prove secrets never appear in them). */
  static forRoot(config: AppConfig, opts: { logStream?: NodeJS.WritableStream } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: opts.logStream ? [pinoHttpOptions(config), opts.logStream] : pinoHttpOptions(config) }),
        TypeOrmModule.forRoot(dataSourceOptions(config.database.url)),
        ScheduleModule.forRoot(),
        AuditModule,
        SettingsModule,
        NotificationsModule,
        SyncRunsModule,
        UsersModule,
        AuthModule,
        HealthModule,
        MasterDataModule,
        OrdersModule,
        OdooMoModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
        { provide: APP_GUARD, useClass: ContentTypeGuard },
        { provide: APP_INTERCEPTOR, useClass: EnvelopeInterceptor },
        { provide: APP_FILTER, useClass: EnvelopeExceptionFilter },
      ],
    };
  }
}

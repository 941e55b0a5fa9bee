import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { bodyParserErrorHandler } from './common/http/exception.filter';
import { inputGuard, jsonBodyParser } from './common/http/input';
import { buildOpenApiDocument } from './common/http/openapi';
import { createValidationPipe } from './common/http/validation';
import { AppConfig } from './config/app-config';

/** Paths the API owns outside `/api` (the seeds' legacy routes); the SPA fallback never answers them. */
const API_PREFIXES = ['/api/', '/orders/'];

/** Builds the fully configured application; `main.ts` and the integration tests share it. */
export async function createApp(config: AppConfig, opts: { logStream?: NodeJS.WritableStream } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, opts), {
    bufferLogs: true,
    // Parsed here instead, so a malformed body gets the error envelope (Nest's own parser bypasses it).
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.http.trustProxy);
  app.use(jsonBodyParser());
  app.use(bodyParserErrorHandler);
  app.use(inputGuard);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          scriptSrc: ["'self'"],
        },
      },
    }),
  );
  app.enableCors({ origin: config.http.corsOrigins.length > 0 ? config.http.corsOrigins : false });
  app.useGlobalPipes(createValidationPipe());
  if (config.swagger.enabled) {
    SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  }
  if (config.web.distDir) serveSpa(app, config.web.distDir);
  return app;
}

function serveSpa(app: NestExpressApplication, distDir: string): void {
  const index = path.join(distDir, 'index.html');
  if (!existsSync(index)) throw new Error(`WEB_DIST_DIR ${distDir} has no index.html; build the web app first.`);
  app.useStaticAssets(distDir, { index: false, maxAge: '1h', setHeaders: noCacheForHtml });
  app.use((req: Request, res: Response, next: NextFunction) => {
    const wantsHtml = req.method === 'GET' && (req.headers.accept ?? '').includes('text/html');
    if (!wantsHtml || API_PREFIXES.some((p) => req.path === p.replace(/\/$/, '') || req.path.startsWith(p))) {
      return next();
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}

function noCacheForHtml(res: Response, filePath: string): void {
  if (filePath.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
}

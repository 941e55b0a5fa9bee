import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { bodyParserErrorHandler } from './common/http/exception.filter';
import { inputGuard, jsonBodyParser } from './common/http/input';
import { buildOpenApiDocument } from './common/http/openapi';
import { createValidationPipe } from './common/http/validation';
import { AppConfig } from './config/app-config';
import { boundPoolQueue } from './database/pool-guard';

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
  boundPoolQueue(app.get(DataSource), config.database.pool.maxWaiting);
  app.set('trust proxy', config.http.trustProxy);
  app.use(jsonBodyParser());
  app.use(bodyParserErrorHandler);
  app.use(inputGuard);
  app.use(securityHeaders(config));
  app.enableCors({ origin: config.http.corsOrigins.length > 0 ? config.http.corsOrigins : false });
  app.useGlobalPipes(createValidationPipe());
  if (config.swagger.enabled) {
    SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  }
  if (config.web.distDir) serveSpa(app, config.web.distDir, config.web.sourceMaps);
  return app;
}

/**
 * Helmet's headers, with HSTS and the CSP's `upgrade-insecure-requests` only where the app is served over TLS: over
 * plain HTTP on an office LAN (http://192.168.1.10:3000) the upgrade makes the browser fetch every asset over https,
 * which fails, and the page stays blank. TLS is known from an https PUBLIC_URL, or per request from `req.secure`
 * (TLS here, or X-Forwarded-Proto from a proxy the `trust proxy` setting trusts).
 */
function securityHeaders(config: AppConfig) {
  const headers = (tls: boolean) =>
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          scriptSrc: ["'self'"],
          upgradeInsecureRequests: tls ? [] : null,
        },
      },
      strictTransportSecurity: tls,
    });
  const overTls = headers(true);
  const plain = headers(false);
  return (req: Request, res: Response, next: NextFunction) => (config.http.tls || req.secure ? overTls : plain)(req, res, next);
}

function serveSpa(app: NestExpressApplication, distDir: string, sourceMaps: boolean): void {
  if (!existsSync(path.join(distDir, 'index.html'))) throw new Error(`WEB_DIST_DIR ${distDir} has no index.html; build the web app first.`);
  if (!sourceMaps) {
    app.use((req: Request, res: Response, next: NextFunction) =>
      req.path.endsWith('.map') ? res.status(404).json({ success: false, error: 'Not found.', code: 'NOT_FOUND' }) : next(),
    );
  }
  app.useStaticAssets(distDir, { index: false, maxAge: '1h', setHeaders: noCacheForHtml });
  app.use((req: Request, res: Response, next: NextFunction) => {
    const wantsHtml = (req.method === 'GET' || req.method === 'HEAD') && (req.headers.accept ?? '').includes('text/html');
    if (!wantsHtml || API_PREFIXES.some((p) => req.path === p.replace(/\/$/, '') || req.path.startsWith(p))) {
      return next();
    }
    res.setHeader('Cache-Control', 'no-cache');
    // Relative to its root: `send` refuses an absolute path with a dot segment (a checkout under ~/.local/src).
    res.sendFile('index.html', { root: distDir });
  });
}

function noCacheForHtml(res: Response, filePath: string): void {
  if (filePath.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
}

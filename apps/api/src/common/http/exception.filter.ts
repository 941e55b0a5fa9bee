import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ApiErrorBody, FieldError } from '@simpul/contracts';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DomainError, ErrorKind } from '../errors/domain-error';
import { MAX_JSON_DEPTH, UNSUPPORTED_MEDIA_TYPE_SENTENCE } from './limits';

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthorized: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
  unsupported_media_type: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  too_many_requests: HttpStatus.TOO_MANY_REQUESTS,
  upstream_failed: HttpStatus.BAD_GATEWAY,
  upstream_timeout: HttpStatus.GATEWAY_TIMEOUT,
};

const HTTP_SENTENCES: Partial<Record<number, string>> = {
  401: 'Unauthorized',
  403: 'You do not have permission to do this.',
  413: 'The request body is too large.',
  415: UNSUPPORTED_MEDIA_TYPE_SENTENCE,
  429: 'Too many requests. Please wait a minute and try again.',
};

interface Rendered {
  status: number;
  body: ApiErrorBody;
  /** Seconds, on every 429. */
  retryAfter?: number;
}

/** When a 429 names no wait of its own: the login window's default. */
const DEFAULT_RETRY_AFTER_SECONDS = 60;

/** Renders every error as the seeds' envelope `{ success: false, error }`. */
@Catch()
export class EnvelopeExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request & { id?: string }>();
    const res = ctx.getResponse<Response>();
    const rendered = sendError(exception, req, res);
    if (rendered.status >= 500) {
      this.logger.error({ err: exception, requestId: req.id }, 'Unhandled error');
    }
  }
}

/** Renders an error and sends it, with `Retry-After` on a 429. The filter and the input middleware share it. */
export function sendError(exception: unknown, req: Request & { id?: unknown }, res: Response): Rendered {
  const rendered = renderError(exception, req);
  if (req.id) rendered.body.requestId = String(req.id);
  if (rendered.status === HttpStatus.TOO_MANY_REQUESTS) res.setHeader('Retry-After', String(rendered.retryAfter ?? DEFAULT_RETRY_AFTER_SECONDS));
  // A route may have set another type (a CSV download) before it failed; the envelope is JSON whatever it was.
  res.removeHeader('Content-Disposition');
  res.status(rendered.status).type('application/json').json(rendered.body);
  return rendered;
}

/** Express error middleware for the JSON body parser, which runs before Nest's filters can see its errors. */
export function bodyParserErrorHandler(err: unknown, req: Request, res: Response, next: (err?: unknown) => void): void {
  if (!isBodyParserError(err)) return next(err);
  sendError(err, req, res);
}

export function renderError(exception: unknown, req: Request): Rendered {
    if (exception instanceof DomainError) {
      const fields = (exception.details?.['fields'] as FieldError[] | undefined) ?? undefined;
      const body: ApiErrorBody = { success: false, error: exception.message, code: exception.code };
      if (fields) body.fields = fields;
      else if (exception.details) Object.assign(body, { details: exception.details });
      const retryAfterSeconds = exception.details?.['retryAfterSeconds'];
      const retryAfter = typeof retryAfterSeconds === 'number' ? retryAfterSeconds : undefined;
      return { status: STATUS_BY_KIND[exception.kind], body, ...(retryAfter === undefined ? {} : { retryAfter }) };
    }
    if (isBodyParserError(exception)) {
      const known = BODY_ERRORS.get(exception.type);
      const status = known?.status ?? (exception.status >= 400 && exception.status < 500 ? exception.status : HttpStatus.BAD_REQUEST);
      return {
        status,
        body: { success: false, error: known?.error ?? 'The request body could not be read.', code: known?.code ?? 'BAD_BODY' },
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === HttpStatus.NOT_FOUND && /^Cannot /.test(exception.message)) {
        return {
          status,
          body: { success: false, error: `No route for ${req.method} ${req.path}.`, code: 'ROUTE_NOT_FOUND' },
        };
      }
      const sentence = HTTP_SENTENCES[status] ?? exception.message;
      return { status, body: { success: false, error: sentence, code: HttpStatus[status] ?? 'HTTP_ERROR' } };
    }
    if (exception instanceof QueryFailedError) {
      const pg = exception.driverError as { code?: string; constraint?: string; detail?: string };
      if (pg.code === '23505') {
        return {
          status: HttpStatus.CONFLICT,
          body: { success: false, error: `A record with the same value already exists (${pg.constraint ?? 'unique'}).`, code: 'DUPLICATE' },
        };
      }
      if (pg.code === '23503') {
        return {
          status: HttpStatus.BAD_REQUEST,
          body: { success: false, error: 'A referenced record does not exist.', code: 'REFERENCE_NOT_FOUND' },
        };
      }
    }
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: { success: false, error: 'Internal server error.', code: 'INTERNAL' },
    };
}

/** body-parser's error types (and the depth limit's) → what the client is told. */
const BODY_ERRORS: ReadonlyMap<string, { status: number; code: string; error: string }> = new Map([
  ['entity.parse.failed', { status: 400, code: 'MALFORMED_JSON', error: 'Malformed JSON body: the request body could not be parsed.' }],
  ['entity.too.large', { status: 413, code: 'BODY_TOO_LARGE', error: 'The request body is too large.' }],
  ['entity.too.deep', { status: 400, code: 'JSON_TOO_DEEP', error: `The JSON body is nested too deeply (at most ${MAX_JSON_DEPTH} levels).` }],
  ['charset.unsupported', { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', error: UNSUPPORTED_MEDIA_TYPE_SENTENCE }],
  ['encoding.unsupported', { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', error: 'The request body uses a Content-Encoding this server does not accept.' }],
]);

interface BodyParserError {
  type: string;
  status: number;
}

function isBodyParserError(e: unknown): e is BodyParserError {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as BodyParserError).type === 'string' &&
    /^(entity|charset|encoding|request)\./.test((e as BodyParserError).type) &&
    typeof (e as BodyParserError).status === 'number'
  );
}

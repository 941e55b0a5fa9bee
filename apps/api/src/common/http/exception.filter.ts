import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ApiErrorBody, FieldError } from '@simpul/contracts';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { asDatabaseOverload } from '../../database/database.error';
import { DomainError, ErrorKind } from '../errors/domain-error';

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthorized: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
  too_many_requests: HttpStatus.TOO_MANY_REQUESTS,
  upstream_failed: HttpStatus.BAD_GATEWAY,
  upstream_timeout: HttpStatus.GATEWAY_TIMEOUT,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

/** Statuses that tell the client when to try again. */
const RETRY_AFTER_SECONDS: Partial<Record<number, number>> = { [HttpStatus.SERVICE_UNAVAILABLE]: 1 };

const HTTP_SENTENCES: Partial<Record<number, string>> = {
  401: 'Unauthorized',
  403: 'You do not have permission to do this.',
  413: 'The request body is too large.',
  429: 'Too many requests. Please wait a minute and try again.',
};

interface Rendered {
  status: number;
  body: ApiErrorBody;
}

/** Renders every error as the seeds' envelope `{ success: false, error }`. */
@Catch()
export class EnvelopeExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request & { id?: string }>();
    const res = ctx.getResponse<Response>();
    const rendered = renderError(exception, req);
    // A 503 is overload, answered by the thousand when it happens: logging each would add to the load.
    if (rendered.status >= 500 && rendered.status !== HttpStatus.SERVICE_UNAVAILABLE) {
      this.logger.error({ err: exception, requestId: req.id }, 'Unhandled error');
    }
    if (req.id) rendered.body.requestId = String(req.id);
    const retryAfter = RETRY_AFTER_SECONDS[rendered.status];
    if (retryAfter !== undefined) res.setHeader('Retry-After', String(retryAfter));
    res.status(rendered.status).json(rendered.body);
  }
}

/** Express error middleware for the JSON body parser, which runs before Nest's filters can see its errors. */
export function bodyParserErrorHandler(err: unknown, req: Request, res: Response, next: (err?: unknown) => void): void {
  if (!isBodyParserError(err)) return next(err);
  const rendered = renderError(err, req);
  res.status(rendered.status).json(rendered.body);
}

export function renderError(error: unknown, req: Request): Rendered {
    const exception = asDatabaseOverload(error) ?? error;
    if (exception instanceof DomainError) {
      const fields = (exception.details?.['fields'] as FieldError[] | undefined) ?? undefined;
      const body: ApiErrorBody = { success: false, error: exception.message, code: exception.code };
      if (fields) body.fields = fields;
      else if (exception.details) Object.assign(body, { details: exception.details });
      return { status: STATUS_BY_KIND[exception.kind], body };
    }
    if (isBodyParserError(exception)) {
      return {
        status: exception.status,
        body: {
          success: false,
          error:
            exception.type === 'entity.parse.failed'
              ? 'Malformed JSON body: the request body could not be parsed.'
              : exception.type === 'entity.too.large'
                ? (HTTP_SENTENCES[413] ?? 'The request body is too large.')
                : 'The request body could not be read.',
          code: exception.type === 'entity.parse.failed' ? 'MALFORMED_JSON' : 'BAD_BODY',
        },
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

interface BodyParserError {
  type: string;
  status: number;
}

function isBodyParserError(e: unknown): e is BodyParserError {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as BodyParserError).type === 'string' &&
    (e as BodyParserError).type.startsWith('entity.') &&
    typeof (e as BodyParserError).status === 'number'
  );
}

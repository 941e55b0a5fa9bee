import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ApiSuccess, Page } from '@simpul/contracts';
import { map, Observable } from 'rxjs';

const RAW_RESPONSE = 'simpul:raw-response';

/** For paths whose seed documents a shape other than `{ success, data }`: the handler returns the whole body. */
export const RawResponse = () => SetMetadata(RAW_RESPONSE, true);

/** Wraps handler results in `{ success: true, data }`; a `Page` becomes `data` plus `meta`. */
@Injectable()
export class EnvelopeInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const raw = this.reflector.getAllAndOverride<boolean>(RAW_RESPONSE, [context.getHandler(), context.getClass()]);
    if (raw) return next.handle();
    return next.handle().pipe(map((result: unknown) => wrap(result)));
  }
}

function isPage(value: unknown): value is Page<unknown> {
  return typeof value === 'object' && value !== null && Array.isArray((value as Page<unknown>).items) && 'meta' in value;
}

function wrap(result: unknown): ApiSuccess<unknown> {
  if (isPage(result)) return { success: true, data: result.items, meta: result.meta };
  return { success: true, data: result ?? null };
}

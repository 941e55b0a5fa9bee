import { applyDecorators, CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiConsumes } from '@nestjs/swagger';
import type { Request } from 'express';
import { CommonError, CommonErrorCode } from '../errors/common.error';
import { hasBody, isUtf8Json, mediaType } from './input';
import { UNSUPPORTED_MEDIA_TYPE_SENTENCE } from './limits';

const CONSUMES = 'simpul:consumes';

/** The media type a route's body must have, when it is not JSON (file uploads). Also documented in OpenAPI. */
export const Consumes = (type: 'multipart/form-data') =>
  applyDecorators(SetMetadata(CONSUMES, type), ApiConsumes(type));

/**
 * A body must be of the type its route reads: UTF-8 JSON, or what `@Consumes` names. Anything else is a 415 instead
 * of a body silently ignored (only JSON is parsed, so a form or octet-stream body would reach the handler as nothing).
 */
@Injectable()
export class ContentTypeGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    if (!hasBody(req)) return true;
    const expected = this.reflector.getAllAndOverride<string | undefined>(CONSUMES, [
      context.getHandler(),
      context.getClass(),
    ]);
    const contentType = req.headers['content-type'];
    const ok = expected ? mediaType(contentType)?.type === expected : isUtf8Json(contentType);
    if (ok) return true;
    throw new CommonError(CommonErrorCode.UnsupportedMediaType, UNSUPPORTED_MEDIA_TYPE_SENTENCE);
  }
}

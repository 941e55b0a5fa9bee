import { ForbiddenException } from '@nestjs/common';
import type { Request } from 'express';
import { QueryFailedError } from 'typeorm';
import { CommonError, CommonErrorCode } from '../errors/common.error';
import { defineDomainError } from '../errors/domain-error';
import { renderError } from './exception.filter';

const req = { method: 'GET', path: '/x' } as Request;

enum ProbeCode {
  Missing = 'MISSING',
  Busy = 'BUSY',
  Slow = 'SLOW',
}
const ProbeError = defineDomainError<ProbeCode>('ProbeError', {
  [ProbeCode.Missing]: 'not_found',
  [ProbeCode.Busy]: 'conflict',
  [ProbeCode.Slow]: 'upstream_timeout',
});

describe('renderError', () => {
  it.each([
    [ProbeCode.Missing, 404],
    [ProbeCode.Busy, 409],
    [ProbeCode.Slow, 504],
  ])('maps a %s domain error to %i with its sentence and code', (code, status) => {
    const rendered = renderError(new ProbeError(code, 'Something happened.'), req);
    expect(rendered).toEqual({ status, body: { success: false, error: 'Something happened.', code } });
  });

  it('maps a unique violation to 409 and a foreign key violation to 400', () => {
    const unique = new QueryFailedError('INSERT', [], Object.assign(new Error('dup'), { code: '23505', constraint: 'x_key' }));
    expect(renderError(unique, req).status).toBe(409);
    const fk = new QueryFailedError('INSERT', [], Object.assign(new Error('fk'), { code: '23503' }));
    expect(renderError(fk, req).status).toBe(400);
  });

  it('never leaks the message of an unexpected error', () => {
    const rendered = renderError(new Error('password=hunter2 connection refused'), req);
    expect(rendered).toEqual({ status: 500, body: { success: false, error: 'Internal server error.', code: 'INTERNAL' } });
  });

  it('carries the wait of a 429 for the Retry-After header', () => {
    const tooMany = new CommonError(CommonErrorCode.TooManyRequests, 'Wait.', { retryAfterSeconds: 7 });
    expect(renderError(tooMany, req)).toMatchObject({ status: 429, retryAfter: 7, body: { code: 'TOO_MANY_REQUESTS' } });
  });

  it('maps body parser failures to 4xx: too deep 400, wrong charset or encoding 415, too large 413', () => {
    const body = (type: string, status: number) => renderError(Object.assign(new Error('x'), { type, status }), req);
    expect(body('entity.too.deep', 400)).toMatchObject({ status: 400, body: { code: 'JSON_TOO_DEEP' } });
    expect(body('charset.unsupported', 415)).toMatchObject({ status: 415, body: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
    expect(body('encoding.unsupported', 415)).toMatchObject({ status: 415, body: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
    expect(body('entity.too.large', 413)).toMatchObject({ status: 413, body: { code: 'BODY_TOO_LARGE' } });
    expect(body('request.aborted', 400)).toMatchObject({ status: 400, body: { code: 'BAD_BODY' } });
  });

  it('renders Nest HTTP exceptions in the envelope', () => {
    expect(renderError(new ForbiddenException(), req)).toEqual({
      status: 403,
      body: { success: false, error: 'You do not have permission to do this.', code: 'FORBIDDEN' },
    });
  });
});

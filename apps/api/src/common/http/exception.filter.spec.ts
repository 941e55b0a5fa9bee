import { ForbiddenException } from '@nestjs/common';
import type { Request } from 'express';
import { QueryFailedError } from 'typeorm';
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

  it('renders Nest HTTP exceptions in the envelope', () => {
    expect(renderError(new ForbiddenException(), req)).toEqual({
      status: 403,
      body: { success: false, error: 'You do not have permission to do this.', code: 'FORBIDDEN' },
    });
  });
});

import { isUtf8Json, jsonDepthExceeds, mediaType } from './input';

describe('request input checks', () => {
  it('measures JSON depth by brackets outside strings, escapes included', () => {
    expect(jsonDepthExceeds(Buffer.from('{"a":[[1]]}'), 3)).toBe(false);
    expect(jsonDepthExceeds(Buffer.from('{"a":[[[1]]]}'), 3)).toBe(true);
    expect(jsonDepthExceeds(Buffer.from(`{"a":"${'['.repeat(50)}"}`), 3)).toBe(false);
    expect(jsonDepthExceeds(Buffer.from(`{"a":"\\"[[[[","b":[]}`), 2)).toBe(false);
    expect(jsonDepthExceeds(Buffer.from('['.repeat(10_000)), 32)).toBe(true);
  });

  it('accepts JSON in UTF-8 only', () => {
    expect(isUtf8Json('application/json')).toBe(true);
    expect(isUtf8Json('application/json; charset=utf-8')).toBe(true);
    expect(isUtf8Json('Application/JSON; Charset="UTF-8"')).toBe(true);
    expect(isUtf8Json('application/problem+json')).toBe(true);
    expect(isUtf8Json('application/json; charset=latin1')).toBe(false);
    expect(isUtf8Json('application/json; charset=utf-16')).toBe(false);
    expect(isUtf8Json('text/plain')).toBe(false);
    expect(isUtf8Json('application/jsonx')).toBe(false);
    expect(isUtf8Json(undefined)).toBe(false);
  });

  it('reads the media type and charset of a Content-Type', () => {
    expect(mediaType('multipart/form-data; boundary=x')).toEqual({ type: 'multipart/form-data', charset: null });
    expect(mediaType(' text/plain ;charset=ISO-8859-1')).toEqual({ type: 'text/plain', charset: 'iso-8859-1' });
    expect(mediaType('')).toBeNull();
  });
});

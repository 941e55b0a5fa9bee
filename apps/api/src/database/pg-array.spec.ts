import { pgArrayLiteral } from './pg-array';

describe('pgArrayLiteral', () => {
  const tricky = ['plain', '', 'NULL', 'with "quotes"', 'back\\slash', '{braces}, comma', ' spaced ', 'ümlaut ✓', '\\"'];

  it('quotes every value and escapes quotes and backslashes', () => {
    expect(pgArrayLiteral(tricky, (s) => s)).toBe('{"plain","","NULL","with \\"quotes\\"","back\\\\slash","{braces}, comma"," spaced ","ümlaut ✓","\\\\\\""}');
  });

  it('writes null as an unquoted NULL and numbers as their decimal text', () => {
    const rows = [{ n: 1 }, { n: null }, { n: -2.5 }];
    expect(pgArrayLiteral(rows, (r) => r.n)).toBe('{"1",NULL,"-2.5"}');
  });

  it('gives {} for no items', () => {
    expect(pgArrayLiteral([], () => 'x')).toBe('{}');
  });
});

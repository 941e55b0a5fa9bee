import { explainStartupError, StartupError } from './startup-error';

/** Every start-up failure prints a sentence that says what to do; never `undefined` or a bare code. */
describe('explainStartupError', () => {
  const sys = (props: Record<string, unknown>) => Object.assign(new Error(String(props['message'] ?? 'x')), props);

  it.each([
    ['nothing at all (a rejected promise without a reason)', undefined, /^Simpul did not start: no reason was given\. Fix the cause/],
    ['a StartupError, as it is', new StartupError('Set DATABASE_URL.'), /^Set DATABASE_URL\.$/],
    ['a port in use', sys({ code: 'EADDRINUSE', port: 3000 }), /^Port 3000 is already in use\. .*set PORT to another port\.$/],
    ['an unwritable data folder', sys({ code: 'EACCES', path: '/app/.data' }), /^Simpul may not write \/app\/\.data\. .*DATABASE_URL/],
    ['an unreachable database', sys({ code: 'ECONNREFUSED', address: '10.0.0.5', port: 5432 }), /at 10\.0\.0\.5:5432\)\. Check that PostgreSQL is running/],
    ['a refused database login', sys({ code: '28P01' }), /refused the login in DATABASE_URL\. Check its user name and password\.$/],
    ['a plain string', 'boom', /^Simpul did not start: boom\. /],
    ['an unknown error', new Error('something odd'), /^Simpul did not start: something odd\. Fix the cause/],
  ])('%s', (_label, err, expected) => {
    const sentence = explainStartupError(err);
    expect(sentence).toMatch(expected);
    expect(sentence).not.toMatch(/undefined|null/);
  });
});

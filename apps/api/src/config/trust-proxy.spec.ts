import { loadConfig } from './app-config';
import { parseTrustProxy } from './trust-proxy';

const valid = { DATABASE_URL: 'postgres://u:p@localhost:5432/db', APP_SECRET: 'x'.repeat(32) };

describe('TRUST_PROXY', () => {
  it('trusts no proxy by default', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('')).toBe(false);
    expect(parseTrustProxy('0')).toBe(false);
    expect(loadConfig(valid).http.trustProxy).toBe(false);
  });

  it('takes a hop count or a list of addresses, CIDRs and named ranges', () => {
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('10.0.0.0/8, 192.168.1.5, loopback')).toEqual(['10.0.0.0/8', '192.168.1.5', 'loopback']);
    expect(parseTrustProxy('fd00::/8,::1')).toEqual(['fd00::/8', '::1']);
    expect(loadConfig({ ...valid, TRUST_PROXY: '2' }).http.trustProxy).toBe(2);
  });

  it('refuses anything else at boot with a sentence', () => {
    for (const bad of ['true', '*', '10.0.0.0/33', '300.1.1.1', 'proxy.example.com', '1/2/3', '11'])
      expect(parseTrustProxy(bad)).toBeNull();
    expect(() => loadConfig({ ...valid, TRUST_PROXY: 'true' })).toThrow(
      /TRUST_PROXY must be empty \(trust no proxy\), a hop count/,
    );
  });

  it('refuses an Odoo default URL that carries credentials', () => {
    expect(() => loadConfig({ ...valid, ODOO_DEFAULT_BASE_URL: 'http://admin:key@odoo.local' })).toThrow(
      /ODOO_DEFAULT_BASE_URL must not contain a user name or password/,
    );
    expect(loadConfig({ ...valid, ODOO_DEFAULT_BASE_URL: 'http://odoo.local:8069' }).odooDefaults.baseUrl).toBe(
      'http://odoo.local:8069',
    );
  });
});

import { decryptSecret, deriveKey, encryptSecret, maskSecret, sha256Hex } from './crypto';

describe('crypto helpers', () => {
  const key = deriveKey('a'.repeat(64), 'settings');

  it('round-trips a secret and never stores it in clear', () => {
    const sealed = encryptSecret('odoo-api-key-123', key);
    expect(sealed).not.toContain('odoo-api-key-123');
    expect(decryptSecret(sealed, key)).toBe('odoo-api-key-123');
  });

  it('uses a fresh IV each time', () => {
    expect(encryptSecret('same', key)).not.toBe(encryptSecret('same', key));
  });

  it('refuses a tampered value or the wrong key', () => {
    const sealed = encryptSecret('value', key);
    const parts = sealed.split('.');
    parts[3] = Buffer.from('other').toString('base64url');
    expect(() => decryptSecret(parts.join('.'), key)).toThrow();
    expect(() => decryptSecret(sealed, deriveKey('a'.repeat(64), 'other-purpose'))).toThrow();
  });

  it('derives different keys per purpose', () => {
    expect(deriveKey('s'.repeat(32), 'jwt-access').equals(deriveKey('s'.repeat(32), 'settings'))).toBe(false);
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('masks a secret, showing its last four characters only when it is long enough that they give little away', () => {
    expect(maskSecret(null)).toBeNull();
    expect(maskSecret('')).toBeNull();
    expect(maskSecret('sandbox-odoo-api-key')).toBe('••••-key');
    expect(maskSecret('abcdef0123456789')).toBe('••••6789');
    expect(maskSecret('abcdef012345678')).toBe('••••');
    expect(maskSecret('abcd')).toBe('••••');
  });
});

import { loadConfig } from './app-config';

const valid = { DATABASE_URL: 'postgres://u:p@localhost:5432/db', APP_SECRET: 'x'.repeat(32) };

describe('loadConfig', () => {
  it('maps a minimal environment to typed defaults', () => {
    const config = loadConfig(valid);
    expect(config.http.port).toBe(3000);
    expect(config.auth.accessTokenTtlSeconds).toBe(900);
    expect(config.seed.demoData).toBe(false);
    expect(config.web.distDir).toBeNull();
  });

  it('names every missing required variable', () => {
    expect(() => loadConfig({})).toThrow(/DATABASE_URL is required[\s\S]*APP_SECRET is required/);
  });

  it('rejects a short APP_SECRET with a sentence that says how to make one', () => {
    expect(() => loadConfig({ ...valid, APP_SECRET: 'short' })).toThrow(/APP_SECRET must be at least 32 characters/);
  });

  it('rejects a non-numeric PORT and a non-postgres DATABASE_URL', () => {
    expect(() => loadConfig({ ...valid, PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ ...valid, DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must be a postgres/);
  });

  it('parses numbers and lists', () => {
    const config = loadConfig({ ...valid, PORT: '8080', CORS_ORIGINS: 'https://a.example, https://b.example' });
    expect(config.http.port).toBe(8080);
    expect(config.http.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
  });
});

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { createTestApp, TestApp } from './support/test-app';

const ROOT = path.resolve(__dirname, '../../..');

/**
 * How the app behaves where a small firm runs it: a checkout under a dot-folder, plain HTTP on the office LAN, and
 * production defaults that keep the API docs and source maps private.
 */
describe('deployment (integration)', () => {
  // A built SPA as it sits in a checkout under a dot-folder, e.g. ~/.local/src/simpul/dist/apps/web.
  const checkout = path.join(ROOT, `tmp/deploy-${process.pid}/.local/src/simpul`);
  const distDir = path.join(checkout, 'dist/apps/web');
  const apps: TestApp[] = [];
  const boot = async (env: Record<string, string>) => {
    const t = await createTestApp({ WEB_DIST_DIR: distDir, ...env });
    apps.push(t);
    return t;
  };

  beforeAll(() => {
    mkdirSync(path.join(distDir, 'assets'), { recursive: true });
    writeFileSync(path.join(distDir, 'index.html'), '<!doctype html><title>Simpul</title><script src="/assets/app.js"></script>');
    writeFileSync(path.join(distDir, 'assets/app.js'), 'console.log("app")\n//# sourceMappingURL=app.js.map');
    writeFileSync(path.join(distDir, 'assets/app.js.map'), '{"version":3,"sources":["secret-source.ts"]}');
  });
  afterAll(async () => {
    for (const t of apps) await t.close();
    rmSync(path.join(ROOT, `tmp/deploy-${process.pid}`), { recursive: true, force: true });
  });

  it('serves the SPA from a checkout under a dot-folder: every page and its assets', async () => {
    const t = await boot({ NODE_ENV: 'production' });
    for (const page of ['/', '/login', '/sync-runs/some-run', '/master-data/parts']) {
      const res = await t.http.get(page).set('accept', 'text/html');
      expect({ page, status: res.status }).toEqual({ page, status: 200 });
      expect(res.text).toContain('<title>Simpul</title>');
    }
    expect((await t.http.head('/sync-runs/some-run').set('accept', 'text/html')).status).toBe(200); // uptime monitors
    const asset = await t.http.get('/assets/app.js');
    expect(asset.status).toBe(200);
    expect(asset.text).toContain('console.log("app")');
  });

  it('over plain HTTP sends neither HSTS nor upgrade-insecure-requests; with an https PUBLIC_URL it sends both', async () => {
    const plain = await boot({ NODE_ENV: 'production' });
    const res = await plain.http.get('/').set('accept', 'text/html');
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    // The same on API answers.
    expect((await plain.http.get('/api/health')).headers['strict-transport-security']).toBeUndefined();

    const tls = await boot({ NODE_ENV: 'production', PUBLIC_URL: 'https://simpul.example.com' });
    const secure = await tls.http.get('/').set('accept', 'text/html');
    expect(secure.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    expect(secure.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });

  it('keeps the API docs and the SPA source maps private in production unless configured', async () => {
    const prod = await boot({ NODE_ENV: 'production' });
    expect((await prod.http.get('/api/docs-json')).status).toBe(404);
    const map = await prod.http.get('/assets/app.js.map');
    expect(map.status).toBe(404);
    expect(map.text).not.toContain('secret-source');

    const opened = await boot({ NODE_ENV: 'production', SWAGGER_ENABLED: 'true', SERVE_SOURCE_MAPS: 'true' });
    expect((await opened.http.get('/api/docs-json')).status).toBe(200);
    expect((await opened.http.get('/assets/app.js.map')).text).toContain('secret-source');

    const dev = await boot({ NODE_ENV: 'development' });
    expect((await dev.http.get('/api/docs-json')).status).toBe(200);
  });
});

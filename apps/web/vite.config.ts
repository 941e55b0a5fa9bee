import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

const appRoot = fileURLToPath(new URL('.', import.meta.url));
const srcRoot = fileURLToPath(new URL('./src/', import.meta.url));
const workspaceRoot = fileURLToPath(new URL('../..', import.meta.url));
// Every port follows the environment, as `npm run dev` passes it: the API's PORT, the dev server's WEB_DEV_PORT.
const apiTarget = process.env['SIMPUL_API_URL'] ?? `http://127.0.0.1:${process.env['PORT'] || 3000}`;
const devPort = Number(process.env['WEB_DEV_PORT'] || 5173);

export default defineConfig({
  root: appRoot,
  plugins: [vue()],
  resolve: {
    alias: [
      { find: '@simpul/contracts', replacement: fileURLToPath(new URL('../../libs/contracts/src/index.ts', import.meta.url)) },
      // `@/…` is apps/web/src/…: the same alias in tsconfig.app.json, so vue-tsc, vitest and eslint read it alike.
      { find: /^@\//, replacement: srcRoot },
    ],
  },
  build: {
    outDir: fileURLToPath(new URL('../../dist/apps/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    port: devPort,
    strictPort: true,
    fs: { allow: [workspaceRoot] },
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      // The engineering system posts to /login; GET /login is the SPA's own page.
      '/login': {
        target: apiTarget,
        bypass: (req) => (req.method === 'POST' ? undefined : '/index.html'),
      },
      '/orders': { target: apiTarget },
    },
  },
  preview: { port: 4173 },
  test: {
    root: appRoot,
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    restoreMocks: true,
  },
});

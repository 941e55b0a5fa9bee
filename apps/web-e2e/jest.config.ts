import type { Config } from 'jest';
import * as path from 'node:path';

/** Browser tier: Debian's Chromium, driven by playwright-core, against the app exactly as `npm start` serves it. */
const config: Config = {
  displayName: 'browser',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.json') }] },
  testTimeout: 120_000,
};
export default config;

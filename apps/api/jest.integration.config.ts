import type { Config } from 'jest';
import { sharedJestConfig } from '../../jest.preset';

/** Integration tier: the whole AppModule over HTTP against a real PostgreSQL (embedded unless DATABASE_URL is set). */
const config: Config = {
  ...sharedJestConfig('api:integration', __dirname),
  testMatch: ['<rootDir>/test/**/*.integration-spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60_000,
};
export default config;

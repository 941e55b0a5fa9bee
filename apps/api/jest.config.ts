import type { Config } from 'jest';
import { sharedJestConfig } from '../../jest.preset';

/** Unit tier: pure logic and services with fakes; no database. */
const config: Config = {
  ...sharedJestConfig('api:unit', __dirname),
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
export default config;

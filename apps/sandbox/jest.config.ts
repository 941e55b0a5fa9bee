import type { Config } from 'jest';
import { sharedJestConfig } from '../../jest.preset';

const config: Config = {
  ...sharedJestConfig('sandbox', __dirname),
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
export default config;

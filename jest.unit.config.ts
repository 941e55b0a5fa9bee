import type { Config } from 'jest';

/** The unit tier across projects: API services and logic, the contracts lib, the sandbox. */
const config: Config = {
  projects: ['<rootDir>/apps/api/jest.config.ts', '<rootDir>/libs/contracts/jest.config.ts', '<rootDir>/apps/sandbox/jest.config.ts'],
};
export default config;

import type { Config } from 'jest';
import * as path from 'node:path';

/** Shared jest settings: ts-jest in transpile-only mode, UTC clock, the contracts lib mapped to source. */
export function sharedJestConfig(displayName: string, projectDir: string): Config {
  const root = path.resolve(__dirname);
  return {
    displayName,
    rootDir: projectDir,
    testEnvironment: 'node',
    transform: {
      '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(projectDir, 'tsconfig.spec.json') }],
    },
    moduleFileExtensions: ['ts', 'js', 'json'],
    moduleNameMapper: {
      '^@simpul/contracts$': path.join(root, 'libs/contracts/src/index.ts'),
    },
  };
}

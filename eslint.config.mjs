import nx from '@nx/eslint-plugin';
import vue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Which scope may import which. `scope:shared` libs are the only thing the API and the SPA have in common. */
const depConstraints = [
  { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:shared', 'scope:api'] },
  { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared', 'scope:web'] },
  { sourceTag: 'scope:sandbox', onlyDependOnLibsWithTags: ['scope:shared', 'scope:sandbox'] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
];

export default [
  {
    ignores: ['**/dist', '**/node_modules', '.nx/**', '.data/**', 'tmp/**', 'coverage/**', '**/*.d.ts.map', 'bench/results/**'],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' } },
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.vue', '**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: true, allowCircularSelfDependency: false, allow: [], depConstraints },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    // Tool configs share the root presets by relative path; they are not part of any project's module graph.
    files: ['**/jest*.config.ts', '**/vite.config.ts', '**/vitest.config.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    // The SPA's shared parts know no feature and no app wiring; features and the app build on them, not the reverse.
    files: ['apps/web/src/shared/**/*.ts', 'apps/web/src/shared/**/*.vue'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@/features/*', '@/app/*'], message: 'apps/web/src/shared must not import a feature or the app.' }] },
      ],
    },
  },
  {
    files: ['tools/**/*.mjs', 'bench/**/*.mjs', 'bench/**/*.js', '**/*.config.*', 'jest.preset.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
];

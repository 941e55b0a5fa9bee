#!/usr/bin/env node
// `npm test`: every tier in order (static checks, unit, web, integration, browser). Each runner prints its own
// summary; the last line adds them up. A failing tier does not stop the later ones, but fails the run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { buildApps, root, runNx } from './nx.mjs';

const require = createRequire(import.meta.url);
const resultsDir = path.join(root, 'tmp/test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });
const env = { ...process.env, TZ: 'UTC', NODE_ENV: 'test', FORCE_COLOR: process.env.CI ? '0' : '1' };
// The tiers that run our server code run it as production does: without Object.prototype.__proto__ (docs/security.md).
const serverEnv = { ...env, NODE_OPTIONS: [process.env.NODE_OPTIONS, '--disable-proto=delete'].filter(Boolean).join(' ') };

function bin(pkg, file) {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
}

function run(cmd, args, runEnv = env) {
  const res = spawnSync(process.execPath, [cmd, ...args], { cwd: root, stdio: 'inherit', env: runEnv });
  return res.status ?? 1;
}

function counts(file) {
  if (!existsSync(file)) return { passed: 0, failed: 0, missing: true };
  const r = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: r.numPassedTests ?? 0, failed: (r.numFailedTests ?? 0) + (r.numRuntimeErrorTestSuites ?? 0) };
}

const jest = bin('jest', 'bin/jest.js');
const vitest = bin('vitest', 'vitest.mjs');
const only = process.argv.slice(2);

const tiers = [
  {
    name: 'static',
    run: () => runNx(['run-many', '-t', 'lint', 'typecheck', '--outputStyle=static'], { env }).status ?? 1,
  },
  {
    name: 'unit',
    run: () => run(jest, ['-c', 'jest.unit.config.ts', '--json', `--outputFile=${resultsDir}/unit.json`], serverEnv),
    results: 'unit.json',
  },
  {
    name: 'web',
    run: () =>
      run(vitest, ['run', '--config', 'apps/web/vite.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${resultsDir}/web.json`]),
    results: 'web.json',
  },
  {
    name: 'integration',
    run: () =>
      run(jest, ['-c', 'apps/api/jest.integration.config.ts', '--runInBand', '--json', `--outputFile=${resultsDir}/integration.json`], serverEnv),
    results: 'integration.json',
  },
  {
    name: 'browser',
    run: () => {
      buildApps(['api', 'web']);
      return run(jest, ['-c', 'apps/web-e2e/jest.config.ts', '--runInBand', '--json', `--outputFile=${resultsDir}/browser.json`], serverEnv);
    },
    results: 'browser.json',
  },
];

const started = Date.now();
const summary = [];
for (const tier of tiers.filter((t) => only.length === 0 || only.includes(t.name))) {
  console.log(`\n=== ${tier.name} ===`);
  const t0 = Date.now();
  const status = tier.run();
  const c = tier.results ? counts(path.join(resultsDir, tier.results)) : { passed: 0, failed: 0 };
  summary.push({ tier: tier.name, status, ...c, seconds: Math.round((Date.now() - t0) / 1000) });
}

console.log('\n=== summary ===');
for (const s of summary) {
  const tests = s.missing ? 'no results' : s.passed + s.failed > 0 ? `${s.passed} passed, ${s.failed} failed` : 'checks';
  console.log(`${s.status === 0 ? 'ok  ' : 'FAIL'} ${s.tier.padEnd(12)} ${tests.padEnd(24)} ${s.seconds}s`);
}
const passed = summary.reduce((n, s) => n + s.passed, 0);
const failed = summary.reduce((n, s) => n + s.failed + (s.status !== 0 && s.failed === 0 ? 1 : 0), 0);
console.log(`wall time: ${Math.round((Date.now() - started) / 1000)}s`);
console.log(`total: ${passed} passed, ${failed} failed`);
process.exit(summary.every((s) => s.status === 0) ? 0 : 1);

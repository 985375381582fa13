/**
 * `npm test`: every check the project has, in order, with one closing line
 * `N passed, N failed` (CI reads it). Each check stage (lint, typecheck, content, build) counts
 * as one test; vitest and Playwright report their own counts through JSON reporters.
 * Exits non-zero when anything failed. Later stages still run after a failure, so one run
 * shows everything that is wrong, except the e2e stage, which needs a successful build.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'

const bin = (name: string) => `node_modules/.bin/${name}`
const results: { stage: string; passed: number; failed: number }[] = []

function run(stage: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n━━ ${stage}: ${cmd} ${args.join(' ')}`)
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  return r.status === 0
}

function check(stage: string, cmd: string, args: string[]) {
  const ok = run(stage, cmd, args)
  results.push({ stage, passed: ok ? 1 : 0, failed: ok ? 0 : 1 })
  return ok
}

function readJson(path: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
  } catch {
    return undefined
  }
}

mkdirSync('test-results', { recursive: true })

check('lint', bin('biome'), ['check', '.'])
check('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'])
check('content', bin('tsx'), ['scripts/content-check.ts'])

{
  const out = 'test-results/vitest.json'
  rmSync(out, { force: true })
  const ok = run('unit, content and server tests', bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${out}`,
  ])
  const report = readJson(out)
  const passed = Number(report?.numPassedTests ?? 0)
  const failed = Number(report?.numFailedTests ?? 0)
  // A crash before any report (or a suite that failed to load) still counts as a failure.
  results.push({ stage: 'vitest', passed, failed: failed + (ok ? 0 : failed === 0 ? 1 : 0) })
}

// VITE_TEST_API=1: the test API on window (src/xr/test-api.ts), behind `?test-api=1` too.
const built = check('build', 'env', ['HONGTU_TRUST_TEST_KEYS=1', 'VITE_TEST_API=1', bin('vite'), 'build'])

if (built) {
  const out = 'test-results/e2e.json'
  rmSync(out, { force: true })
  const ok = run('end-to-end (Chromium)', bin('playwright'), ['test'], { CI: '1' })
  const stats = readJson(out)?.stats as Record<string, number> | undefined
  const passed = (stats?.expected ?? 0) + (stats?.flaky ?? 0)
  const failed = stats?.unexpected ?? 0
  results.push({ stage: 'playwright', passed, failed: failed + (ok ? 0 : failed === 0 ? 1 : 0) })
} else {
  results.push({ stage: 'playwright (not run: build failed)', passed: 0, failed: 1 })
}

console.log('\n━━ summary')
for (const r of results) console.log(`  ${r.stage.padEnd(36)} ${r.passed} passed, ${r.failed} failed`)
const passed = results.reduce((n, r) => n + r.passed, 0)
const failed = results.reduce((n, r) => n + r.failed, 0)
if (!existsSync('dist/index.html')) console.log('  (no dist/: the e2e stage did not run)')
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)

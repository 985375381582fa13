/**
 * Why: a server that starts with a mistyped setting fails later and obscurely, and one that
 * logs its database password leaks it to whoever reads the logs. The configuration is layered
 * (defaults, a JSON file, the environment), validated at start-up with the variable's name in
 * the message, and masked when logged.
 */
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { describeConfig, loadConfig } from '../../server/config.ts'

describe('server configuration', () => {
  it('takes defaults, then the file, then the environment', () => {
    const file = join(tmpdir(), `hongtu-config-${process.pid}.json`)
    writeFileSync(file, JSON.stringify({ port: 9000, sessionIdleDays: 30, host: '127.0.0.1' }))
    const c = loadConfig({ HONGTU_CONFIG_FILE: file, PORT: '9100', HONGTU_SEED_DEMO: '0' })
    expect(c).toMatchObject({
      port: 9100,
      host: '127.0.0.1',
      sessionIdleDays: 30,
      seedDemo: false,
      sessionMaxDays: 365,
    })
  })

  it('names the variable and the rule when a value is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(
      /PORT: .*\n.*DATABASE_URL: must start with postgres:\/\//,
    )
  })

  it('masks the database password and query string when the configuration is logged', () => {
    const c = loadConfig({
      DATABASE_URL: 'postgres://hongtu:s3cret-pw@db.internal:5432/hongtu?sslpassword=also-secret',
    })
    const line = describeConfig(c)
    expect(line).toContain('databaseUrl=postgres://hongtu:***@db.internal:5432/hongtu?***')
    expect(line).not.toContain('s3cret')
    expect(line).not.toContain('also-secret')
  })
})

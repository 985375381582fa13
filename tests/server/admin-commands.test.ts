/**
 * Why: accounts reach the server through the admin commands, run by a person at a shell
 * against the same database the server is using. These tests run the real commands as child
 * processes next to a running server: a roster import makes accounts that can log in, a bad
 * roster names its lines and writes nothing, a second import changes nothing, and disabling a
 * user from the shell ends the sessions the server is holding.
 */
import { execFile } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { parseCsv } from '../../server/admin/csv.ts'
import { Device } from './driver.ts'
import { DATABASES, serverPerTest, type TestServer } from './harness.ts'

const run = promisify(execFile)

async function command(server: TestServer, script: string, args: string[]) {
  const env = {
    ...process.env,
    HONGTU_DATA_DIR: server.dataDir,
    DATABASE_URL: server.services.config.databaseUrl ?? '',
  }
  try {
    const r = await run('node_modules/.bin/tsx', [`scripts/${script}.ts`, ...args], { env })
    return { code: 0, stdout: r.stdout, stderr: r.stderr }
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string }
    return { code: err.code, stdout: err.stdout, stderr: err.stderr }
  }
}

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, commas and line breaks inside quotes, CRLF and a BOM', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n"two\nlines",\r\n\r\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['two\nlines', ''],
    ])
  })
  it('refuses a file that ends inside a quoted field', () => {
    expect(() => parseCsv('a,"b\n')).toThrow(/quoted field/)
  })
})

describe.each(DATABASES)('admin commands on %s', (dbKind) => {
  const start = serverPerTest(dbKind)

  it('a roster import creates accounts that log in with the printed password; a second run changes nothing', async () => {
    const server = await start()
    const roster = join(server.dataDir, 'roster.csv')
    const out = join(server.dataDir, 'credentials.csv')
    writeFileSync(
      roster,
      '姓名,党员编号,党支部,角色\n"刘志丹",YA-0101,延安市直机关第一党支部,党员\n习仲勋,YA-0102,延安市直机关第二党支部,带教老师\n',
    )
    const first = await command(server, 'admin-roster', [roster, '--out', out])
    expect(first.stdout).toContain('2 created, 0 updated, 0 unchanged')
    const written = readFileSync(out, 'utf8')
    // Excel on a Chinese PC reads a file without a byte order mark as GBK: the names would be garbled.
    expect(written.startsWith('\uFEFFusername,name,password\r\n')).toBe(true)
    const [, ...creds] = parseCsv(written)
    expect(creds.map((c) => c[0])).toEqual(['ya-0101', 'ya-0102'])
    const d = new Device(server)
    const login = await d.login('YA-0101', creds[0]![2]!)
    expect(login.body.user).toMatchObject({
      displayName: '刘志丹',
      role: 'member',
      branch: { name: '延安市直机关第一党支部' },
    })
    const again = await command(server, 'admin-roster', [roster])
    expect(again.stdout).toContain('0 created, 0 updated, 2 unchanged')
  })

  it('a roster with bad lines names each line and imports nothing', async () => {
    const server = await start()
    const roster = join(server.dataDir, 'bad.csv')
    writeFileSync(
      roster,
      'name,member_number,branch,role\n张三,ZS-1,,member\n李四,ZS-2,一支部,chief\n王五,ZS-3,一支部,member\n',
    )
    const r = await command(server, 'admin-roster', [roster])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('bad.csv:2: branch: a member needs a branch')
    expect(r.stderr).toContain('bad.csv:3: role: must be member, trainer or admin')
    const users = await server.services.db
      .selectFrom('users')
      .select('username')
      .where('username', 'like', 'zs-%')
      .execute()
    expect(users).toEqual([])
  })

  it('disabling a user from the shell ends the sessions the running server holds', async () => {
    const server = await start()
    const d = new Device(server)
    await d.loginAs('member2')
    expect((await d.request('GET', '/api/me')).status).toBe(200)
    const r = await command(server, 'admin-user', ['disable', '--username', 'member2'])
    expect(r.stdout).toContain('disabled member2 (all sessions ended)')
    expect((await d.request('GET', '/api/me')).status).toBe(401)
  })

  it('wrong usage exits 2 with the usage text', async () => {
    const server = await start()
    const r = await command(server, 'admin-user', [
      'create',
      '--username',
      'x1',
      '--name',
      'X',
      '--role',
      'king',
    ])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('--role must be member, trainer or admin')
    expect(r.stderr).toContain('usage: npm run admin:user')
  })
})

/**
 * Why: organisers make accounts on the admin page, not in a shell (issue 4's roster import, the
 * admin command's sibling), and members change the generated password they were handed. A
 * roster must be imported whole or not at all, say every bad line by code, hand out each
 * password once and never log one; a password change must end the other devices and keep this
 * one; a wrong current password must not log the member out, and must be throttled.
 */
import { describe, expect, it } from 'vitest'
import { createUser } from '../../server/admin/users.ts'
import { DEMO_CLASS_ID } from '../../server/db/seed.ts'
import { DEMO, Device } from './driver.ts'
import { DATABASES, serverPerTest, TEST_SCRYPT, type TestServer } from './harness.ts'

const csv = (lines: string[]) => ({ raw: `${lines.join('\n')}\n`, headers: { 'content-type': 'text/csv' } })
const GENERATED = /^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/

async function admin(server: TestServer): Promise<Device> {
  const d = new Device(server)
  await d.loginAs('admin')
  return d
}

const usernames = async (server: TestServer, like: string) =>
  (
    await server.services.db
      .selectFrom('users')
      .select('username')
      .where('username', 'like', like)
      .orderBy('username')
      .execute()
  ).map((u) => u.username)

describe.each(DATABASES)('admin accounts on %s', (dbKind) => {
  const start = serverPerTest(dbKind)

  it('a roster import: a dry run writes nothing, the import makes accounts that log in once, a rerun changes nothing', async () => {
    const server = await start()
    const a = await admin(server)
    const file = csv([
      '姓名,党员编号,党支部,角色',
      '刘志丹,YA-0101,延安市直机关第一党支部,党员',
      '习仲勋,YA-0102,延安市直机关第二党支部,带教老师',
      // An existing account by member number: its name and branch change, its password does not.
      '张思德,member2,延安市直机关第三党支部,党员',
    ])
    const dry = await a.request('POST', '/api/admin/roster?dryRun=true', file)
    expect(dry.status).toBe(200)
    expect(dry.body.dryRun).toBe(true)
    expect(dry.body.created.map((c: { username: string }) => c.username)).toEqual(['ya-0101', 'ya-0102'])
    expect(dry.body.created.every((c: { password?: string }) => c.password === undefined)).toBe(true)
    expect(dry.body.updated).toMatchObject([{ username: 'member2', changed: ['name', 'branch'] }])
    expect(await usernames(server, 'ya-%')).toEqual([])

    const done = await a.request('POST', '/api/admin/roster', file)
    expect(done.status).toBe(200)
    expect(done.headers.get('cache-control')).toBe('no-store')
    const [liu, xi] = done.body.created
    expect(liu).toMatchObject({ line: 2, username: 'ya-0101', displayName: '刘志丹', role: 'member' })
    expect(xi).toMatchObject({ line: 3, username: 'ya-0102', role: 'trainer' })
    expect(liu.password).toMatch(GENERATED)
    const member = new Device(server)
    const login = await member.login('YA-0101', liu.password)
    expect(login.status).toBe(200)
    expect(login.body.user).toMatchObject({
      branch: { name: '延安市直机关第一党支部' },
      memberNumber: 'YA-0101',
    })
    // member2 kept the password they had.
    expect((await new Device(server).login('member2', DEMO.member2.password)).body.user.displayName).toBe(
      '张思德',
    )
    // Passwords are handed to the admin, never written to the log.
    for (const l of server.logs) for (const c of done.body.created) expect(l.line).not.toContain(c.password)

    const again = await a.request('POST', '/api/admin/roster', file)
    expect(again.body).toMatchObject({ created: [], updated: [] })
    expect(again.body.unchanged).toHaveLength(3)
  })

  it('a roster with bad lines names each by line, column and code, and writes nothing', async () => {
    const server = await start()
    const a = await admin(server)
    const r = await a.request(
      'POST',
      '/api/admin/roster',
      csv([
        'name,member_number,branch,role',
        '张三,ZS-1,,member',
        '李四,ZS-2,一支部,chief',
        '王五,ZS-3,一支部,member',
        '赵六,ZS-3,一支部,member',
        '钱七,!,一支部,member',
      ]),
    )
    expect(r.status).toBe(400)
    expect(r.body.error).toMatchObject({ code: 'invalid', path: 'roster' })
    expect(
      r.body.error.problems.map((p: { line: number; code: string; column: string }) => [
        p.line,
        p.code,
        p.column,
      ]),
    ).toEqual([
      [2, 'member_needs_branch', 'branch'],
      [3, 'unknown_role', 'role'],
      [5, 'repeated_member_number', 'member_number'],
      [6, 'bad_member_number', 'member_number'],
    ])
    expect(r.body.error.problems[2].values).toEqual({ name: '赵六', firstLine: 4, value: 'ZS-3' })
    expect(r.body.error.problems[1].values).toEqual({ name: '李四', value: 'chief' })
    expect(await usernames(server, 'zs-%')).toEqual([])
  })

  it('a new account whose member number another account already has is refused, and nothing is written', async () => {
    const server = await start()
    await createUser(
      server.services.db,
      {
        username: 'old-login',
        displayName: '老账号',
        role: 'member',
        branchName: '一支部',
        memberNumber: 'YA-0200',
        password: 'a-good-password',
      },
      new Date(),
      TEST_SCRYPT,
    )
    const a = await admin(server)
    const r = await a.request(
      'POST',
      '/api/admin/roster',
      csv(['姓名,党员编号,党支部,角色', '新人,YA-0199,一支部,党员', '重号,YA-0200,一支部,党员']),
    )
    expect(r.status).toBe(400)
    expect(r.body.error.problems).toMatchObject([
      { line: 3, code: 'member_number_taken', column: 'member_number' },
    ])
    expect(await usernames(server, 'ya-%')).toEqual([])
  })

  it('an Excel workbook or a tab-separated file is named as such, not as four missing columns', async () => {
    const server = await start()
    const a = await admin(server)
    const xlsx = await a.request('POST', '/api/admin/roster', {
      bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]),
      headers: { 'content-type': 'text/csv' },
    })
    expect(xlsx.body.error.problems).toMatchObject([{ line: 1, code: 'not_csv' }])
    const tabs = await a.request(
      'POST',
      '/api/admin/roster',
      csv(['姓名\t党员编号\t党支部\t角色', '张三\tZS-1\t一支部\t党员']),
    )
    expect(tabs.body.error.problems).toMatchObject([{ line: 1, code: 'wrong_separator' }])
  })

  it('an admin cannot take their own admin role away with a roster; another row of the file changes nothing either', async () => {
    const server = await start()
    const a = await admin(server)
    const r = await a.request(
      'POST',
      '/api/admin/roster',
      csv(['姓名,党员编号,党支部,角色', '新人,YA-0400,一支部,党员', '组织部管理员,admin,一支部,党员']),
    )
    expect(r.status).toBe(400)
    expect(r.body.error.problems).toMatchObject([{ line: 3, code: 'own_admin_role', column: 'role' }])
    expect(await usernames(server, 'ya-%')).toEqual([])
    expect((await a.request('GET', '/api/me')).body.user.role).toBe('admin')
  })

  it('a roster that is not CSV is 415; only admins may import', async () => {
    const server = await start()
    const a = await admin(server)
    expect((await a.request('POST', '/api/admin/roster', { json: { rows: [] } })).status).toBe(415)
    const trainer = new Device(server)
    await trainer.loginAs('trainer1')
    expect(
      (await trainer.request('POST', '/api/admin/roster', csv(['name,member_number,branch,role']))).status,
    ).toBe(403)
  })

  it('a new account without a password gets one made by the server, answered once', async () => {
    const server = await start()
    const a = await admin(server)
    const r = await a.request('POST', '/api/admin/users', {
      json: { username: 'ya-0300', displayName: '新学员', role: 'member', branch: '一支部' },
    })
    expect(r.status).toBe(201)
    expect(r.headers.get('cache-control')).toBe('no-store')
    expect(r.body.password).toMatch(GENERATED)
    expect((await new Device(server).login('ya-0300', r.body.password)).status).toBe(200)
    // Given one, the server does not answer it back.
    const given = await a.request('POST', '/api/admin/users', {
      json: {
        username: 'ya-0301',
        displayName: '新学员',
        role: 'member',
        branch: '一支部',
        password: 'a-good-password',
      },
    })
    expect(given.status).toBe(201)
    expect(given.body.password).toBeUndefined()
  })

  it('a password reset ends every session of the account; the old password stops working, the new one works', async () => {
    const server = await start()
    const member = new Device(server)
    const memberId = await member.loginAs('member2')
    const a = await admin(server)
    const r = await a.request('POST', `/api/admin/users/${memberId}/reset-password`)
    expect(r.status).toBe(200)
    expect(r.body.user.username).toBe('member2')
    expect(r.body.password).toMatch(GENERATED)
    expect((await member.request('GET', '/api/me')).status).toBe(401)
    expect((await new Device(server).login('member2', DEMO.member2.password)).status).toBe(401)
    expect((await new Device(server).login('member2', r.body.password)).status).toBe(200)
    expect(server.logs.some((l) => l.event === 'admin.password.reset')).toBe(true)
    for (const l of server.logs) expect(l.line).not.toContain(r.body.password)
    expect((await a.request('POST', '/api/admin/users/no-such-user/reset-password')).status).toBe(404)
  })

  it('changing one’s own password keeps this session, ends the others, and a wrong current one logs nobody out', async () => {
    const server = await start()
    const phone = new Device(server)
    await phone.loginAs('member1')
    const tablet = new Device(server)
    await tablet.loginAs('member1')

    const wrong = await phone.request('POST', '/api/me/password', {
      json: { currentPassword: 'not-it-at-all', newPassword: 'my-new-password-1' },
    })
    expect(wrong.status).toBe(400)
    expect(wrong.body.error).toMatchObject({ code: 'wrong_password', path: 'currentPassword' })
    expect((await phone.request('GET', '/api/me')).status).toBe(200)

    const short = await phone.request('POST', '/api/me/password', {
      json: { currentPassword: DEMO.member1.password, newPassword: 'short' },
    })
    expect(short.body.error).toMatchObject({ code: 'invalid', path: 'newPassword' })
    const same = await phone.request('POST', '/api/me/password', {
      json: { currentPassword: DEMO.member1.password, newPassword: DEMO.member1.password },
    })
    expect(same.body.error).toMatchObject({ code: 'invalid', path: 'newPassword' })

    const ok = await phone.request('POST', '/api/me/password', {
      json: { currentPassword: DEMO.member1.password, newPassword: 'my-new-password-1' },
    })
    expect(ok.status).toBe(200)
    expect(ok.body).toEqual({ endedSessions: 1 })
    expect((await phone.request('GET', '/api/me')).status).toBe(200)
    expect((await tablet.request('GET', '/api/me')).status).toBe(401)
    expect((await new Device(server).login('member1', DEMO.member1.password)).status).toBe(401)
    expect((await new Device(server).login('member1', 'my-new-password-1')).status).toBe(200)
    for (const l of server.logs) expect(l.line).not.toContain('my-new-password-1')
  })

  it('a password someone else set is marked until its user changes it: new account, roster, admin and trainer resets', async () => {
    const server = await start()
    const a = await admin(server)
    const given = async (username: string, password: string) => {
      const d = new Device(server)
      const login = await d.login(username, password)
      expect(login.status).toBe(200)
      const me = await d.request('GET', '/api/me')
      // The login's answer and the start-up check say the same.
      expect(me.body.user.passwordGiven).toBe(login.body.user.passwordGiven)
      return { device: d, given: me.body.user.passwordGiven as boolean }
    }
    // The demo accounts' published passwords are no one's secret to hand over.
    expect((await given('member1', DEMO.member1.password)).given).toBe(false)

    const created = await a.request('POST', '/api/admin/users', {
      json: { username: 'zhang-given', displayName: '张给定', role: 'member', branch: '一支部' },
    })
    expect(created.status).toBe(201)
    const { device: phone, given: atFirst } = await given('zhang-given', created.body.password)
    expect(atFirst).toBe(true)
    const listed = async () =>
      (
        (await a.request('GET', '/api/admin/users')).body.users as {
          username: string
          passwordGiven: boolean
        }[]
      ).find((u) => u.username === 'zhang-given')?.passwordGiven
    expect(await listed()).toBe(true)

    const changed = await phone.request('POST', '/api/me/password', {
      json: { currentPassword: created.body.password, newPassword: 'only-zhang-knows' },
    })
    expect(changed.status).toBe(200)
    expect((await phone.request('GET', '/api/me')).body.user.passwordGiven).toBe(false)
    expect(await listed()).toBe(false)

    // An admin's reset hands out a password again.
    const reset = await a.request('POST', `/api/admin/users/${created.body.user.id}/reset-password`)
    expect((await given('zhang-given', reset.body.password)).given).toBe(true)

    // So does a trainer's, on a field trip, and a roster's new account.
    const trainer = new Device(server)
    await trainer.loginAs('trainer1')
    const member2 = (await a.request('GET', '/api/admin/users')).body.users.find(
      (u: { username: string }) => u.username === 'member2',
    )
    const byTrainer = await trainer.request(
      'POST',
      `/api/classes/${DEMO_CLASS_ID}/members/${member2.id}/reset-password`,
    )
    expect(byTrainer.status).toBe(200)
    expect((await given('member2', byTrainer.body.password)).given).toBe(true)
    const roster = await a.request(
      'POST',
      '/api/admin/roster',
      csv(['姓名,党员编号,党支部,角色', '王名册,YA-0201,一支部,党员']),
    )
    expect((await given('ya-0201', roster.body.created[0].password)).given).toBe(true)
  })

  it('wrong current passwords are throttled like failed logins', async () => {
    const server = await start()
    const phone = new Device(server)
    await phone.loginAs('member1')
    const statuses: number[] = []
    for (let i = 0; i < 11; i++)
      statuses.push(
        (
          await phone.request('POST', '/api/me/password', {
            json: { currentPassword: `guess-number-${i}`, newPassword: 'my-new-password-1' },
          })
        ).status,
      )
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true)
    expect(statuses[10]).toBe(429)
    // Throttled, not logged out.
    expect((await phone.request('GET', '/api/me')).status).toBe(200)
  })

  it('a trainer gives a member of their class a new password; never a trainer, nor someone outside the class', async () => {
    const server = await start()
    const member = new Device(server)
    const memberId = await member.loginAs('member2')
    const trainer = new Device(server)
    const trainerId = await trainer.loginAs('trainer1')
    const reset = (who: Device, userId: string) =>
      who.request('POST', `/api/classes/${DEMO_CLASS_ID}/members/${userId}/reset-password`)

    const r = await reset(trainer, memberId)
    expect(r.status).toBe(200)
    expect(r.headers.get('cache-control')).toBe('no-store')
    expect(r.body).toMatchObject({ username: 'member2', password: expect.stringMatching(GENERATED) })
    expect((await member.request('GET', '/api/me')).status).toBe(401)
    expect((await new Device(server).login('member2', r.body.password)).status).toBe(200)
    expect(server.logs.find((l) => l.event === 'class.password.reset')?.line).toContain(trainerId)
    for (const l of server.logs) expect(l.line).not.toContain(r.body.password)

    // Not a trainer of the class (nor the trainer themself), not a member outside it.
    expect((await reset(trainer, trainerId)).status).toBe(404)
    const outsider = await createUser(
      server.services.db,
      {
        username: 'outsider',
        displayName: '外人',
        role: 'member',
        branchName: '一支部',
        password: 'a-good-password',
      },
      new Date(),
      TEST_SCRYPT,
    )
    expect((await reset(trainer, outsider)).status).toBe(404)
    expect((await new Device(server).login('outsider', 'a-good-password')).status).toBe(200)

    // Added to the class by the trainer (补录学员), the outsider is in it; still the trainer cannot
    // take over the account: only an admin gives them a new password.
    const added = await trainer.request('POST', `/api/classes/${DEMO_CLASS_ID}/members`, {
      json: { memberIds: [outsider] },
    })
    expect(added.status).toBe(200)
    const refused = await reset(trainer, outsider)
    expect(refused.status).toBe(403)
    expect(refused.body.error.code).toBe('forbidden')
    expect((await new Device(server).login('outsider', 'a-good-password')).status).toBe(200)
    const byAdmin = await reset(await admin(server), outsider)
    expect(byAdmin.status).toBe(200)
    expect((await new Device(server).login('outsider', byAdmin.body.password)).status).toBe(200)
  })

  // Security audit H1: class powers came from the class's trainer seats alone, and a role change
  // left them in place, so a demoted trainer still read every record and reset members' passwords.
  it.each([
    ['on the accounts page', 'patch'],
    ['by a roster import', 'roster'],
  ] as const)('a trainer made a member %s loses their classes and their sessions', async (_, how) => {
    const server = await start()
    const a = await admin(server)
    const trainer = new Device(server)
    const trainerId = await trainer.loginAs('trainer1')
    const memberId = await new Device(server).loginAs('member1')
    const classPath = `/api/classes/${DEMO_CLASS_ID}`
    expect((await trainer.request('GET', `${classPath}/records`)).status).toBe(200)

    const demoted =
      how === 'patch'
        ? await a.request('PATCH', `/api/admin/users/${trainerId}`, {
            json: { role: 'member', branch: '延安市直机关第一党支部' },
          })
        : await a.request(
            'POST',
            '/api/admin/roster',
            csv(['姓名,党员编号,党支部,角色', '王老师,trainer1,延安市直机关第一党支部,党员']),
          )
    expect(demoted.status).toBe(200)
    // The session that held the trainer role has ended.
    expect((await trainer.request('GET', '/api/me')).status).toBe(401)
    await trainer.loginAs('trainer1')
    for (const path of [`${classPath}/records`, `${classPath}/signing-key`, `${classPath}/archive.csv`])
      expect((await trainer.request('GET', path)).status, path).toBe(404)
    const reset = await trainer.request('POST', `${classPath}/members/${memberId}/reset-password`)
    expect(reset.status).toBe(404)
    const seats = await server.services.db
      .selectFrom('class_trainers')
      .select('class_id')
      .where('user_id', '=', trainerId)
      .execute()
    expect(seats).toEqual([])
  })

  it('an admin changes an account’s name, role and branch; a member keeps a branch, and no admin demotes themself', async () => {
    const server = await start()
    const a = await admin(server)
    const memberId = await new Device(server).loginAs('member2')
    const patch = (id: string, json: unknown) => a.request('PATCH', `/api/admin/users/${id}`, { json })

    const moved = await patch(memberId, { displayName: '王建国', branch: '延安市直机关第三党支部' })
    expect(moved.status).toBe(200)
    expect(moved.body.user).toMatchObject({
      displayName: '王建国',
      role: 'member',
      branch: { name: '延安市直机关第三党支部' },
    })
    expect(server.logs.find((l) => l.event === 'admin.user.update')?.line).toContain('"fields":"branch"')
    for (const l of server.logs) expect(l.line).not.toContain('第三党支部')

    const noBranch = await patch(memberId, { branch: null })
    expect(noBranch.body.error).toMatchObject({ code: 'invalid', path: 'branch' })
    const trainer = await patch(memberId, { role: 'trainer', branch: null })
    expect(trainer.body.user).toMatchObject({ role: 'trainer', branch: null })

    const me = (await a.request('GET', '/api/me')).body.user.id
    expect((await patch(me, { role: 'member', branch: '一支部' })).body.error).toMatchObject({ path: 'role' })
    expect((await patch(me, { displayName: '组织部管理员（改）' })).status).toBe(200)
    expect((await patch('no-such-user', { displayName: 'x' })).status).toBe(404)
  })
})

/**
 * Why: the guided-mode WebSocket is a second door into the server, beside the HTTP API, and the
 * same rules have to hold there. The handshake takes the user from the session cookie only and
 * refuses other sites' pages (cross-site WebSocket hijacking); a class is led by its trainers and
 * admins, followed by its members, and invisible to everyone else (the same `not_found` as for a
 * class that does not exist). A refused or malformed message gets an error with a stable code
 * and the connection stays open; only an oversized frame or a flood closes it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createUser } from '../../server/admin/users.ts'
import { DEMO_CLASS_ID } from '../../server/db/seed.ts'
import { Device } from './driver.ts'
import { GuideConn, handshakeStatus } from './guide-driver.ts'
import { DATABASES, startTestServer, TEST_SCRYPT, type TestServer } from './harness.ts'

describe.each(DATABASES)('guided-mode access on %s', (db) => {
  let server: TestServer
  const open: GuideConn[] = []
  const conn = async (device: Device) => {
    const c = await GuideConn.open(server.url, device.cookies)
    open.push(c)
    return c
  }
  const device = async (username: 'member1' | 'member2' | 'trainer1' | 'admin') => {
    const d = new Device(server)
    await d.loginAs(username)
    return d
  }
  const outsider = async (role: 'member' | 'trainer') => {
    const username = `${role}-outside`
    await createUser(
      server.services.db,
      {
        username,
        displayName: '外人',
        role,
        password: `${username}-password`,
        branchName: role === 'member' ? '外支部' : null,
      },
      server.clock.now(),
      TEST_SCRYPT,
    )
    const d = new Device(server)
    const r = await d.login(username, `${username}-password`)
    expect(r.status).toBe(200)
    return d
  }

  beforeEach(async () => {
    server = await startTestServer(db)
  })
  afterEach(async () => {
    for (const c of open.splice(0)) c.close()
    await server.close()
  })

  it('refuses a handshake without a session, from another site, without an Origin, or at another path', async () => {
    const member = await device('member1')
    expect(await handshakeStatus(server.url, new Map())).toBe(401)
    expect(await handshakeStatus(server.url, new Map([['__Host-hongtu_session', 'x'.repeat(43)]]))).toBe(401)
    expect(await handshakeStatus(server.url, member.cookies, { origin: 'https://evil.example' })).toBe(403)
    expect(await handshakeStatus(server.url, member.cookies, { origin: null })).toBe(403)
    expect(await handshakeStatus(server.url, member.cookies, { path: '/api/guide/other' })).toBe(404)
    expect(await handshakeStatus(server.url, member.cookies)).toBe(101)
  })

  it('refuses a session that has logged out', async () => {
    const member = await device('member1')
    const cookies = new Map(member.cookies)
    expect((await member.request('POST', '/api/auth/logout')).status).toBe(204)
    expect(await handshakeStatus(server.url, cookies)).toBe(401)
  })

  it('after a logout, the next subscribe or command closes the open connection at once', async () => {
    const trainer = await device('trainer1')
    const open = await conn(trainer)
    await open.subscribe(DEMO_CLASS_ID)
    expect((await trainer.request('POST', '/api/auth/logout')).status).toBe(204)
    open.command(DEMO_CLASS_ID, { type: 'end' })
    // Well before the 25 s heartbeat.
    expect(await open.closed(3000)).toBe(4401)
    expect(open.received.filter((m) => m.type === 'sent')).toEqual([])
  })

  it('a logout closes a connection that only listens at once, not at the next heartbeat', async () => {
    const member = await device('member1')
    const listening = await conn(member)
    await listening.subscribe(DEMO_CLASS_ID)
    expect((await member.request('POST', '/api/auth/logout')).status).toBe(204)
    // Nothing sent on the connection: the server closes it itself, well before the 25 s beat.
    expect(await listening.closed(3000)).toBe(4401)
  })

  it("signing one device out closes that device's connection only; disabling the account closes the rest", async () => {
    const phone = await device('member1')
    const tablet = await device('member1')
    const onPhone = await conn(phone)
    const onTablet = await conn(tablet)
    await onPhone.subscribe(DEMO_CLASS_ID)
    await onTablet.subscribe(DEMO_CLASS_ID)
    const { sessions } = (await tablet.request('GET', '/api/me/sessions')).body as {
      sessions: { id: string; current: boolean }[]
    }
    const phoneSession = sessions.find((x) => !x.current)
    expect(phoneSession).toBeDefined()
    expect((await tablet.request('DELETE', `/api/me/sessions/${phoneSession?.id}`)).status).toBe(204)
    expect(await onPhone.closed(3000)).toBe(4401)
    onTablet.send({ type: 'ping' })
    await onTablet.next('pong')

    const admin = await device('admin')
    const disabled = await admin.request('POST', '/api/admin/users/demo-member1/disable')
    expect(disabled.status, disabled.text).toBe(200)
    expect(await onTablet.closed(3000)).toBe(4401)
  })

  it("lets the class's trainer and an admin lead, its member follow, and hides it from everyone else", async () => {
    const trainer = await conn(await device('trainer1'))
    expect((await trainer.subscribe(DEMO_CLASS_ID)).role).toBe('lead')
    const admin = await conn(await device('admin'))
    expect((await admin.subscribe(DEMO_CLASS_ID)).role).toBe('lead')
    const member = await conn(await device('member1'))
    expect((await member.subscribe(DEMO_CLASS_ID)).role).toBe('follow')

    for (const role of ['member', 'trainer'] as const) {
      const other = await conn(await outsider(role))
      other.send({ type: 'subscribe', classId: DEMO_CLASS_ID })
      const refused = await other.next('error')
      expect(refused).toMatchObject({ code: 'not_found', classId: DEMO_CLASS_ID })
      other.send({ type: 'subscribe', classId: 'no-such-class' })
      expect((await other.next('error')).code).toBe('not_found')
      // Refused, not disconnected.
      other.send({ type: 'ping' })
      await other.next('pong')
    }
  })

  it('stops a trainer or member removed from the class: no more commands, presence or class messages', async () => {
    const lead = await conn(await device('trainer1'))
    await lead.subscribe(DEMO_CLASS_ID)
    const colleague = await outsider('trainer')
    const admin = await device('admin')
    const { id: colleagueId } = await server.services.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'trainer-outside')
      .executeTakeFirstOrThrow()
    const added = await admin.request('POST', `/api/classes/${DEMO_CLASS_ID}/trainers`, {
      json: { trainerIds: [colleagueId] },
    })
    expect(added.status, added.text).toBe(200)
    const removedLead = await conn(colleague)
    expect((await removedLead.subscribe(DEMO_CLASS_ID)).role).toBe('lead')
    const member2 = await device('member2')
    const removedMember = await conn(member2)
    await removedMember.subscribe(DEMO_CLASS_ID)
    const staying = await conn(await device('member1'))
    await staying.subscribe(DEMO_CLASS_ID)

    for (const path of [`trainers/${colleagueId}`, 'members/demo-member2'])
      expect((await admin.request('DELETE', `/api/classes/${DEMO_CLASS_ID}/${path}`)).status).toBe(204)
    // Told at once, on the connection that stays open.
    for (const c of [removedLead, removedMember]) {
      expect(await c.next('error')).toMatchObject({ code: 'not_found', classId: DEMO_CLASS_ID })
      c.received.length = 0
    }

    const ref = removedLead.command(DEMO_CLASS_ID, { type: 'end' })
    expect(await removedLead.next('error', (m) => m.ref === ref)).toMatchObject({ code: 'not_subscribed' })
    lead.command(DEMO_CLASS_ID, { type: 'end' })
    await staying.next('command')
    // The one who stays gets the trainer's command; the removed ones get nothing more of the class.
    await lead.next('sent')
    removedMember.send({ type: 'ping' })
    await removedMember.next('pong')
    removedLead.send({ type: 'ping' })
    await removedLead.next('pong')
    for (const c of [removedLead, removedMember])
      expect(c.received.filter((m) => m.type !== 'error' && m.type !== 'pong')).toEqual([])
  })

  it('refuses a member who tries to command, and keeps the connection', async () => {
    const member = await conn(await device('member1'))
    await member.subscribe(DEMO_CLASS_ID)
    const ref = member.command(DEMO_CLASS_ID, { type: 'end' })
    expect(await member.next('error')).toMatchObject({ code: 'forbidden', ref, classId: DEMO_CLASS_ID })
    member.send({ type: 'ping' })
    await member.next('pong')
    expect(member.received.filter((m) => m.type === 'command')).toEqual([])
  })

  it('checks commands against the content and answers with a stable code and the field', async () => {
    const trainer = await conn(await device('trainer1'))
    await trainer.subscribe(DEMO_CLASS_ID)
    const cases = [
      [{ type: 'gather', siteId: 'huining-huishi-jiuzhi' }, 'command.siteId'],
      [{ type: 'start-lesson', lessonId: 'no-such-lesson' }, 'command.lessonId'],
      [{ type: 'vr-scene', sceneId: 'huining-huishi' }, 'command.sceneId'],
      [{ type: 'vr-look', sceneId: 'oath-hall', hotspotId: 'fangche' }, 'command.hotspotId'],
      [{ type: 'vr-oath-start', sceneId: 'yanan-yaodong' }, 'command.sceneId'],
    ] as const
    for (const [command, field] of cases) {
      const ref = trainer.command(DEMO_CLASS_ID, command)
      expect(await trainer.next('error', (m) => m.ref === ref)).toMatchObject({
        code: 'invalid_command',
        field,
      })
    }
    trainer.send('{not json')
    expect((await trainer.next('error')).code).toBe('bad_message')
    trainer.send({ type: 'command', classId: DEMO_CLASS_ID, ref: 'x', command: { type: 'launch' } })
    expect(await trainer.next('error')).toMatchObject({ code: 'bad_message', field: 'command.type' })
    trainer.send({ type: 'ack', classId: DEMO_CLASS_ID, seq: 1, userId: 'demo-member2' })
    expect((await trainer.next('error')).code).toBe('bad_message')
    const ref = trainer.command('other-class', { type: 'end' })
    expect(await trainer.next('error', (m) => m.ref === ref)).toMatchObject({ code: 'not_subscribed' })
    // After all that, a good command still goes through.
    const ok = trainer.command(DEMO_CLASS_ID, { type: 'gather', siteId: 'zaoyuan' })
    expect((await trainer.next('sent')).ref).toBe(ok)
  })

  it('closes the connection on a frame over the size limit', async () => {
    const member = await conn(await device('member1'))
    member.send({ type: 'subscribe', classId: 'x'.repeat(5000) })
    expect(await member.closed()).toBe(1009)
  })

  it('limits how many commands a trainer sends in a minute', async () => {
    await server.close()
    server = await startTestServer(db, { config: { guideCommandsPerMinute: 3 } })
    const trainer = await conn(await device('trainer1'))
    await trainer.subscribe(DEMO_CLASS_ID)
    for (let i = 0; i < 3; i++) {
      trainer.command(DEMO_CLASS_ID, { type: 'vr-pause', paused: i % 2 === 0 })
      await trainer.next('sent')
    }
    const ref = trainer.command(DEMO_CLASS_ID, { type: 'end' })
    expect(await trainer.next('error', (m) => m.ref === ref)).toMatchObject({ code: 'rate_limited' })
    server.clock.advance(61_000)
    trainer.command(DEMO_CLASS_ID, { type: 'end' })
    await trainer.next('sent')
  })
})

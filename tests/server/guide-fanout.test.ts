/**
 * Why: guided mode only helps if every phone of the class follows the trainer's tablet, if the
 * trainer can see who did, and if a member whose phone was in a tunnel when the command went
 * out is told at once when it reconnects. Each test drives real WebSocket connections of demo
 * accounts against the real server (SQLite, and PostgreSQL when configured).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DEMO_CLASS_ID } from '../../server/db/seed.ts'
import { startServer } from '../../server/start.ts'
import { Device } from './driver.ts'
import { GuideConn } from './guide-driver.ts'
import { DATABASES, startTestServer, TEST_SCRYPT, type TestServer, testContent } from './harness.ts'

describe.each(DATABASES)('guided-mode fan-out on %s', (db) => {
  let server: TestServer
  const open: GuideConn[] = []
  const devices = new Map<string, Device>()
  const connect = async (username: 'member1' | 'member2' | 'trainer1') => {
    let device = devices.get(username)
    if (!device) {
      device = new Device(server)
      await device.loginAs(username)
      devices.set(username, device)
    }
    const c = await GuideConn.open(server.url, device.cookies)
    open.push(c)
    await c.subscribe(DEMO_CLASS_ID)
    return c
  }

  beforeEach(async () => {
    server = await startTestServer(db)
  })
  afterEach(async () => {
    for (const c of open.splice(0)) c.close()
    devices.clear()
    await server.close()
  })

  it("sends a trainer's command to every member, and shows the trainer who followed", async () => {
    const trainer = await connect('trainer1')
    const m1 = await connect('member1')
    const m2 = await connect('member2')
    await trainer.next('presence', (p) => p.people.filter((x) => x.role === 'follow').length === 2)

    const ref = trainer.command(DEMO_CLASS_ID, { type: 'start-lesson', lessonId: 'zaoyuan-lesson' })
    const sent = await trainer.next('sent')
    expect(sent.ref).toBe(ref)
    for (const member of [m1, m2]) {
      const { event } = await member.next('command')
      expect(event).toMatchObject({
        id: sent.eventId,
        classId: DEMO_CLASS_ID,
        seq: 1,
        issuer: { id: 'demo-trainer1', displayName: '张老师' },
        command: { type: 'start-lesson', lessonId: 'zaoyuan-lesson' },
      })
    }

    m1.send({ type: 'ack', classId: DEMO_CLASS_ID, seq: 1 })
    const presence = await trainer.next('presence', (p) => p.people.some((x) => x.ackedSeq === 1))
    expect(presence.seq).toBe(1)
    expect(presence.people.map((p) => [p.displayName, p.role, p.ackedSeq])).toEqual([
      ['张老师', 'lead', 0],
      ['李红梅', 'follow', 1],
      ['王建国', 'follow', 0],
    ])
  })

  it('tells a member who connects late where the class is, pause included', async () => {
    const trainer = await connect('trainer1')
    for (const command of [
      { type: 'gather', siteId: 'zaoyuan' },
      { type: 'vr-scene', sceneId: 'oath-hall' },
      { type: 'vr-pause', paused: true },
    ] as const) {
      trainer.command(DEMO_CLASS_ID, command)
      await trainer.next('sent')
    }
    const late = await GuideConn.open(server.url, (await loginDevice('member1')).cookies)
    open.push(late)
    const subscribed = await late.subscribe(DEMO_CLASS_ID)
    expect(subscribed.seq).toBe(3)
    expect(subscribed.active.map((e) => [e.seq, e.command.type])).toEqual([
      [2, 'vr-scene'],
      [3, 'vr-pause'],
    ])

    trainer.command(DEMO_CLASS_ID, { type: 'end' })
    await late.next('command', (m) => m.event.command.type === 'end')
    const again = await GuideConn.open(server.url, devices.get('member1')?.cookies ?? new Map())
    open.push(again)
    expect((await again.subscribe(DEMO_CLASS_ID)).active.map((e) => e.command.type)).toEqual(['end'])
  })

  it("takes a member who leaves off the trainer's list", async () => {
    const trainer = await connect('trainer1')
    const m1 = await connect('member1')
    await trainer.next('presence', (p) => p.people.some((x) => x.userId === 'demo-member1'))
    m1.close()
    await trainer.next('presence', (p) => !p.people.some((x) => x.userId === 'demo-member1'))
  })

  it("nudges the class's trainers, not its members, when a member's new records arrive", async () => {
    const trainer = await connect('trainer1')
    const m2 = await connect('member2')
    const member1 = await loginDevice('member1')
    const checkin = member1.checkin('demo-member1', 'zaoyuan', { classId: DEMO_CLASS_ID })
    expect((await member1.push([checkin])).body.results[0].result).toBe('created')
    expect(await trainer.next('records-changed')).toEqual({ type: 'records-changed', classId: DEMO_CLASS_ID })

    // The same record again creates nothing, so nobody is nudged.
    await member1.push([checkin])
    m2.send({ type: 'ping' })
    await m2.next('pong')
    await new Promise((r) => setTimeout(r, 1200))
    expect(trainer.received.filter((m) => m.type === 'records-changed')).toEqual([])
    expect(m2.received.filter((m) => m.type === 'records-changed')).toEqual([])
  })

  it('keeps where the class is in the database, for a restarted server', async () => {
    const trainer = await connect('trainer1')
    trainer.command(DEMO_CLASS_ID, { type: 'vr-scene', sceneId: 'yanan-yaodong' })
    await trainer.next('sent')
    // With SQLite the row is written just after the fan-out: wait for it.
    await vi.waitFor(async () => {
      const row = await server.services.db.selectFrom('guide_state').selectAll().executeTakeFirst()
      expect(row?.seq).toBe(1)
    })
    // A second server on the same database stands in for the first one restarted.
    const restarted = await startServer({
      config: { ...server.services.config, port: 0 },
      content: testContent(),
      now: server.clock.now,
      scrypt: TEST_SCRYPT,
      log: () => {},
      announce: () => {},
    })
    try {
      const member = new Device({ ...server, url: restarted.url })
      await member.loginAs('member1')
      const late = await GuideConn.open(restarted.url, member.cookies)
      open.push(late)
      const subscribed = await late.subscribe(DEMO_CLASS_ID)
      expect(subscribed.active.map((e) => e.command)).toEqual([
        { type: 'vr-scene', sceneId: 'yanan-yaodong' },
      ])
    } finally {
      for (const c of open.splice(0)) c.close()
      await restarted.close()
    }
  })

  async function loginDevice(username: 'member1' | 'member2') {
    const device = new Device(server)
    await device.loginAs(username)
    devices.set(username, device)
    return device
  }
})

/**
 * Why: behind a load balancer, a trainer's tablet and a member's phone may reach different
 * server processes. These share one PostgreSQL database and pass guided mode through it
 * (LISTEN/NOTIFY, presence rows): the member on process B must get the trainer's command from
 * process A, the trainer must see the member (and the member's "followed") from B, and a late
 * joiner on B must be told what A's trainer asked. When B's listening connection to the
 * database is cut, B reconnects and catches up by itself. Two real servers run side by side in
 * this test process, each with its own pool and listener: the same path as two machines.
 * PostgreSQL only (HONGTU_TEST_PG_URL); SQLite is one process by design.
 */
import pg from 'pg'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEMO_CLASS_ID } from '../../server/db/seed.ts'
import { type RunningServer, startServer } from '../../server/start.ts'
import { Device } from './driver.ts'
import { GuideConn } from './guide-driver.ts'
import { startTestServer, TEST_SCRYPT, type TestServer, testContent } from './harness.ts'

const PG = process.env.HONGTU_TEST_PG_URL

describe.skipIf(!PG)('guided mode across two server processes on PostgreSQL', () => {
  let a: TestServer
  let b: RunningServer
  const open: GuideConn[] = []

  beforeEach(async () => {
    a = await startTestServer('postgres')
    b = await startServer({
      config: { ...a.services.config, port: 0 },
      content: testContent(),
      now: a.clock.now,
      scrypt: TEST_SCRYPT,
      log: () => {},
      announce: () => {},
    })
  })
  afterEach(async () => {
    for (const c of open.splice(0)) c.close()
    await b.close()
    await a.close()
  })

  /** Logs in (on A: the session is in the shared database, so B knows it too) and connects to `to`. */
  async function connect(username: 'member1' | 'member2' | 'trainer1', to: { url: string }) {
    const device = new Device(a)
    await device.loginAs(username)
    const c = await GuideConn.open(to.url, device.cookies)
    open.push(c)
    const subscribed = await c.subscribe(DEMO_CLASS_ID)
    return { c, subscribed }
  }

  it('carries a command from process A to a member on B, and the member back to the trainer on A', async () => {
    const trainer = (await connect('trainer1', a)).c
    const member = (await connect('member1', b)).c
    await trainer.next('presence', (p) =>
      p.people.some((x) => x.userId === 'demo-member1' && x.ackedSeq === 0),
    )

    trainer.command(DEMO_CLASS_ID, { type: 'gather', siteId: 'zaoyuan' })
    const { event } = await member.next('command', () => true, 8000)
    expect(event).toMatchObject({ seq: 1, command: { type: 'gather', siteId: 'zaoyuan' } })
    member.send({ type: 'ack', classId: DEMO_CLASS_ID, seq: event.seq })
    await trainer.next('presence', (p) =>
      p.people.some((x) => x.userId === 'demo-member1' && x.ackedSeq === 1),
    )

    // One person on both processes is one entry with two connections.
    await connect('member1', a)
    await trainer.next('presence', (p) =>
      p.people.some((x) => x.userId === 'demo-member1' && x.connections === 2),
    )
    member.close()
    await trainer.next('presence', (p) =>
      p.people.some((x) => x.userId === 'demo-member1' && x.connections === 1),
    )
  })

  it('numbers commands of two trainers on two processes one after another, and tells a late joiner', async () => {
    const onA = (await connect('trainer1', a)).c
    const onB = (await connect('trainer1', b)).c
    // Sent at the same moment: which goes first is the database's call, but they get 1 and 2.
    onA.command(DEMO_CLASS_ID, { type: 'vr-scene', sceneId: 'oath-hall' })
    onB.command(DEMO_CLASS_ID, { type: 'vr-oath-start', sceneId: 'oath-hall' })
    const sent = [(await onA.next('sent')).eventId, (await onB.next('sent')).eventId]
    const { subscribed } = await connect('member2', b)
    // Two commands, numbers 1 and 2: the late joiner is at 2, on whichever went second.
    expect(subscribed.seq).toBe(2)
    expect(subscribed.active).toHaveLength(1)
    expect(sent).toContain(subscribed.active[0]?.id)
    expect(subscribed.active[0]?.seq).toBe(2)
  })

  it("brings a member's new records on B to the trainer on A", async () => {
    const trainer = (await connect('trainer1', a)).c
    const device = new Device({ ...a, url: b.url })
    await device.loginAs('member2')
    const r = await device.push([device.checkin('demo-member2', 'zaoyuan', { classId: DEMO_CLASS_ID })])
    expect(r.body.results[0].result).toBe('created')
    await trainer.next('records-changed')
  })

  it("closes a member's connection on B at once when they log out on A", async () => {
    const device = new Device(a)
    await device.loginAs('member1')
    const onB = await GuideConn.open(b.url, device.cookies)
    open.push(onB)
    await onB.subscribe(DEMO_CLASS_ID)
    expect((await device.request('POST', '/api/auth/logout')).status).toBe(204)
    // Through the bus, not B's 25 s heartbeat.
    expect(await onB.closed(5000)).toBe(4401)
  })

  it('reconnects a listener whose database connection was cut, and delivers what it missed', async () => {
    const trainer = (await connect('trainer1', a)).c
    const member = (await connect('member1', b)).c
    const dbName = new URL(a.services.config.databaseUrl as string).pathname.slice(1)
    const admin = new pg.Client({ connectionString: PG })
    await admin.connect()
    try {
      // Both processes' listeners are cut; B's member must still get A's next command.
      const cut = await admin.query(
        "select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and query ilike 'LISTEN%'",
        [dbName],
      )
      expect(cut.rowCount).toBe(2)
    } finally {
      await admin.end()
    }
    trainer.command(DEMO_CLASS_ID, { type: 'start-lesson', lessonId: 'zaoyuan-lesson' })
    const { event } = await member.next('command', () => true, 8000)
    expect(event.command).toEqual({ type: 'start-lesson', lessonId: 'zaoyuan-lesson' })
  })
})

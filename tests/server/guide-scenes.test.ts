/**
 * Why: a class created without VR scenes has no VR columns on its dashboard or in its archive
 * (src/domain/classes/dashboard-columns.ts), so a scene led there would be completed by members
 * and never seen by their trainer. The server used to read "no scenes" as "every scene" and
 * passed such commands on; now it refuses every VR command for that class with a stable code,
 * while its route's commands and the demo class's own scenes keep working.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEMO_CLASS_ID } from '../../server/db/seed.ts'
import { Device } from './driver.ts'
import { GuideConn } from './guide-driver.ts'
import { DATABASES, startTestServer, type TestServer } from './harness.ts'

describe.each(DATABASES)('guided mode and a class’s VR scenes on %s', (db) => {
  let server: TestServer
  const open: GuideConn[] = []

  beforeEach(async () => {
    server = await startTestServer(db)
  })
  afterEach(async () => {
    for (const c of open.splice(0)) c.close()
    await server.close()
  })

  const leadAsTrainer1 = async () => {
    const trainer = new Device(server)
    await trainer.loginAs('trainer1')
    const conn = await GuideConn.open(server.url, trainer.cookies)
    open.push(conn)
    return { trainer, conn }
  }

  it('refuses every VR command for a class created with no scenes, and still takes its route’s', async () => {
    const { trainer, conn } = await leadAsTrainer1()
    const today = new Date(server.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
    const created = await trainer.request('POST', '/api/classes', {
      json: {
        name: '只走路线的班次',
        routeId: 'yanan-two-day',
        sceneIds: [],
        startsOn: today,
        endsOn: today,
        trainerIds: [],
        memberIds: [],
      },
    })
    expect(created.status, created.text).toBe(201)
    const classId = (created.body as { class: { id: string; sceneIds: string[] } }).class.id
    await conn.subscribe(classId)

    for (const command of [
      { type: 'vr-scene', sceneId: 'oath-hall' },
      { type: 'vr-look', sceneId: 'yanan-yaodong', hotspotId: 'fangche' },
      { type: 'vr-oath-start', sceneId: 'oath-hall' },
      { type: 'vr-pause', paused: true },
    ] as const) {
      const ref = conn.command(classId, command)
      expect(await conn.next('error', (m) => m.ref === ref), command.type).toMatchObject({
        code: 'invalid_command',
        field: 'command.type',
        message: 'the class has no VR scenes',
      })
    }
    const ok = conn.command(classId, { type: 'gather', siteId: 'zaoyuan' })
    expect((await conn.next('sent')).ref).toBe(ok)
  })

  it('the demo class keeps its VR scenes, so they can be led', async () => {
    const { conn } = await leadAsTrainer1()
    await conn.subscribe(DEMO_CLASS_ID)
    const ref = conn.command(DEMO_CLASS_ID, { type: 'vr-scene', sceneId: 'oath-hall' })
    expect((await conn.next('sent')).ref).toBe(ref)
  })
})

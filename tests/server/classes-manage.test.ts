/**
 * Why: trainers make their own classes now (issue 7), from a route, from VR scenes, or both,
 * and the server is the only place that can check them against the content, the scenes and
 * the accounts. These tests create and change classes through the API as a trainer's and an
 * admin's devices do, and check that every bad value is refused with its field path and that a
 * refused request writes nothing.
 */
import { describe, expect, it } from 'vitest'
import { DEMO_CLASS_ID } from '../../server/db/seed.ts'
import { buildClassWorld, type ClassWorld } from './classes-world.ts'
import { DATABASES, serverPerTest } from './harness.ts'

const GOOD = {
  name: '  六月延安班 ',
  routeId: 'yanan-two-day',
  sceneIds: ['yanan-yaodong', 'oath-hall'],
  startsOn: '2026-06-01',
  endsOn: '2026-06-02',
}

describe.each(DATABASES)('class management on %s', (dbKind) => {
  const startServer = serverPerTest(dbKind)
  let w: ClassWorld
  const start = async () => {
    w = await buildClassWorld(await startServer())
  }
  const classCount = async () =>
    (await w.server.services.db.selectFrom('classes').select('id').execute()).length

  it('a trainer creates a class with members; they become its trainer, and the members see it', async () => {
    await start()
    const r = await w.devices.trainer.request('POST', '/api/classes', {
      json: { ...GOOD, memberIds: [w.ids.member, 'member3'] },
    })
    expect(r.status, r.text).toBe(201)
    const id = r.body.class.id as string
    expect(id).toMatch(/^yanan-two-day-2026-06-01-[a-z0-9]{6}$/)
    expect(r.body.class).toEqual({
      id,
      name: '六月延安班',
      routeId: 'yanan-two-day',
      sceneIds: ['yanan-yaodong', 'oath-hall'],
      startsOn: '2026-06-01',
      endsOn: '2026-06-02',
      createdBy: w.ids.trainer,
      relation: 'trainer',
    })
    expect(r.body.trainers).toEqual([{ id: w.ids.trainer, displayName: '张老师' }])
    expect(r.body.members).toEqual([
      {
        id: w.ids.member,
        displayName: '李红梅',
        memberNumber: 'YA-2024-0001',
        branch: { id: expect.any(String), name: '延安市直机关第一党支部' },
      },
      {
        id: 'member3',
        displayName: '赵三',
        memberNumber: 'YA-2024-0003',
        branch: { id: expect.any(String), name: '延安市直机关第二党支部' },
      },
    ])
    const mine = await w.devices.otherMember.request('GET', '/api/me')
    expect(mine.body.classes.find((c: { id: string }) => c.id === id)).toMatchObject({
      relation: 'member',
      sceneIds: ['yanan-yaodong', 'oath-hall'],
    })
    const seen = await w.devices.otherMember.request('GET', `/api/classes/${id}`)
    expect(seen.status).toBe(200)
    expect(seen.body.members).toBeUndefined()
    expect(w.server.logs.some((l) => l.event === 'class.create')).toBe(true)
  })

  it('a VR-only class has no route; its id says vr', async () => {
    await start()
    const r = await w.devices.trainer.request('POST', '/api/classes', {
      json: { ...GOOD, routeId: null, sceneIds: ['oath-hall'] },
    })
    expect(r.status, r.text).toBe(201)
    expect(r.body.class.id).toMatch(/^vr-2026-06-01-[a-z0-9]{6}$/)
    expect(r.body.class.routeId).toBeNull()
  })

  it('an admin creates a class for other trainers, or becomes its trainer when naming none', async () => {
    await start()
    const forOthers = await w.devices.admin.request('POST', '/api/classes', {
      json: { ...GOOD, trainerIds: ['trainer2', w.ids.trainer] },
    })
    expect(forOthers.status, forOthers.text).toBe(201)
    expect(forOthers.body.class.relation).toBe('admin')
    expect(forOthers.body.trainers.map((t: { id: string }) => t.id).sort()).toEqual(
      [w.ids.trainer, 'trainer2'].sort(),
    )
    const trainer2Sees = await w.devices.otherTrainer.request(
      'GET',
      `/api/classes/${forOthers.body.class.id}`,
    )
    expect(trainer2Sees.body.class.relation).toBe('trainer')
    const alone = await w.devices.admin.request('POST', '/api/classes', { json: GOOD })
    expect(alone.body.trainers.map((t: { id: string }) => t.id)).toEqual([w.ids.admin])
  })

  it('refuses each bad value with its field path and writes nothing', async () => {
    await start()
    const before = await classCount()
    const cases: [unknown, string][] = [
      [{ ...GOOD, routeId: null, sceneIds: [] }, 'routeId'],
      [{ ...GOOD, routeId: undefined, sceneIds: undefined }, 'routeId'],
      [{ ...GOOD, routeId: 'no-such-route' }, 'routeId'],
      [{ ...GOOD, sceneIds: ['oath-hall', 'no-such-scene'] }, 'sceneIds.1'],
      [{ ...GOOD, sceneIds: ['oath-hall', 'oath-hall'] }, 'sceneIds.1'],
      [{ ...GOOD, endsOn: '2026-05-31' }, 'endsOn'],
      [{ ...GOOD, endsOn: '2028-06-02' }, 'endsOn'],
      [{ ...GOOD, startsOn: '2026-02-30' }, 'startsOn'],
      [{ ...GOOD, startsOn: '2026/06/01' }, 'startsOn'],
      [{ ...GOOD, name: '   ' }, 'name'],
      [{ ...GOOD, name: '班'.repeat(81) }, 'name'],
      [{ ...GOOD, trainerIds: [w.ids.member] }, 'trainerIds.0'],
      [{ ...GOOD, trainerIds: ['trainer2', 'nobody'] }, 'trainerIds.1'],
      [{ ...GOOD, memberIds: [w.ids.member, 'nobody'] }, 'memberIds.1'],
      [{ ...GOOD, memberIds: ['trainer2'] }, 'memberIds.0'],
      [{ ...GOOD, id: 'my-own-id' }, 'id'],
    ]
    for (const [body, path] of cases) {
      const r = await w.devices.trainer.request('POST', '/api/classes', { json: body })
      expect(r.status, `${path}: ${r.text}`).toBe(400)
      expect(r.body.error.code).toBe('invalid')
      expect(r.body.error.path, JSON.stringify(body)).toBe(path)
    }
    expect(await classCount()).toBe(before)
  })

  it('refuses a disabled account as a member', async () => {
    await start()
    await w.devices.admin.request('POST', '/api/admin/users/member3/disable')
    const r = await w.devices.trainer.request('POST', '/api/classes', {
      json: { ...GOOD, memberIds: ['member3'] },
    })
    expect(r.status).toBe(400)
    expect(r.body.error).toMatchObject({ code: 'invalid', path: 'memberIds.0' })
  })

  it("a class's trainer changes its name, dates and scenes; the route stays", async () => {
    await start()
    const r = await w.devices.trainer.request('PATCH', `/api/classes/${DEMO_CLASS_ID}`, {
      json: {
        name: '延安精神班（第一期）',
        startsOn: '2026-05-01',
        endsOn: '2026-05-03',
        sceneIds: ['oath-hall'],
      },
    })
    expect(r.status, r.text).toBe(200)
    // Full-width brackets stay as typed (the name is shown, never matched).
    expect(r.body.class).toMatchObject({
      name: '延安精神班（第一期）',
      routeId: 'yanan-two-day',
      startsOn: '2026-05-01',
      endsOn: '2026-05-03',
      sceneIds: ['oath-hall'],
    })
    const again = await w.devices.member.request('GET', `/api/classes/${DEMO_CLASS_ID}`)
    expect(again.body.class.name).toBe('延安精神班（第一期）')
    const route = await w.devices.trainer.request('PATCH', `/api/classes/${DEMO_CLASS_ID}`, {
      json: { routeId: 'yimeng-linyi' },
    })
    expect(route.status).toBe(400)
  })

  it('a change that would leave a bad class is refused with its field', async () => {
    await start()
    const vr = await w.devices.trainer.request('POST', '/api/classes', {
      json: { ...GOOD, routeId: null, sceneIds: ['oath-hall'] },
    })
    const id = vr.body.class.id as string
    const cases: [unknown, string][] = [
      [{ sceneIds: [] }, 'routeId'],
      [{ endsOn: '2026-05-01' }, 'endsOn'],
      [{}, ''],
    ]
    for (const [body, path] of cases) {
      const r = await w.devices.trainer.request('PATCH', `/api/classes/${id}`, { json: body })
      expect(r.status, r.text).toBe(400)
      expect(r.body.error.path).toBe(path)
    }
    const unchanged = await w.devices.trainer.request('GET', `/api/classes/${id}`)
    expect(unchanged.body.class).toMatchObject({ sceneIds: ['oath-hall'], endsOn: '2026-06-02' })
  })

  it('adds and removes members and trainers; adding twice or removing twice changes nothing', async () => {
    await start()
    const path = `/api/classes/${DEMO_CLASS_ID}`
    const add = await w.devices.trainer.request('POST', `${path}/members`, {
      json: { memberIds: ['member3'] },
    })
    expect(add.status, add.text).toBe(200)
    expect(add.body.members.map((m: { id: string }) => m.id)).toContain('member3')
    const twice = await w.devices.trainer.request('POST', `${path}/members`, {
      json: { memberIds: ['member3'] },
    })
    expect(twice.body.members.filter((m: { id: string }) => m.id === 'member3')).toHaveLength(1)
    expect((await w.devices.otherMember.request('GET', path)).status).toBe(200)
    expect((await w.devices.trainer.request('DELETE', `${path}/members/member3`)).status).toBe(204)
    expect((await w.devices.trainer.request('DELETE', `${path}/members/member3`)).status).toBe(204)
    expect((await w.devices.otherMember.request('GET', path)).status).toBe(404)

    const t = await w.devices.trainer.request('POST', `${path}/trainers`, {
      json: { trainerIds: ['trainer2'] },
    })
    expect(t.body.trainers.map((x: { id: string }) => x.id).sort()).toEqual(
      [w.ids.trainer, 'trainer2'].sort(),
    )
    expect((await w.devices.otherTrainer.request('GET', `${path}/records`)).status).toBe(200)
    const wrongRole = await w.devices.trainer.request('POST', `${path}/trainers`, {
      json: { trainerIds: [w.ids.member] },
    })
    expect(wrongRole.body.error).toMatchObject({ code: 'invalid', path: 'trainerIds.0' })
  })

  it('a class keeps its last trainer', async () => {
    await start()
    const path = `/api/classes/${DEMO_CLASS_ID}/trainers`
    const last = await w.devices.admin.request('DELETE', `${path}/${w.ids.trainer}`)
    expect(last.status).toBe(400)
    expect(last.body.error).toMatchObject({ code: 'invalid', path: 'userId' })
    await w.devices.admin.request('POST', path, { json: { trainerIds: ['trainer2'] } })
    expect((await w.devices.trainer.request('DELETE', `${path}/${w.ids.trainer}`)).status).toBe(204)
    // Having left, trainer1 no longer sees the class at all.
    expect((await w.devices.trainer.request('GET', `/api/classes/${DEMO_CLASS_ID}`)).status).toBe(404)
  })

  it('two trainers removing each other at once leave one of them, never none', async () => {
    await start()
    const path = `/api/classes/${DEMO_CLASS_ID}/trainers`
    // Many rounds: without the class's row lock, PostgreSQL let both removals through.
    for (let round = 0; round < 15; round++) {
      await w.devices.admin.request('POST', path, { json: { trainerIds: [w.ids.trainer, 'trainer2'] } })
      const answers = await Promise.all([
        w.devices.trainer.request('DELETE', `${path}/trainer2`),
        w.devices.otherTrainer.request('DELETE', `${path}/${w.ids.trainer}`),
      ])
      const left = await w.server.services.db
        .selectFrom('class_trainers')
        .select('user_id')
        .where('class_id', '=', DEMO_CLASS_ID)
        .execute()
      expect(left, `round ${round}: ${answers.map((a) => a.status).join(', ')}`).toHaveLength(1)
      // The other is refused: 400 (the last trainer), or 404 if it was no longer a trainer itself.
      expect(answers.filter((a) => a.status === 204)).toHaveLength(1)
    }
  })
})

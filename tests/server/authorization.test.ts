/**
 * Why: access control has to hold on every endpoint, not just the ones someone remembered to
 * test (P17, fault row 27). This file crosses every endpoint the server declares (read from its
 * own OpenAPI document, so a new endpoint without a row here fails the test) with six callers:
 * anonymous, the member who owns the data, another member outside the class, the class's
 * trainer, a trainer of another class, and an admin. What may not be seen answers 404 exactly
 * like what does not exist; what may be seen but not touched answers 403.
 */
import { describe, expect, it } from 'vitest'
import { createUser } from '../../server/admin/users.ts'
import { DEMO_CLASS_ID } from '../../server/db/seed.ts'
import { CLASS_MATRIX_ROWS } from './classes-matrix.ts'
import { DEMO, Device, type Reply } from './driver.ts'
import { DATABASES, serverPerTest, type TestServer } from './harness.ts'

const CALLERS = ['anonymous', 'otherMember', 'otherTrainer', 'trainer', 'member', 'admin'] as const
type Caller = (typeof CALLERS)[number]

interface World {
  readonly server: TestServer
  readonly devices: Record<Caller, Device>
  readonly ids: Record<Caller, string>
  /** A record of member1 and the id of another session of member1. */
  readonly recordId: string
  readonly sessionId: string
}

type Expect = number | ((r: Reply, w: World) => void)
interface Row {
  readonly method: string
  readonly path: (w: World) => string
  /** The declared path, as in the OpenAPI document. */
  readonly declared: string
  readonly body?: (w: World, caller: Caller) => unknown
  /** A CSV body (a roster file) instead of JSON. */
  readonly csv?: (caller: Caller) => string
  /** Expected answer per caller; callers run in CALLERS order, so only later ones see changes. */
  readonly expect: Record<Caller, Expect>
}

const all = (status: number, anonymous = 401): Record<Caller, Expect> => ({
  anonymous,
  otherMember: status,
  otherTrainer: status,
  trainer: status,
  member: status,
  admin: status,
})
const adminOnly = (status: number) => ({ ...all(403), admin: status })
const pushResult = (result: string) => (r: Reply) => {
  expect(r.status).toBe(200)
  expect(r.body.results[0].result).toBe(result)
}
const pulledCount = (n: number) => (r: Reply) => {
  expect(r.status).toBe(200)
  expect(r.body.records).toHaveLength(n)
}
const staffOfClass = {
  anonymous: 401,
  otherMember: 404,
  otherTrainer: 404,
  trainer: 200,
  member: 403,
  admin: 200,
}

const ROWS: Row[] = [
  { method: 'GET', declared: '/api/health', path: () => '/api/health', expect: all(200, 200) },
  { method: 'GET', declared: '/api/openapi.json', path: () => '/api/openapi.json', expect: all(200, 200) },
  {
    method: 'POST',
    declared: '/api/auth/login',
    path: () => '/api/auth/login',
    body: () => ({ username: 'member2', password: DEMO.member2.password }),
    expect: all(200, 200),
  },
  { method: 'POST', declared: '/api/auth/logout', path: () => '/api/auth/logout', expect: all(204) },
  { method: 'GET', declared: '/api/me', path: () => '/api/me', expect: all(200) },
  { method: 'GET', declared: '/api/me/sessions', path: () => '/api/me/sessions', expect: all(200) },
  {
    method: 'POST',
    declared: '/api/me/password',
    path: () => '/api/me/password',
    // Each caller's own password, never another's: a wrong current one changes nothing.
    body: () => ({ currentPassword: 'not-my-password', newPassword: 'a-new-good-password' }),
    expect: all(400),
  },
  {
    method: 'DELETE',
    declared: '/api/me/sessions/{sessionId}',
    path: (w) => `/api/me/sessions/${w.sessionId}`,
    expect: { ...all(404), member: 204 },
  },
  {
    method: 'GET',
    declared: '/api/me/progress',
    path: () => '/api/me/progress',
    expect: {
      ...all(200),
      member: (r) => expect(r.body.stamps.map((s: { siteId: string }) => s.siteId)).toEqual(['zaoyuan']),
      otherMember: (r) => expect(r.body.stamps).toEqual([]),
    },
  },
  {
    method: 'GET',
    declared: '/api/classes',
    path: () => '/api/classes',
    expect: {
      ...all(200),
      otherMember: (r) => expect(r.body.classes.map((c: { id: string }) => c.id)).toEqual(['other-class']),
      member: (r) => expect(r.body.classes.map((c: { id: string }) => c.id)).toEqual([DEMO_CLASS_ID]),
      admin: (r) => expect(r.body.classes).toHaveLength(2),
    },
  },
  {
    method: 'GET',
    declared: '/api/classes/{classId}',
    path: () => `/api/classes/${DEMO_CLASS_ID}`,
    expect: {
      ...staffOfClass,
      member: (r) => {
        expect(r.status).toBe(200)
        expect(r.body.members).toBeUndefined()
      },
    },
  },
  {
    method: 'GET',
    declared: '/api/classes/{classId}/records',
    path: () => `/api/classes/${DEMO_CLASS_ID}/records`,
    expect: staffOfClass,
  },
  {
    method: 'GET',
    declared: '/api/classes/{classId}/progress',
    path: () => `/api/classes/${DEMO_CLASS_ID}/progress`,
    expect: staffOfClass,
  },
  {
    method: 'GET',
    declared: '/api/classes/{classId}/keys',
    path: () => `/api/classes/${DEMO_CLASS_ID}/keys`,
    expect: { ...staffOfClass, member: 200 },
  },
  {
    method: 'GET',
    declared: '/api/classes/{classId}/signing-key',
    path: () => `/api/classes/${DEMO_CLASS_ID}/signing-key`,
    // The class's trainers only: an admin may see the class but does not sign its codes.
    expect: { ...staffOfClass, admin: 403 },
  },
  {
    method: 'POST',
    declared: '/api/classes/{classId}/keys/rotate',
    path: () => `/api/classes/${DEMO_CLASS_ID}/keys/rotate`,
    // Its trainers, and admins (a lost phone may be reported to either); members may not.
    expect: staffOfClass,
  },
  {
    method: 'GET',
    declared: '/api/classes/{classId}/learning-effect',
    path: () => `/api/classes/${DEMO_CLASS_ID}/learning-effect`,
    expect: staffOfClass,
  },
  {
    method: 'POST',
    declared: '/api/sync/push',
    path: () => '/api/sync/push',
    // Everyone sends a record claiming to be member1's; only member1's session may write it.
    body: (w, caller) => ({
      records: [w.devices[caller].record(w.ids.member, 'reflection', { text: `来自${caller}` })],
    }),
    expect: {
      ...all(200),
      otherMember: pushResult('forbidden'),
      otherTrainer: pushResult('forbidden'),
      trainer: pushResult('forbidden'),
      member: pushResult('created'),
      admin: pushResult('forbidden'),
    },
  },
  {
    method: 'GET',
    declared: '/api/sync/pull',
    path: () => '/api/sync/pull',
    expect: {
      ...all(200),
      otherMember: pulledCount(0),
      otherTrainer: pulledCount(0),
      trainer: pulledCount(0),
      member: pulledCount(1),
      admin: pulledCount(0),
    },
  },
  { method: 'GET', declared: '/api/admin/users', path: () => '/api/admin/users', expect: adminOnly(200) },
  {
    method: 'POST',
    declared: '/api/admin/users',
    path: () => '/api/admin/users',
    body: (_w, caller) => ({
      username: `new-${caller}`,
      displayName: '新学员',
      role: 'member',
      branch: '新支部',
      password: 'a-good-password',
    }),
    expect: adminOnly(201),
  },
  {
    method: 'POST',
    declared: '/api/admin/users/{userId}/disable',
    path: (w) => `/api/admin/users/${w.ids.otherMember}/disable`,
    expect: adminOnly(200),
  },
  {
    method: 'POST',
    declared: '/api/admin/users/{userId}/enable',
    path: (w) => `/api/admin/users/${w.ids.otherMember}/enable`,
    expect: adminOnly(200),
  },
  {
    method: 'PATCH',
    declared: '/api/admin/users/{userId}',
    path: (w) => `/api/admin/users/${w.ids.otherMember}`,
    body: () => ({ displayName: '改过的名字', branch: '第三党支部' }),
    expect: {
      ...adminOnly(200),
      admin: (r) => {
        expect(r.status).toBe(200)
        expect(r.body.user).toMatchObject({ displayName: '改过的名字', branch: { name: '第三党支部' } })
      },
    },
  },
  {
    method: 'POST',
    declared: '/api/admin/users/{userId}/reset-password',
    path: (w) => `/api/admin/users/${w.ids.otherMember}/reset-password`,
    expect: {
      ...adminOnly(200),
      admin: (r) => {
        expect(r.status).toBe(200)
        expect(r.body.password).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/)
      },
    },
  },
  {
    method: 'POST',
    declared: '/api/admin/roster',
    path: () => '/api/admin/roster',
    csv: (caller) => `姓名,党员编号,党支部,角色\n新学员,new-${caller},新支部,党员\n`,
    expect: {
      ...adminOnly(200),
      admin: (r) => {
        expect(r.status).toBe(200)
        expect(r.body.created.map((c: { username: string }) => c.username)).toEqual(['new-admin'])
      },
    },
  },
  {
    method: 'POST',
    declared: '/api/admin/users/{userId}/revoke-sessions',
    path: (w) => `/api/admin/users/${w.ids.otherMember}/revoke-sessions`,
    expect: adminOnly(200),
  },
  {
    method: 'DELETE',
    declared: '/api/admin/members/{memberId}/records/{recordId}',
    path: (w) => `/api/admin/members/${w.ids.member}/records/${w.recordId}`,
    expect: adminOnly(204),
  },
]

async function buildWorld(server: TestServer): Promise<World> {
  const { db } = server.services
  const now = server.clock.now()
  await createUser(
    db,
    {
      id: 'member3',
      username: 'member3',
      displayName: '赵三',
      role: 'member',
      branchName: '延安市直机关第二党支部',
      password: 'member3-password',
    },
    now,
    { log2N: 10, r: 8, p: 1 },
  )
  await createUser(
    db,
    {
      id: 'trainer2',
      username: 'trainer2',
      displayName: '钱老师',
      role: 'trainer',
      password: 'trainer2-password',
    },
    now,
    { log2N: 10, r: 8, p: 1 },
  )
  await db
    .insertInto('classes')
    .values({
      id: 'other-class',
      name: '沂蒙班',
      route_id: 'yimeng-linyi',
      starts_on: '2026-05-01',
      ends_on: '2026-06-30',
      created_at: now.toISOString(),
      scene_ids: '[]',
      created_by: null,
    })
    .execute()
  await db.insertInto('class_trainers').values({ class_id: 'other-class', user_id: 'trainer2' }).execute()
  await db
    .insertInto('class_members')
    .values({ class_id: 'other-class', user_id: 'member3', untagged_from: '' })
    .execute()

  const devices = Object.fromEntries(CALLERS.map((c) => [c, new Device(server)])) as Record<Caller, Device>
  const login = async (caller: Caller, username: string, password: string) => {
    const r = await devices[caller].login(username, password)
    expect(r.status).toBe(200)
    return r.body.user.id as string
  }
  const ids = {
    anonymous: '',
    otherMember: await login('otherMember', 'member3', 'member3-password'),
    otherTrainer: await login('otherTrainer', 'trainer2', 'trainer2-password'),
    trainer: await login('trainer', 'trainer1', DEMO.trainer1.password),
    member: await login('member', 'member1', DEMO.member1.password),
    admin: await login('admin', 'admin', DEMO.admin.password),
  }
  const second = new Device(server)
  await second.loginAs('member1')
  const sessions = await second.request('GET', '/api/me/sessions')
  const sessionId = sessions.body.sessions.find((s: { current: boolean }) => s.current).id
  const record = devices.member.checkin(ids.member, 'zaoyuan')
  expect((await devices.member.push([record])).body.results[0].result).toBe('created')
  return { server, devices, ids, recordId: record.id, sessionId }
}

describe.each(DATABASES)('authorization matrix on %s', (dbKind) => {
  const start = serverPerTest(dbKind)

  it('has a row for every endpoint the server declares', async () => {
    const server = await start()
    const doc = (await new Device(server).request('GET', '/api/openapi.json')).body
    const declared = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    )
    // Issue 7's class-management endpoints have their matrix in classes-authorization.test.ts.
    const covered = new Set([...ROWS, ...CLASS_MATRIX_ROWS].map((r) => `${r.method} ${r.declared}`))
    expect(declared.filter((d) => !covered.has(d))).toEqual([])
    expect(declared.length).toBeGreaterThanOrEqual(ROWS.length - 2)
  })

  for (const row of ROWS)
    it(`${row.method} ${row.declared}`, async () => {
      const world = await buildWorld(await start())
      for (const caller of CALLERS) {
        const r = await world.devices[caller].request(
          row.method,
          row.path(world),
          row.body
            ? { json: row.body(world, caller) }
            : row.csv
              ? { raw: row.csv(caller), headers: { 'content-type': 'text/csv' } }
              : {},
        )
        const want = row.expect[caller]
        if (typeof want === 'number') expect(r.status, `${caller}: ${r.text}`).toBe(want)
        else want(r, world)
        // A refusal never leaks data: its body is the error object alone.
        if (r.status >= 400) expect(Object.keys(r.body)).toEqual(['error'])
      }
    })
})

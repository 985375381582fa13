import { expect } from 'vitest'
import { createUser } from '../../server/admin/users.ts'
import { DEMO, Device } from './driver.ts'
import { TEST_SCRYPT, type TestServer } from './harness.ts'

/**
 * The people of the class tests, logged in on devices of their own: the demo class
 * (trainer1; member1, member2) and a second class (trainer2; member3) on another route.
 * `member` is member1, `otherMember` member3, `trainer` trainer1, `otherTrainer` trainer2.
 */
export const CALLERS = ['anonymous', 'otherMember', 'otherTrainer', 'trainer', 'member', 'admin'] as const
export type Caller = (typeof CALLERS)[number]

export interface ClassWorld {
  readonly server: TestServer
  readonly devices: Record<Caller, Device>
  readonly ids: Record<Caller, string>
}

export const OTHER_CLASS_ID = 'other-class'

export async function buildClassWorld(server: TestServer): Promise<ClassWorld> {
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
      memberNumber: 'YA-2024-0003',
      password: 'member3-password',
    },
    now,
    TEST_SCRYPT,
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
    TEST_SCRYPT,
  )
  await db
    .insertInto('classes')
    .values({
      id: OTHER_CLASS_ID,
      name: '沂蒙班',
      route_id: 'yimeng-linyi',
      starts_on: '2026-05-01',
      ends_on: '2026-06-30',
      created_at: now.toISOString(),
      scene_ids: '[]',
      created_by: null,
    })
    .execute()
  await db.insertInto('class_trainers').values({ class_id: OTHER_CLASS_ID, user_id: 'trainer2' }).execute()
  await db
    .insertInto('class_members')
    .values({ class_id: OTHER_CLASS_ID, user_id: 'member3', untagged_from: '' })
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
  return { server, devices, ids }
}

/** A roster file upload as a browser sends it (bytes as they are: fetch sends a Uint8Array body raw). */
export function uploadCsv(device: Device, classId: string, csv: string | Uint8Array, query = '') {
  return device.request('POST', `/api/classes/${classId}/roster${query}`, {
    raw: typeof csv === 'string' ? csv : (csv as unknown as string),
    headers: { 'content-type': 'text/csv; charset=utf-8' },
  })
}

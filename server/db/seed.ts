import { createUser, ensureBranch } from '../admin/users.ts'
import type { ScryptParams } from '../auth/passwords.ts'
import { untaggedFrom } from '../classes/enrolment.ts'
import type { Db } from './tables.ts'

/**
 * Demo data for a first start (server/README.md lists it). DEMO ONLY: the passwords are
 * published in the README, so a real deployment sets HONGTU_SEED_DEMO=0 before its first
 * start (or disables these accounts). Idempotent: a marker in `meta` records that it ran.
 */
export const DEMO_BRANCHES = ['延安市直机关第一党支部', '延安市直机关第二党支部'] as const

export const DEMO_USERS = [
  {
    id: 'demo-member1',
    username: 'member1',
    displayName: '李红梅',
    role: 'member',
    branch: DEMO_BRANCHES[0],
    memberNumber: 'YA-2024-0001',
    password: 'hongtu-member1-demo',
  },
  {
    id: 'demo-member2',
    username: 'member2',
    displayName: '王建国',
    role: 'member',
    branch: DEMO_BRANCHES[1],
    memberNumber: 'YA-2024-0002',
    password: 'hongtu-member2-demo',
  },
  {
    id: 'demo-trainer1',
    username: 'trainer1',
    displayName: '张老师',
    role: 'trainer',
    branch: DEMO_BRANCHES[0],
    memberNumber: null,
    password: 'hongtu-trainer1-demo',
  },
  {
    id: 'demo-admin',
    username: 'admin',
    displayName: '组织部管理员',
    role: 'admin',
    branch: null,
    memberNumber: null,
    password: 'hongtu-admin-demo',
  },
] as const

/** The VR center part of the demo class: the 窑洞 of 杨家岭/枣园 and the oath hall. */
/** Whether a password is the published one of a demo account (the password still unchanged). */
export const isDemoPassword = (username: string, password: string) =>
  DEMO_USERS.some((u) => u.username === username && u.password === password)

export const DEMO_CLASS_SCENES = ['yanan-yaodong', 'oath-hall']
export const DEMO_CLASS_ID = 'demo-yanan-class'
const SEEDED_KEY = 'demo_seeded_at'

/** Today's date in China Standard Time, YYYY-MM-DD. */
const chinaDate = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)

/** Seeds once; returns true when it did (the caller prints the demo credentials then). */
export async function seedDemo(db: Db, now: Date, scrypt?: ScryptParams): Promise<boolean> {
  const done = await db.selectFrom('meta').select('value').where('key', '=', SEEDED_KEY).executeTakeFirst()
  if (done) return false
  for (const name of DEMO_BRANCHES) await ensureBranch(db, name, now)
  for (const u of DEMO_USERS) {
    const exists = await db.selectFrom('users').select('id').where('id', '=', u.id).executeTakeFirst()
    if (!exists) await createUser(db, { ...u, branchName: u.branch, demo: true }, now, scrypt)
  }
  // A year from the first start, so the demo class is current whenever someone tries it.
  const end = new Date(now.getTime() + 365 * 86_400_000)
  await db
    .insertInto('classes')
    .values({
      id: DEMO_CLASS_ID,
      name: '延安精神现场教学班（演示）',
      route_id: 'yanan-two-day',
      starts_on: chinaDate(now),
      ends_on: chinaDate(end),
      created_at: now.toISOString(),
      scene_ids: JSON.stringify(DEMO_CLASS_SCENES),
      created_by: null,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute()
  const link = (table: 'class_trainers' | 'class_members', userId: string) =>
    db
      .insertInto(table)
      .values({
        class_id: DEMO_CLASS_ID,
        user_id: userId,
        ...(table === 'class_members' ? { untagged_from: untaggedFrom(now, 'admin') } : {}),
      })
      .onConflict((oc) => oc.columns(['class_id', 'user_id']).doNothing())
      .execute()
  await link('class_trainers', 'demo-trainer1')
  await link('class_members', 'demo-member1')
  await link('class_members', 'demo-member2')
  await db
    .insertInto('meta')
    .values({ key: SEEDED_KEY, value: now.toISOString() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute()
  return true
}

export function demoCredentialsText(): string {
  const lines = DEMO_USERS.map((u) => `  ${u.role.padEnd(8)} ${u.username.padEnd(10)} ${u.password}`)
  return [
    'Demo accounts created (DEMO ONLY, the passwords are public: see server/README.md; set HONGTU_SEED_DEMO=0 for a real deployment):',
    ...lines,
  ].join('\n')
}

import { untaggedFrom } from '../classes/enrolment.ts'
import type { ClassesTable, Db } from '../db/tables.ts'
import { normaliseUsername } from './users.ts'

/** Creating classes and adding people to them (admin command; the API reads classes only, for now). */

const DATE = /^\d{4}-\d{2}-\d{2}$/
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export async function createClass(
  db: Db,
  c: { id: string; name: string; routeId: string; startsOn: string; endsOn: string },
  knownRoutes: readonly string[],
  now: Date,
): Promise<void> {
  if (!ID.test(c.id)) throw new Error(`id ${c.id} is not a kebab-case id`)
  if (!knownRoutes.includes(c.routeId))
    throw new Error(`route ${c.routeId} is not in routes-data (${knownRoutes.join(', ')})`)
  for (const d of [c.startsOn, c.endsOn])
    if (!DATE.test(d) || Number.isNaN(Date.parse(`${d}T00:00:00+08:00`)))
      throw new Error(`${d} is not a date YYYY-MM-DD`)
  if (c.endsOn < c.startsOn) throw new Error('the class ends before it starts')
  const row: ClassesTable = {
    id: c.id,
    name: c.name.trim(),
    route_id: c.routeId,
    starts_on: c.startsOn,
    ends_on: c.endsOn,
    created_at: now.toISOString(),
    scene_ids: '[]',
    created_by: null,
  }
  await db.insertInto('classes').values(row).execute()
}

/** Adds trainers and members by username; throws naming any unknown username, before writing. */
export async function addToClass(
  db: Db,
  classId: string,
  trainers: string[],
  members: string[],
): Promise<void> {
  const cls = await db.selectFrom('classes').select('id').where('id', '=', classId).executeTakeFirst()
  if (!cls) throw new Error(`no class ${classId}`)
  const names = [...trainers, ...members].map(normaliseUsername)
  const users = names.length
    ? await db.selectFrom('users').select(['id', 'username', 'role']).where('username', 'in', names).execute()
    : []
  const byName = new Map(users.map((u) => [u.username, u]))
  const unknown = names.filter((n) => !byName.has(n))
  if (unknown.length > 0) throw new Error(`no such user(s): ${unknown.join(', ')}`)
  for (const [table, list] of [
    ['class_trainers', trainers],
    ['class_members', members],
  ] as const)
    for (const name of list) {
      const user = byName.get(normaliseUsername(name))
      if (!user) continue
      if (table === 'class_trainers' && user.role === 'member')
        throw new Error(`${name} is a member, not a trainer`)
      await db
        .insertInto(table)
        // The command is the operator's, an admin's: no bound on the untagged records.
        .values({
          class_id: classId,
          user_id: user.id,
          ...(table === 'class_members' ? { untagged_from: untaggedFrom(new Date(), 'admin') } : {}),
        })
        .onConflict((oc) => oc.columns(['class_id', 'user_id']).doNothing())
        .execute()
    }
}

export async function listClasses(db: Db) {
  const classes = await db.selectFrom('classes').selectAll().orderBy('starts_on').execute()
  const count = async (table: 'class_trainers' | 'class_members', id: string) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('class_id', '=', id)
          .executeTakeFirstOrThrow()
      ).n,
    )
  return Promise.all(
    classes.map(async (c) => ({
      ...c,
      trainers: await count('class_trainers', c.id),
      members: await count('class_members', c.id),
    })),
  )
}

import { z } from 'zod'
import type { ClassesTable, Db } from '../db/tables.ts'
import type { ClassRelation } from './access.ts'

/**
 * A class as the API shows it. Everyone who may see a class sees its name, route, scenes, dates
 * and trainers; only its trainers and admins see its members, with their branch and 党员编号.
 */

export const ClassViewSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  routeId: z.string().nullable().meta({ description: 'null for a class of VR scenes only' }),
  sceneIds: z.array(z.string()).meta({ description: 'Scenes of the VR center, scenes/<id>' }),
  startsOn: z.string().meta({ description: 'YYYY-MM-DD, China Standard Time' }),
  endsOn: z.string(),
  createdBy: z
    .string()
    .nullable()
    .meta({ description: 'The account that created it; null when made by the admin command' }),
  relation: z.enum(['admin', 'trainer', 'member']),
})
export type ClassView = z.infer<typeof ClassViewSchema>

export const PersonSchema = z.strictObject({ id: z.string(), displayName: z.string() })

export const BranchRefSchema = z.strictObject({ id: z.string(), name: z.string() })

/** A member as the class's staff see them. */
export const RosterPersonSchema = z.strictObject({
  id: z.string(),
  displayName: z.string(),
  memberNumber: z.string().nullable(),
  branch: BranchRefSchema.nullable(),
})

export const ClassDetailSchema = z.strictObject({
  class: ClassViewSchema,
  trainers: z.array(PersonSchema),
  members: z.array(RosterPersonSchema).optional().meta({ description: 'For its trainers and admins only' }),
})

/** scene_ids is JSON text; anything but an array of strings reads as none. */
export function sceneIdsOf(c: Pick<ClassesTable, 'scene_ids'>): string[] {
  try {
    const v: unknown = JSON.parse(c.scene_ids)
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
  } catch {
    return []
  }
}

export const classView = (c: ClassesTable, relation: ClassRelation): ClassView => ({
  id: c.id,
  name: c.name,
  routeId: c.route_id,
  sceneIds: sceneIdsOf(c),
  startsOn: c.starts_on,
  endsOn: c.ends_on,
  createdBy: c.created_by,
  relation,
})

const collator = new Intl.Collator('zh-CN')
/**
 * People by name in Chinese collation, then id: sorted here rather than in SQL, because SQLite
 * and PostgreSQL collate Chinese differently and both databases must give the same order.
 */
const byName = (a: { displayName: string; id: string }, b: { displayName: string; id: string }) =>
  collator.compare(a.displayName, b.displayName) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

export async function trainersOf(db: Db, classId: string) {
  const rows = await db
    .selectFrom('class_trainers')
    .innerJoin('users', 'users.id', 'class_trainers.user_id')
    .select(['users.id', 'users.display_name'])
    .where('class_trainers.class_id', '=', classId)
    .execute()
  return rows.map((r) => ({ id: r.id, displayName: r.display_name })).sort(byName)
}

export async function membersOf(db: Db, classId: string) {
  const rows = await db
    .selectFrom('class_members')
    .innerJoin('users', 'users.id', 'class_members.user_id')
    .leftJoin('branches', 'branches.id', 'users.branch_id')
    .select([
      'users.id',
      'users.display_name',
      'users.member_number',
      'branches.id as branch_id',
      'branches.name as branch_name',
    ])
    .where('class_members.class_id', '=', classId)
    .execute()
  return rows
    .map((r) => ({
      id: r.id,
      displayName: r.display_name,
      memberNumber: r.member_number,
      branch: r.branch_id && r.branch_name ? { id: r.branch_id, name: r.branch_name } : null,
    }))
    .sort(byName)
}

/** The answer of GET /api/classes/:id, and of every call that changes a class. */
export async function classDetail(db: Db, cls: ClassesTable, relation: ClassRelation) {
  const trainers = await trainersOf(db, cls.id)
  const members = relation === 'member' ? undefined : await membersOf(db, cls.id)
  return { class: classView(cls, relation), trainers, ...(members ? { members } : {}) }
}

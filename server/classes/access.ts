import type { SessionUser } from '../context.ts'
import type { ClassesTable, Db } from '../db/tables.ts'
import { forbidden, notFound } from '../http/errors.ts'

/**
 * Who may see a class (notes/reliability.md P17): its trainers, its members and admins. A class
 * someone may not see answers 404 exactly like a missing one, so ids reveal nothing. Within a
 * visible class, members may not read other members' records or progress (403).
 */
export type ClassRelation = 'admin' | 'trainer' | 'member'

export async function classRelation(
  db: Db,
  classId: string,
  userId: string,
): Promise<'trainer' | 'member' | undefined> {
  // A seat only counts while the account is still staff: a role change removes the seat too
  // (trainer-left.ts), and this holds even if a seat were ever left behind.
  const trainer = await db
    .selectFrom('class_trainers')
    .innerJoin('users', 'users.id', 'class_trainers.user_id')
    .select('class_trainers.user_id')
    .where('class_trainers.class_id', '=', classId)
    .where('class_trainers.user_id', '=', userId)
    .where('users.role', 'in', ['trainer', 'admin'])
    .executeTakeFirst()
  if (trainer) return 'trainer'
  const member = await db
    .selectFrom('class_members')
    .select('user_id')
    .where('class_id', '=', classId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return member ? 'member' : undefined
}

/** The class and how the user relates to it; 404 when they may not see it. */
export async function visibleClass(
  db: Db,
  classId: string,
  user: SessionUser,
): Promise<{ cls: ClassesTable; relation: ClassRelation }> {
  const cls = await db.selectFrom('classes').selectAll().where('id', '=', classId).executeTakeFirst()
  const relation = cls
    ? user.role === 'admin'
      ? 'admin'
      : await classRelation(db, classId, user.id)
    : undefined
  if (!cls || !relation) throw notFound('no such class')
  return { cls, relation }
}

/** For records and progress of everyone in a class: its trainers and admins only. */
export async function classForStaff(db: Db, classId: string, user: SessionUser): Promise<ClassesTable> {
  const { cls, relation } = await visibleClass(db, classId, user)
  if (relation === 'member') throw forbidden('only the class trainers see its records')
  return cls
}

/** Classes a user may tag their records with: those they are a member or a trainer of. */
export async function classesOfUser(db: Db, userId: string): Promise<Map<string, ClassesTable>> {
  const rows = await db
    .selectFrom('classes')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('id', 'in', eb.selectFrom('class_members').select('class_id').where('user_id', '=', userId)),
        eb('id', 'in', eb.selectFrom('class_trainers').select('class_id').where('user_id', '=', userId)),
      ]),
    )
    .execute()
  return new Map(rows.map((r) => [r.id, r]))
}

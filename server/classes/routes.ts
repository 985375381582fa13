import { z } from 'zod'
import { projectProgress } from '../../src/domain/records/progress.ts'
import { findUser } from '../admin/users.ts'
import { requireUser } from '../auth/middleware.ts'
import { UserViewSchema } from '../auth/user-view.ts'
import type { AppServices } from '../context.ts'
import type { ClassesTable, Db } from '../db/tables.ts'
import { type ApiRegistry, pathParam } from '../http/registry.ts'
import { ProgressSchema, PullQuerySchema, PullResponseSchema, progressJson } from '../sync/record-rows.ts'
import { acceptedRecordsOf, pullPage, type RecordsFilter } from '../sync/routes.ts'
import { classWindowMs } from '../sync/verify.ts'
import { classForStaff, visibleClass } from './access.ts'
import {
  ClassDetailSchema,
  ClassViewSchema,
  classDetail,
  classView,
  membersOf,
  RosterPersonSchema,
} from './class-view.ts'

/**
 * Reading classes (培训班次: a route and/or VR scenes, dates, trainers and members). Creating and
 * changing them is in manage-routes.ts and roster-routes.ts. A class's records are its members'
 * records tagged with the class, plus their untagged records made during the class's dates.
 */

/**
 * The records that belong to a class (see the file comment): an untagged record counts only
 * from its member's enrolment bound on (enrolment.ts), so adding a member to a class never
 * opens their older history.
 */
export function classScope(cls: ClassesTable): RecordsFilter {
  const { from, to } = classWindowMs(cls.starts_on, cls.ends_on)
  return (eb) =>
    eb.and([
      // The members first, as a list: the database reads each one's records by index.
      eb('member_id', 'in', eb.selectFrom('class_members').select('user_id').where('class_id', '=', cls.id)),
      eb.or([
        eb('class_id', '=', cls.id),
        eb.and([
          eb('class_id', 'is', null),
          eb('occurred_at_corrected', '>=', new Date(from).toISOString()),
          eb('occurred_at_corrected', '<', new Date(to).toISOString()),
          eb.exists(
            eb
              .selectFrom('class_members')
              .select('class_members.user_id')
              .where('class_members.class_id', '=', cls.id)
              .whereRef('class_members.user_id', '=', 'records.member_id')
              .whereRef('class_members.untagged_from', '<=', 'records.occurred_at_corrected'),
          ),
        ]),
      ]),
    ])
}

export async function classesVisibleTo(db: Db, user: { id: string; role: string }) {
  if (user.role === 'admin')
    return (await db.selectFrom('classes').selectAll().orderBy('starts_on').orderBy('id').execute()).map(
      (c) => classView(c, 'admin'),
    )
  const trainerOf = await db
    .selectFrom('classes')
    .innerJoin('class_trainers', 'class_trainers.class_id', 'classes.id')
    .selectAll('classes')
    .where('class_trainers.user_id', '=', user.id)
    .execute()
  const memberOf = await db
    .selectFrom('classes')
    .innerJoin('class_members', 'class_members.class_id', 'classes.id')
    .selectAll('classes')
    .where('class_members.user_id', '=', user.id)
    .execute()
  const seen = new Set(trainerOf.map((c) => c.id))
  return [
    ...trainerOf.map((c) => classView(c, 'trainer')),
    ...memberOf.filter((c) => !seen.has(c.id)).map((c) => classView(c, 'member')),
  ].sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.id.localeCompare(b.id))
}

export function classRoutes(api: ApiRegistry, s: AppServices): void {
  api.add(
    {
      method: 'get',
      path: '/api/me',
      tag: 'me',
      summary: 'The logged-in user and their classes',
      access: 'a logged-in user',
      responses: {
        200: {
          description: 'The user',
          schema: z.strictObject({ user: UserViewSchema, classes: z.array(ClassViewSchema) }),
        },
      },
    },
    async (c) => {
      const me = requireUser(c)
      return c.json({ user: await findUser(s.db, me.id), classes: await classesVisibleTo(s.db, me) }, 200)
    },
  )

  api.add(
    {
      method: 'get',
      path: '/api/classes',
      tag: 'classes',
      summary: 'Classes the user trains, attends, or (admin) all',
      access: 'a logged-in user',
      responses: {
        200: { description: 'Classes', schema: z.strictObject({ classes: z.array(ClassViewSchema) }) },
      },
    },
    async (c) => c.json({ classes: await classesVisibleTo(s.db, requireUser(c)) }, 200),
  )

  api.add(
    {
      method: 'get',
      path: '/api/classes/:classId',
      tag: 'classes',
      summary: 'One class; its member list only for its trainers and admins',
      access: 'its trainers, its members, admins (others: 404)',
      responses: {
        200: { description: 'The class', schema: ClassDetailSchema },
        404: { description: '`not_found`, also for a class this user may not see' },
      },
    },
    async (c) => {
      const { cls, relation } = await visibleClass(s.db, pathParam(c, 'classId'), requireUser(c))
      return c.json(await classDetail(s.db, cls, relation), 200)
    },
  )

  api.add(
    {
      method: 'get',
      path: '/api/classes/:classId/records',
      tag: 'classes',
      summary: "The class members' records after a cursor",
      access: 'its trainers and admins (members: 403, others: 404)',
      query: PullQuerySchema,
      responses: {
        200: { description: 'A page of records', schema: PullResponseSchema },
        403: { description: '`forbidden`: a member of the class' },
        404: { description: '`not_found`' },
      },
    },
    async (c, { query }) => {
      const cls = await classForStaff(s.db, pathParam(c, 'classId'), requireUser(c))
      return c.json(await pullPage(s.db, classScope(cls), query), 200)
    },
  )

  api.add(
    {
      method: 'get',
      path: '/api/classes/:classId/progress',
      tag: 'classes',
      summary: "Each member's progress in the class (the domain projection of the class's records)",
      access: 'its trainers and admins (members: 403, others: 404)',
      responses: {
        200: {
          description: 'Progress per member',
          schema: z.strictObject({
            members: z.array(z.strictObject({ member: RosterPersonSchema, progress: ProgressSchema })),
          }),
        },
        403: { description: '`forbidden`: a member of the class' },
        404: { description: '`not_found`' },
      },
    },
    async (c) => {
      const cls = await classForStaff(s.db, pathParam(c, 'classId'), requireUser(c))
      const records = await acceptedRecordsOf(s.db, classScope(cls))
      const members = await membersOf(s.db, cls.id)
      return c.json(
        {
          members: members.map((m) => ({
            member: m,
            progress: progressJson(projectProgress(records.filter((r) => r.memberId === m.id))),
          })),
        },
        200,
      )
    },
  )
}

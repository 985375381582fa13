import { requireRole, requireUser } from '../auth/middleware.ts'
import type { AppServices } from '../context.ts'
import type { ClassesTable, Db } from '../db/tables.ts'
import { forbidden } from '../http/errors.ts'
import { type ApiRegistry, pathParam } from '../http/registry.ts'
import { visibleClass } from './access.ts'
import { newClassId } from './class-id.ts'
import { ClassPatchBody, checkClassShape, checkPeople, NewClassBody } from './class-input.ts'
import { ClassDetailSchema, classDetail, sceneIdsOf } from './class-view.ts'
import { untaggedFrom } from './enrolment.ts'
import { sceneCatalog } from './scene-catalog.ts'

/**
 * Creating and changing classes (issue 7). Trainers and admins create; a trainer who creates a
 * class is always one of its trainers, and an admin who names no trainers becomes its trainer,
 * so every class has at least one. Only a class's trainers and admins change it; its members
 * get 403, everyone else 404 (access.ts).
 */

/** A class's trainers and admins; its members 403; anyone else 404. */
export async function classForItsStaff(db: Db, classId: string, user: Parameters<typeof visibleClass>[2]) {
  const { cls, relation } = await visibleClass(db, classId, user)
  if (relation === 'member') throw forbidden('only the class trainers change a class')
  return { cls, relation }
}

export function manageClassRoutes(api: ApiRegistry, s: AppServices): void {
  api.add(
    {
      method: 'post',
      path: '/api/classes',
      tag: 'classes',
      summary: 'Create a class from a route and/or VR scenes, with dates, trainers and members',
      access: 'trainers and admins (members: 403)',
      body: NewClassBody,
      responses: {
        201: { description: 'The new class (its id is made by the server)', schema: ClassDetailSchema },
        403: { description: '`forbidden`: a member account' },
      },
    },
    async (c, { body }) => {
      const user = requireRole(c, 'trainer', 'admin')
      const shape = {
        routeId: body.routeId ?? null,
        sceneIds: body.sceneIds ?? [],
        startsOn: body.startsOn,
        endsOn: body.endsOn,
      }
      checkClassShape(shape, s.content, sceneCatalog(s.config.projectRoot))
      const named = body.trainerIds ?? []
      const memberIds = [...new Set(body.memberIds ?? [])]
      await checkPeople(s.db, named, 'trainerIds')
      await checkPeople(s.db, memberIds, 'memberIds')
      const trainerIds = [
        ...new Set(user.role === 'trainer' || named.length === 0 ? [user.id, ...named] : named),
      ]
      const now = s.now().toISOString()
      const cls = await s.db.transaction().execute(async (trx) => {
        // The id is the primary key: on the rare clash of the random tail, draw another.
        let id = newClassId(shape.routeId, shape.startsOn)
        while (await trx.selectFrom('classes').select('id').where('id', '=', id).executeTakeFirst())
          id = newClassId(shape.routeId, shape.startsOn)
        const row: ClassesTable = {
          id,
          name: body.name,
          route_id: shape.routeId,
          starts_on: shape.startsOn,
          ends_on: shape.endsOn,
          created_at: now,
          scene_ids: JSON.stringify(shape.sceneIds),
          created_by: user.id,
        }
        await trx.insertInto('classes').values(row).execute()
        if (trainerIds.length > 0)
          await trx
            .insertInto('class_trainers')
            .values(trainerIds.map((t) => ({ class_id: id, user_id: t })))
            .execute()
        if (memberIds.length > 0)
          await trx
            .insertInto('class_members')
            .values(
              memberIds.map((m) => ({
                class_id: id,
                user_id: m,
                untagged_from: untaggedFrom(s.now(), user.role),
              })),
            )
            .execute()
        return row
      })
      s.log('class.create', { user: user.id, class: cls.id, members: memberIds.length })
      const relation = user.role === 'admin' ? 'admin' : 'trainer'
      return c.json(await classDetail(s.db, cls, relation), 201)
    },
  )

  api.add(
    {
      method: 'patch',
      path: '/api/classes/:classId',
      tag: 'classes',
      summary: "Change a class's name, dates or VR scenes (its route stays)",
      access: 'its trainers and admins (members: 403, others: 404)',
      body: ClassPatchBody,
      responses: {
        200: { description: 'The class as changed', schema: ClassDetailSchema },
        403: { description: '`forbidden`: a member of the class' },
        404: { description: '`not_found`' },
      },
    },
    async (c, { body }) => {
      const user = requireUser(c)
      const { cls, relation } = await classForItsStaff(s.db, pathParam(c, 'classId'), user)
      const next = {
        routeId: cls.route_id,
        sceneIds: body.sceneIds ?? sceneIdsOf(cls),
        startsOn: body.startsOn ?? cls.starts_on,
        endsOn: body.endsOn ?? cls.ends_on,
      }
      checkClassShape(next, s.content, sceneCatalog(s.config.projectRoot))
      const changed: ClassesTable = {
        ...cls,
        name: body.name ?? cls.name,
        scene_ids: JSON.stringify(next.sceneIds),
        starts_on: next.startsOn,
        ends_on: next.endsOn,
      }
      await s.db
        .updateTable('classes')
        .set({
          name: changed.name,
          scene_ids: changed.scene_ids,
          starts_on: changed.starts_on,
          ends_on: changed.ends_on,
        })
        .where('id', '=', cls.id)
        .execute()
      s.log('class.update', { user: user.id, class: cls.id, fields: Object.keys(body).join(',') })
      return c.json(await classDetail(s.db, changed, relation), 200)
    },
  )
}

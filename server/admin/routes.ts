import { z } from 'zod'
import { requireRole } from '../auth/middleware.ts'
import { PASSWORD_MAX } from '../auth/passwords.ts'
import { revokeAllSessions } from '../auth/sessions.ts'
import { UserViewSchema } from '../auth/user-view.ts'
import type { AppServices } from '../context.ts'
import { ApiError, notFound } from '../http/errors.ts'
import { type ApiRegistry, pathParam } from '../http/registry.ts'
import { createUser, findUser, listUsers, setDisabled, UserInputError } from './users.ts'

/** Admin endpoints: accounts and record deletion. Every one requires the admin role (403 otherwise). */

const NewUserBody = z.strictObject({
  username: z.string().min(2).max(64),
  displayName: z.string().min(1).max(80),
  role: z.enum(['member', 'trainer', 'admin']),
  branch: z.string().min(1).max(120).optional(),
  memberNumber: z.string().min(1).max(40).optional(),
  password: z.string().min(1).max(PASSWORD_MAX),
})
const UserResponse = z.strictObject({ user: UserViewSchema })

export function adminRoutes(api: ApiRegistry, s: AppServices): void {
  const userOr404 = async (id: string) => {
    const user = await findUser(s.db, id)
    if (!user) throw notFound('no such user')
    return user
  }

  api.add(
    {
      method: 'get',
      path: '/api/admin/users',
      tag: 'admin',
      summary: 'All accounts',
      access: 'admins',
      responses: {
        200: { description: 'Users', schema: z.strictObject({ users: z.array(UserViewSchema) }) },
      },
    },
    async (c) => {
      requireRole(c, 'admin')
      return c.json({ users: await listUsers(s.db) }, 200)
    },
  )

  api.add(
    {
      method: 'post',
      path: '/api/admin/users',
      tag: 'admin',
      summary: 'Create an account (members need a branch)',
      access: 'admins',
      body: NewUserBody,
      responses: { 201: { description: 'Created', schema: UserResponse } },
    },
    async (c, { body }) => {
      const admin = requireRole(c, 'admin')
      try {
        const id = await createUser(
          s.db,
          { ...body, branchName: body.branch ?? null, memberNumber: body.memberNumber ?? null },
          s.now(),
          s.scrypt,
        )
        s.log('admin.user.create', { admin: admin.id, user: id })
        return c.json({ user: await userOr404(id) }, 201)
      } catch (e) {
        if (e instanceof UserInputError) throw new ApiError(400, 'invalid', e.message, e.field)
        throw e
      }
    },
  )

  for (const disabled of [true, false])
    api.add(
      {
        method: 'post',
        path: `/api/admin/users/:userId/${disabled ? 'disable' : 'enable'}`,
        tag: 'admin',
        summary: disabled
          ? 'Disable an account; all its sessions end at once'
          : 'Enable a disabled account again',
        access: 'admins',
        responses: {
          200: { description: 'The account', schema: UserResponse },
          404: { description: '`not_found`' },
        },
      },
      async (c) => {
        const admin = requireRole(c, 'admin')
        const id = pathParam(c, 'userId')
        if (!(await setDisabled(s.db, id, disabled, s.now()))) throw notFound('no such user')
        if (disabled) s.guide?.sessionsEnded({ userId: id })
        s.log(disabled ? 'admin.user.disable' : 'admin.user.enable', { admin: admin.id, user: id })
        return c.json({ user: await userOr404(id) }, 200)
      },
    )

  api.add(
    {
      method: 'post',
      path: '/api/admin/users/:userId/revoke-sessions',
      tag: 'admin',
      summary: "End all of an account's sessions (a lost or shared device)",
      access: 'admins',
      responses: {
        200: { description: 'How many ended', schema: z.strictObject({ revoked: z.number().int() }) },
        404: { description: '`not_found`' },
      },
    },
    async (c) => {
      const admin = requireRole(c, 'admin')
      const user = await userOr404(pathParam(c, 'userId'))
      const revoked = await revokeAllSessions(s.db, user.id, s.now())
      s.guide?.sessionsEnded({ userId: user.id })
      s.log('admin.sessions.revoke', { admin: admin.id, user: user.id, revoked })
      return c.json({ revoked }, 200)
    },
  )

  api.add(
    {
      method: 'delete',
      path: '/api/admin/members/:memberId/records/:recordId',
      tag: 'admin',
      summary: 'Delete a record; a later push of it answers `deleted` and it never comes back',
      access: 'admins',
      responses: { 204: { description: 'Deleted' }, 404: { description: '`not_found`' } },
    },
    async (c) => {
      const admin = requireRole(c, 'admin')
      const now = s.now().toISOString()
      // The row stays (status 'deleted') so that a resubmission is recognised; its content is dropped.
      const r = await s.db
        .updateTable('records')
        .set({ status: 'deleted', deleted_at: now, deleted_by: admin.id, payload: '{}', held_for: null })
        .where('member_id', '=', pathParam(c, 'memberId'))
        .where('id', '=', pathParam(c, 'recordId'))
        .where('status', '!=', 'deleted')
        .executeTakeFirst()
      if (Number(r.numUpdatedRows) === 0) throw notFound('no such record')
      // The audit trail says whose record went, by account and record id (no content).
      s.log('admin.record.delete', {
        admin: admin.id,
        member: pathParam(c, 'memberId'),
        record: pathParam(c, 'recordId'),
      })
      return c.body(null, 204)
    },
  )
}

import { z } from 'zod'
import { requireRole } from '../auth/middleware.ts'
import { generatePassword, PASSWORD_MAX, PASSWORD_MIN } from '../auth/passwords.ts'
import { revokeAllSessions } from '../auth/sessions.ts'
import { UserViewSchema } from '../auth/user-view.ts'
import { csvBody } from '../classes/roster-routes.ts'
import { classesTrainedBy, rotateKeysOfClassesLeft } from '../classes/trainer-left.ts'
import type { AppServices } from '../context.ts'
import { ApiError, notFound } from '../http/errors.ts'
import { type ApiRegistry, pathParam } from '../http/registry.ts'
import { ACCOUNT_ROSTER_CODES, applyRoster, readRoster } from './roster.ts'
import {
  createUser,
  findUser,
  listUsers,
  setDisabled,
  setPassword,
  UserInputError,
  updateUser,
} from './users.ts'

/**
 * Admin endpoints: accounts (one by one or from a roster file) and record deletion. Every one
 * requires the admin role (403 otherwise). A password the server makes (a new account without
 * one, a reset, a roster's new accounts) is in that one answer only, sent with no-store, and
 * never logged: the admin hands it out, the member changes it (POST /api/me/password).
 */

const NewUserBody = z.strictObject({
  username: z.string().min(2).max(64),
  displayName: z.string().min(1).max(80),
  role: z.enum(['member', 'trainer', 'admin']),
  branch: z.string().min(1).max(120).optional(),
  memberNumber: z.string().min(1).max(64).optional(),
  password: z
    .string()
    .min(1)
    .max(PASSWORD_MAX)
    .optional()
    .meta({
      description: `At least ${PASSWORD_MIN} characters; without it the server makes one and answers it once`,
    }),
})
const UserResponse = z.strictObject({ user: UserViewSchema })
const AccountChangesBody = z.strictObject({
  displayName: z.string().min(1).max(80).optional(),
  role: z.enum(['member', 'trainer', 'admin']).optional(),
  branch: z
    .string()
    .min(1)
    .max(120)
    .nullable()
    .optional()
    .meta({ description: 'null: no branch (not for a member)' }),
})
const GeneratedPassword = z.string().meta({
  description:
    'Made by the server (three groups of four letters and digits); shown once, never stored in clear',
})
const CreatedUserResponse = z.strictObject({ user: UserViewSchema, password: GeneratedPassword.optional() })

const RosterAccountSchema = z.strictObject({
  line: z.number().int().meta({ description: 'As a spreadsheet numbers it; the header is line 1' }),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(['member', 'trainer', 'admin']),
  branch: z.string().nullable(),
})
const RosterImportSchema = z.strictObject({
  dryRun: z.boolean(),
  created: z.array(RosterAccountSchema.extend({ password: GeneratedPassword.optional() })).meta({
    description: 'New accounts, each with its initial password (with dryRun: would be created, no password)',
  }),
  updated: z.array(RosterAccountSchema.extend({ changed: z.array(z.enum(['name', 'role', 'branch'])) })),
  unchanged: z.array(RosterAccountSchema),
})
const RosterProblemSchema = z.strictObject({
  line: z.number().int(),
  code: z.enum(ACCOUNT_ROSTER_CODES).meta({ description: 'Stable, for saying it in the user’s language' }),
  column: z.enum(['name', 'member_number', 'branch', 'role', '']),
  values: z.strictObject({
    firstLine: z.number().int().optional(),
    maxRows: z.number().int().optional(),
    name: z.string().optional().meta({ description: 'The line’s name, to find it in the sheet' }),
    value: z.string().optional().meta({ description: 'The cell as written' }),
  }),
  message: z.string().meta({ description: 'The same in English' }),
})
const RosterErrorSchema = z.strictObject({
  error: z.strictObject({
    code: z.literal('invalid'),
    message: z.string(),
    path: z.literal('roster'),
    problems: z.array(RosterProblemSchema),
  }),
})

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
      responses: {
        201: { description: 'Created; `password` only when the server made it', schema: CreatedUserResponse },
        400: { description: '`invalid` at the field: a taken username or member number, a short password' },
      },
    },
    async (c, { body }) => {
      const admin = requireRole(c, 'admin')
      try {
        const generated = body.password === undefined ? generatePassword() : undefined
        const id = await createUser(
          s.db,
          {
            ...body,
            password: body.password ?? (generated as string),
            branchName: body.branch ?? null,
            memberNumber: body.memberNumber ?? null,
          },
          s.now(),
          s.scrypt,
        )
        s.log('admin.user.create', { admin: admin.id, user: id })
        c.header('cache-control', 'no-store')
        return c.json({ user: await userOr404(id), ...(generated ? { password: generated } : {}) }, 201)
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
        // A disabled trainer's phone still holds their classes' signing keys (trainer-left.ts).
        if (disabled) await rotateKeysOfClassesLeft(s.db, await classesTrainedBy(s.db, id), s.now())
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
      method: 'patch',
      path: '/api/admin/users/:userId',
      tag: 'admin',
      summary: "Change an account's name, role or branch",
      access: 'admins',
      body: AccountChangesBody,
      responses: {
        200: { description: 'The account as it now is', schema: UserResponse },
        400: {
          description:
            '`invalid` at the field: a member without a branch, a blank name, or an admin changing their own role',
        },
        404: { description: '`not_found`' },
      },
    },
    async (c, { body }) => {
      const admin = requireRole(c, 'admin')
      const id = pathParam(c, 'userId')
      // An admin making themselves something else would lose this page mid-task; another admin does it.
      if (id === admin.id && body.role !== undefined && body.role !== 'admin')
        throw new ApiError(400, 'invalid', 'you cannot take away your own admin role', 'role')
      try {
        const update = await updateUser(s.db, id, body, s.now())
        if (!update) throw notFound('no such user')
        const { changed, classesLeft } = update
        // Which fields, not their values: names and branches are personal data.
        if (changed.length > 0)
          s.log('admin.user.update', { admin: admin.id, user: id, fields: changed.join(',') })
        if (changed.includes('role')) s.guide?.sessionsEnded({ userId: id })
        for (const classId of classesLeft) s.guide?.peopleChanged(classId)
        return c.json({ user: await userOr404(id) }, 200)
      } catch (e) {
        if (e instanceof UserInputError) throw new ApiError(400, 'invalid', e.message, e.field)
        throw e
      }
    },
  )

  api.add(
    {
      method: 'post',
      path: '/api/admin/users/:userId/reset-password',
      tag: 'admin',
      summary: 'Give an account a new password made by the server; all its sessions end',
      access: 'admins',
      responses: {
        200: {
          description: 'The account and its new password (shown once)',
          schema: z.strictObject({ user: UserViewSchema, password: GeneratedPassword }),
        },
        404: { description: '`not_found`' },
      },
    },
    async (c) => {
      const admin = requireRole(c, 'admin')
      const user = await userOr404(pathParam(c, 'userId'))
      const password = generatePassword()
      await setPassword(s.db, user.id, password, s.now(), s.scrypt)
      s.guide?.sessionsEnded({ userId: user.id })
      s.log('admin.password.reset', { admin: admin.id, user: user.id })
      c.header('cache-control', 'no-store')
      return c.json({ user, password }, 200)
    },
  )

  api.add(
    {
      method: 'post',
      path: '/api/admin/roster',
      tag: 'admin',
      summary: 'Create and update accounts from a roster CSV (all rows or none)',
      access: 'admins',
      rawBody: {
        contentType: 'text/csv',
        description:
          'Columns name, member_number, branch, role (or 姓名, 党员编号, 党支部, 角色; roles 党员, 带教老师, 管理员); the member number is the login name; UTF-8 or GB18030 as Excel saves it; at most 2000 rows, 256 KiB',
      },
      query: z.strictObject({
        dryRun: z
          .enum(['true', 'false'])
          .optional()
          .meta({ description: 'true: check and say what would change, write nothing' }),
      }),
      responses: {
        200: {
          description: 'What was created (with initial passwords, shown once), updated and left as it was',
          schema: RosterImportSchema,
        },
        400: {
          description: '`invalid` at `roster`, with every problem by line; nothing was written',
          schema: RosterErrorSchema,
        },
        415: { description: '`unsupported_media_type`: send text/csv' },
      },
    },
    async (c, { query }) => {
      const admin = requireRole(c, 'admin')
      const read = readRoster(await csvBody(c))
      const dryRun = query.dryRun === 'true'
      let outcome = null
      try {
        if (read.problems.length === 0)
          outcome = await applyRoster(s.db, read.rows, s.now(), {
            scrypt: s.scrypt,
            dryRun,
            actingAdminId: admin.id,
          })
      } catch (e) {
        // Another import created one of these accounts meanwhile; this one wrote nothing.
        if (e instanceof UserInputError) throw new ApiError(400, 'invalid', e.message, 'roster')
        throw e
      }
      const problems = outcome?.problems ?? read.problems
      if (!outcome || problems.length > 0)
        return c.json(
          {
            error: {
              code: 'invalid' as const,
              message: `${problems.length} problem(s) in the roster; nothing was written`,
              path: 'roster' as const,
              problems,
            },
          },
          400,
        )
      if (!dryRun)
        s.log('admin.roster', {
          admin: admin.id,
          created: outcome.created.length,
          updated: outcome.updated.length,
        })
      for (const { userId, classesLeft } of outcome.roleChanged) {
        s.guide?.sessionsEnded({ userId })
        for (const classId of classesLeft) s.guide?.peopleChanged(classId)
      }
      c.header('cache-control', 'no-store')
      return c.json(
        { dryRun, created: outcome.created, updated: outcome.updated, unchanged: outcome.unchanged },
        200,
      )
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

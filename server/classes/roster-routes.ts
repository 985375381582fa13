import type { Context } from 'hono'
import { z } from 'zod'
import { requireUser } from '../auth/middleware.ts'
import type { AppEnv, AppServices } from '../context.ts'
import { ApiError } from '../http/errors.ts'
import { type ApiRegistry, pathParam } from '../http/registry.ts'
import { checkPeople, MAX_MEMBERS_PER_REQUEST, MAX_TRAINERS } from './class-input.ts'
import { ClassDetailSchema, classDetail } from './class-view.ts'
import { untaggedFrom } from './enrolment.ts'
import { classForItsStaff } from './manage-routes.ts'
import { decodeCsvBytes, matchRoster, ROSTER_NOTE_CODES, readClassRoster } from './roster-csv.ts'
import { rotateKeysOfClassesLeft } from './trainer-left.ts'

/**
 * Who is in a class: adding and removing members and trainers, one by one or (members) from a
 * roster CSV. Only the class's trainers and admins; members of the class 403, others 404.
 * Adding someone already there and removing someone not there change nothing and succeed, so
 * a retried request is harmless. Removing a member keeps their records; they just no longer
 * count for this class. A class keeps at least one trainer.
 */

/** A roster file of 2000 rows of Chinese names and branches stays well below this. */
export const ROSTER_MAX_BYTES = 256 * 1024
/** A class's roster upload, and the admin's roster import of accounts (admin/routes.ts). */
export const ROSTER_PATH = /^\/api\/(classes\/[^/]+\/roster|admin\/roster)$/

const CSV_TYPES = /^(text\/csv|text\/plain|application\/csv|application\/vnd\.ms-excel)\s*(;|$)/i

const NoteSchema = z.strictObject({
  line: z.number().int().meta({ description: 'As a spreadsheet numbers it; the header is line 1' }),
  code: z.enum(ROSTER_NOTE_CODES).meta({
    description:
      'Stable, for saying it in the user’s language; with `column` and `values` it says everything `message` does',
  }),
  column: z.enum(['name', 'member_number', 'branch', '']).meta({
    description: 'The column (姓名, 党员编号, 党支部) it is about; empty for the file or the whole line',
  }),
  values: z
    .strictObject({
      firstLine: z.number().int().optional().meta({ description: 'repeated_member_number: its first line' }),
      accountName: z.string().optional().meta({ description: 'name_mismatch: the account’s name' }),
      accountBranch: z.string().optional().meta({ description: 'branch_differs: the account’s branch' }),
      maxRows: z.number().int().optional().meta({ description: 'too_many_rows: the most a file may have' }),
    })
    .meta({ description: 'What the code’s sentence needs; only the fields its code uses' }),
  message: z.string().meta({ description: 'The same in English' }),
})
const MatchSchema = z.strictObject({
  line: z.number().int(),
  id: z.string(),
  displayName: z.string(),
  memberNumber: z.string(),
})
const RosterResultSchema = z.strictObject({
  dryRun: z.boolean(),
  added: z.array(MatchSchema).meta({ description: 'Added now (with dryRun: would be added)' }),
  alreadyMembers: z.array(MatchSchema),
  warnings: z.array(NoteSchema).meta({ description: 'Not blocking, e.g. a branch that differs' }),
})
const RosterErrorSchema = z.strictObject({
  error: z.strictObject({
    code: z.literal('invalid'),
    message: z.string(),
    path: z.literal('roster'),
    problems: z.array(NoteSchema),
  }),
})

const AddMembersBody = z.strictObject({
  memberIds: z.array(z.string().min(1).max(80)).min(1).max(MAX_MEMBERS_PER_REQUEST),
})
const AddTrainersBody = z.strictObject({
  trainerIds: z.array(z.string().min(1).max(80)).min(1).max(MAX_TRAINERS),
})

export function rosterRoutes(api: ApiRegistry, s: AppServices): void {
  for (const who of ['members', 'trainers'] as const) {
    const table = who === 'members' ? 'class_members' : 'class_trainers'
    const field = who === 'members' ? 'memberIds' : 'trainerIds'
    api.add(
      {
        method: 'post',
        path: `/api/classes/:classId/${who}`,
        tag: 'classes',
        summary:
          who === 'members'
            ? 'Add member accounts to a class'
            : 'Add trainer or admin accounts as trainers of a class',
        access: 'its trainers and admins (members: 403, others: 404)',
        body: who === 'members' ? AddMembersBody : AddTrainersBody,
        responses: {
          200: { description: 'The class with its people', schema: ClassDetailSchema },
          403: { description: '`forbidden`: a member of the class' },
          404: { description: '`not_found`' },
        },
      },
      async (c, { body }) => {
        const user = requireUser(c)
        const { cls, relation } = await classForItsStaff(s.db, pathParam(c, 'classId'), user)
        const ids = [...new Set((body as Record<typeof field, string[]>)[field])]
        await checkPeople(s.db, (body as Record<typeof field, string[]>)[field], field)
        const insert =
          who === 'members'
            ? s.db.insertInto('class_members').values(
                ids.map((id) => ({
                  class_id: cls.id,
                  user_id: id,
                  untagged_from: untaggedFrom(s.now(), user.role),
                })),
              )
            : s.db.insertInto('class_trainers').values(ids.map((id) => ({ class_id: cls.id, user_id: id })))
        // Already there: kept as it was (an enrolment's bound never moves back).
        await insert.onConflict((oc) => oc.columns(['class_id', 'user_id']).doNothing()).execute()
        s.log(`class.${who}.add`, { user: user.id, class: cls.id, count: ids.length })
        return c.json(await classDetail(s.db, cls, relation), 200)
      },
    )

    api.add(
      {
        method: 'delete',
        path: `/api/classes/:classId/${who}/:userId`,
        tag: 'classes',
        summary:
          who === 'members'
            ? 'Remove a member from a class (their records stay theirs)'
            : 'Remove a trainer from a class (not the last one)',
        access: 'its trainers and admins (members: 403, others: 404)',
        responses: {
          204: { description: 'Removed, or was not in the class' },
          ...(who === 'trainers'
            ? { 400: { description: '`invalid` at `userId`: the last trainer of the class' } }
            : {}),
          403: { description: '`forbidden`: a member of the class' },
          404: { description: '`not_found`' },
        },
      },
      async (c) => {
        const user = requireUser(c)
        const { cls } = await classForItsStaff(s.db, pathParam(c, 'classId'), user)
        const target = pathParam(c, 'userId')
        const removed = await s.db.transaction().execute(async (trx) => {
          if (who === 'trainers') {
            // Two trainers removing each other at once must not both see the other one stay:
            // on PostgreSQL (read committed) they take turns on the class's row. SQLite writes
            // one transaction at a time already.
            if (s.dialect === 'postgres')
              await trx.selectFrom('classes').select('id').where('id', '=', cls.id).forUpdate().execute()
            const others = await trx
              .selectFrom('class_trainers')
              .select('user_id')
              .where('class_id', '=', cls.id)
              .where('user_id', '!=', target)
              .execute()
            if (others.length === 0)
              throw new ApiError(400, 'invalid', 'a class keeps at least one trainer', 'userId')
          }
          const r = await trx
            .deleteFrom(table)
            .where('class_id', '=', cls.id)
            .where('user_id', '=', target)
            .executeTakeFirst()
          return Number(r.numDeletedRows) > 0
        })
        // Who removed whom: the audit trail of a roster (the target is an account id, no name).
        s.log(`class.${who}.remove`, { user: user.id, class: cls.id, target })
        // A removed trainer's phone still holds the class's signing key (trainer-left.ts).
        if (who === 'trainers' && removed) await rotateKeysOfClassesLeft(s.db, [cls.id], s.now())
        // Guided mode: a removed person's open connections stop following or leading it now.
        s.guide?.peopleChanged(cls.id)
        return c.body(null, 204)
      },
    )
  }

  api.add(
    {
      method: 'post',
      path: '/api/classes/:classId/roster',
      tag: 'classes',
      summary: 'Add existing members to a class from a roster CSV (all rows or none)',
      access: 'its trainers and admins (members: 403, others: 404)',
      rawBody: {
        contentType: 'text/csv',
        description:
          'Columns name, member_number, branch (or 姓名, 党员编号, 党支部); UTF-8 (a BOM is fine) or GB18030 as Excel saves it; at most 2000 rows, 256 KiB',
      },
      query: z.strictObject({
        dryRun: z
          .enum(['true', 'false'])
          .optional()
          .meta({ description: 'true: check and report, add nobody' }),
      }),
      responses: {
        200: { description: 'Who was added and who already was', schema: RosterResultSchema },
        400: {
          description:
            '`invalid` at `roster`, with every problem by line (unknown member number, name that does not match, repeated or empty cells); nothing was added',
          schema: RosterErrorSchema,
        },
        403: { description: '`forbidden`: a member of the class' },
        404: { description: '`not_found`' },
        415: { description: '`unsupported_media_type`: send text/csv' },
      },
    },
    async (c, { query }) => {
      const user = requireUser(c)
      const { cls } = await classForItsStaff(s.db, pathParam(c, 'classId'), user)
      const text = await csvBody(c)
      const read = readClassRoster(text)
      const unreadable = new Set(read.problems.map((p) => p.line))
      const matched = await matchRoster(
        s.db,
        cls.id,
        read.rows.filter((r) => !unreadable.has(r.line)),
      )
      const problems = [...read.problems, ...matched.problems].sort((a, b) => a.line - b.line)
      if (problems.length > 0)
        return c.json(
          {
            error: {
              code: 'invalid' as const,
              message: `${problems.length} problem(s) in the roster; nobody was added`,
              path: 'roster' as const,
              problems,
            },
          },
          400,
        )
      const dryRun = query.dryRun === 'true'
      if (!dryRun && matched.toAdd.length > 0)
        await s.db
          .insertInto('class_members')
          .values(
            matched.toAdd.map((m) => ({
              class_id: cls.id,
              user_id: m.id,
              untagged_from: untaggedFrom(s.now(), user.role),
            })),
          )
          .onConflict((oc) => oc.columns(['class_id', 'user_id']).doNothing())
          .execute()
      if (!dryRun) s.log('class.roster', { user: user.id, class: cls.id, added: matched.toAdd.length })
      return c.json(
        { dryRun, added: matched.toAdd, alreadyMembers: matched.already, warnings: matched.warnings },
        200,
      )
    },
  )
}

/** The body of a roster upload as text: 415 unless it says it is CSV; GB18030 read as such. */
export async function csvBody(c: Context<AppEnv>): Promise<string> {
  if (!CSV_TYPES.test(c.req.header('content-type') ?? ''))
    throw new ApiError(415, 'unsupported_media_type', 'send the roster as text/csv')
  return decodeCsvBytes(new Uint8Array(await c.req.arrayBuffer()))
}

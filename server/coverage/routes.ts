import { z } from 'zod'
import { coverageTable } from '../../src/domain/archive/coverage-table.ts'
import { tableToCsv } from '../../src/domain/archive/csv-writer.ts'
import {
  type CoverageInput,
  type CoverageRecord,
  chinaDaysMs,
  computeCoverage,
} from '../../src/domain/classes/coverage.ts'
import { download } from '../archive/download.ts'
import { requireRole } from '../auth/middleware.ts'
import { isCalendarDate } from '../classes/class-input.ts'
import type { AppServices } from '../context.ts'
import type { Db } from '../db/tables.ts'
import { ApiError } from '../http/errors.ts'
import type { ApiRegistry } from '../http/registry.ts'

/**
 * GET /api/coverage (全覆盖) for organisers, and the same period as a CSV with one row per
 * member: the queries behind src/domain/classes/coverage.ts, which holds the definitions.
 * Members are enabled accounts with the member role. Both name people (who was not trained), so
 * both are for admins only, and neither logs a name: the export's log line has the period only.
 */

const DEFINITIONS =
  'Members: enabled member accounts. attendedClass: at least one accepted check-in, lesson completion or trainer attestation belonging to a class the member is in (tagged with it, or untagged during its dates). completedRoute: a check-in or attestation at every stop of some route. vrLesson: a lesson completed in mode vr. any: at least one of these. Only records whose corrected time is in the period count (China Standard Time days, both ends included); flagged records count.'

const date = z.string().refine(isCalendarDate, { error: 'is not a date YYYY-MM-DD' })
const CoverageQuery = z.strictObject({
  from: date
    .optional()
    .meta({ description: 'First day, YYYY-MM-DD (China time); default 1 January of this year' }),
  to: date.optional().meta({ description: 'Last day, included; default today (China time)' }),
})

const counts = {
  members: z.number().int(),
  attendedClass: z.number().int(),
  completedRoute: z.number().int(),
  vrLesson: z.number().int(),
  any: z.number().int(),
}
const untrained = z
  .array(
    z.strictObject({
      displayName: z.string(),
      username: z.string().meta({ description: 'The login name (用户名)' }),
      memberNumber: z.string().nullable().meta({ description: '党员编号, if the account has one' }),
    }),
  )
  .meta({
    description:
      'The members of the group reached by none of the measures (any = no) in the period, by name (Chinese collation) then username: whom to follow up. Personal data.',
  })
const CoverageSchema = z.strictObject({
  period: z.strictObject({ from: z.string(), to: z.string() }),
  branches: z.array(z.strictObject({ branchId: z.string(), branchName: z.string(), ...counts, untrained })),
  noBranch: z.strictObject({ ...counts, untrained }),
  totals: z.strictObject(counts),
})

const chinaToday = (now: Date) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)

export function coverageRoutes(api: ApiRegistry, s: AppServices): void {
  api.add(
    {
      method: 'get',
      path: '/api/coverage',
      tag: 'coverage',
      summary: 'Training coverage (全覆盖) per branch in a period',
      access: 'admins (trainers and members: 403)',
      query: CoverageQuery,
      responses: {
        200: {
          description: `Counts per branch, without a branch, and in total. ${DEFINITIONS}`,
          schema: CoverageSchema,
        },
        403: { description: '`forbidden`: not an admin' },
      },
    },
    async (c, { query }) => {
      requireRole(c, 'admin')
      return c.json(computeCoverage(await coverageInput(s, periodOf(s, query))), 200)
    },
  )

  api.add(
    {
      method: 'get',
      path: '/api/coverage.csv',
      tag: 'coverage',
      summary: 'Training coverage (全覆盖) in a period as a CSV, one row per member',
      access: 'admins (trainers and members: 403)',
      query: CoverageQuery,
      responses: {
        200: {
          description: `A file (Content-Disposition: attachment, named with the period): UTF-8 with BOM, RFC 4180, CRLF, text cells starting with = + - @ guarded with a leading '. Columns 党支部 Branch (empty: no branch), 姓名 Name, 用户名 Username, 党员编号 Member no., then 是/否 for 参加班次 Attended a class, 走完一条路线 Completed a route, 完成VR课程 Completed a VR lesson, 参加任一培训 Any training. Branches in the order of GET /api/coverage, members by name, those without a branch last. ${DEFINITIONS}`,
          contentType: 'text/csv; charset=utf-8',
        },
        403: { description: '`forbidden`: not an admin' },
      },
    },
    async (c, { query }) => {
      const user = requireRole(c, 'admin')
      const period = periodOf(s, query)
      const csv = tableToCsv(coverageTable(await coverageInput(s, period)))
      s.log('coverage.export', { user: user.id, from: period.from, to: period.to })
      return download(c, csv, 'text/csv; charset=utf-8', {
        fileName: `培训覆盖情况-${period.from}至${period.to}.csv`,
        ascii: `hongtu-coverage-${period.from}-${period.to}.csv`,
      })
    },
  )
}

/** The asked period, defaults filled in: this year so far, China time. */
function periodOf(s: AppServices, query: { from?: string | undefined; to?: string | undefined }) {
  const to = query.to ?? chinaToday(s.now())
  const from = query.from ?? `${to.slice(0, 4)}-01-01`
  if (to < from) throw new ApiError(400, 'invalid', 'is before from', 'to')
  return { from, to }
}

async function coverageInput(s: AppServices, period: { from: string; to: string }): Promise<CoverageInput> {
  const db = s.db
  const members = await db
    .selectFrom('users')
    .select(['id', 'branch_id', 'display_name', 'username', 'member_number'])
    .where('role', '=', 'member')
    .where('disabled_at', 'is', null)
    .execute()
  const branches = await db.selectFrom('branches').select(['id', 'name']).execute()
  const classes = await classesWithMembers(db)
  const { from, to } = chinaDaysMs(period.from, period.to)
  const rows = await db
    .selectFrom('records')
    .innerJoin('users', 'users.id', 'records.member_id')
    .select([
      'records.member_id',
      'records.kind',
      'records.class_id',
      'records.occurred_at_corrected',
      'records.payload',
    ])
    .where('records.status', '=', 'accepted')
    .where('records.kind', 'in', ['checkin', 'lesson.completed', 'attestation'])
    .where('users.role', '=', 'member')
    .where('records.occurred_at_corrected', '>=', new Date(from).toISOString())
    .where('records.occurred_at_corrected', '<', new Date(to).toISOString())
    .execute()
  const records = rows.flatMap((r): CoverageRecord[] => {
    const p = JSON.parse(r.payload) as Record<string, unknown>
    const common = { memberId: r.member_id, classId: r.class_id, at: r.occurred_at_corrected }
    if (r.kind === 'checkin' && typeof p.siteId === 'string')
      return [{ ...common, kind: 'checkin', siteId: p.siteId }]
    if (r.kind === 'lesson.completed' && (p.mode === 'onsite' || p.mode === 'remote' || p.mode === 'vr'))
      return [{ ...common, kind: 'lesson.completed', mode: p.mode }]
    // An attestation's payload is read field by field: the kind may be newer than this server.
    if (r.kind === 'attestation')
      return [{ ...common, kind: 'attestation', siteId: typeof p.siteId === 'string' ? p.siteId : null }]
    return []
  })
  return {
    period,
    branches,
    members: members.map((m) => ({
      id: m.id,
      branchId: m.branch_id,
      displayName: m.display_name,
      username: m.username,
      memberNumber: m.member_number,
    })),
    classes,
    routes: s.content.routes.map((r) => ({ id: r.id, stopSiteIds: r.stops.map((st) => st.site) })),
    records,
  }
}

async function classesWithMembers(db: Db) {
  const classes = await db.selectFrom('classes').select(['id', 'starts_on', 'ends_on']).execute()
  const links = await db.selectFrom('class_members').select(['class_id', 'user_id']).execute()
  const membersOf = new Map<string, string[]>()
  for (const l of links) membersOf.set(l.class_id, [...(membersOf.get(l.class_id) ?? []), l.user_id])
  return classes.map((c) => ({
    id: c.id,
    startsOn: c.starts_on,
    endsOn: c.ends_on,
    memberIds: membersOf.get(c.id) ?? [],
  }))
}

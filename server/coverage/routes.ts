import { z } from 'zod'
import { type CoverageRecord, chinaDaysMs, computeCoverage } from '../../src/domain/classes/coverage.ts'
import { requireRole } from '../auth/middleware.ts'
import { isCalendarDate } from '../classes/class-input.ts'
import type { AppServices } from '../context.ts'
import type { Db } from '../db/tables.ts'
import { ApiError } from '../http/errors.ts'
import type { ApiRegistry } from '../http/registry.ts'

/**
 * GET /api/coverage (全覆盖) for organisers: the queries behind src/domain/classes/coverage.ts,
 * which holds the definitions. Members are enabled accounts with the member role.
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
const CoverageSchema = z.strictObject({
  period: z.strictObject({ from: z.string(), to: z.string() }),
  branches: z.array(z.strictObject({ branchId: z.string(), branchName: z.string(), ...counts })),
  noBranch: z.strictObject(counts),
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
      const to = query.to ?? chinaToday(s.now())
      const from = query.from ?? `${to.slice(0, 4)}-01-01`
      if (to < from) throw new ApiError(400, 'invalid', 'is before from', 'to')
      return c.json(await coverageOf(s, { from, to }), 200)
    },
  )
}

async function coverageOf(s: AppServices, period: { from: string; to: string }) {
  const db = s.db
  const members = await db
    .selectFrom('users')
    .select(['id', 'branch_id'])
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
  return computeCoverage({
    period,
    branches,
    members: members.map((m) => ({ id: m.id, branchId: m.branch_id })),
    classes,
    routes: s.content.routes.map((r) => ({ id: r.id, stopSiteIds: r.stops.map((st) => st.site) })),
    records,
  })
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

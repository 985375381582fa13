import { SESSION_COOKIE } from '../../server/auth/cookies.ts'
import type { Db } from '../../server/db/tables.ts'
import { canonicalJson, contentHash } from '../../server/sync/canonical.ts'
import { progressJson } from '../../server/sync/record-rows.ts'
import type { ContentPack } from '../../src/domain/content/pack.ts'
import { projectProgress } from '../../src/domain/records/progress.ts'
import { type DayOptions, memberDay, RECORDS_PER_MEMBER } from './plan.ts'
import type { ProvisionedMember } from './provision.ts'
import { Tally } from './tally.ts'

/**
 * After the load: what the database holds must be exactly the day every member lived, each
 * record once, stored as sent (same content hash), accepted, with no flag; and the progress the
 * server answers a sample of members must be the projection of their day.
 */

export interface Verification {
  readonly rows: number
  readonly expectedRows: number
  readonly membersWithAllRecords: number
  readonly progressChecked: number
  /** Count per kind of discrepancy; empty when everything matched. */
  readonly problems: Record<string, number>
  readonly problemSamples: Record<string, string[]>
}

export async function verifyDay(options: {
  readonly db: Db
  readonly url: string
  readonly pack: ContentPack
  readonly day: DayOptions
  readonly members: readonly ProvisionedMember[]
  readonly progressSample: number
}): Promise<Verification> {
  const { db, pack, day, members } = options
  const tally = new Tally()
  const problem = (kind: string, detail: string) => tally.add(kind, detail)

  const rows = await db
    .selectFrom('records')
    .select(['member_id', 'id', 'kind', 'status', 'flags', 'payload_hash'])
    .execute()
  const indexOf = new Map(members.map((m, i) => [m.id, i]))
  const byMember = new Map<number, (typeof rows)[number][]>()
  for (const row of rows) {
    const i = indexOf.get(row.member_id)
    if (i === undefined) problem('db-row-of-unknown-member', row.member_id)
    else {
      const list = byMember.get(i)
      if (list) list.push(row)
      else byMember.set(i, [row])
    }
  }

  let complete = 0
  for (const [i, m] of members.entries()) {
    const expected = memberDay(pack, day, i, m.id).records
    const stored = new Map((byMember.get(i) ?? []).map((r) => [r.id, r]))
    if (stored.size !== expected.length)
      problem('db-record-count', `member ${i}: ${stored.size} rows, ${expected.length} expected`)
    let ok = stored.size === expected.length
    for (const r of expected) {
      const row = stored.get(r.id)
      const what = `member ${i} ${r.kind} ${r.id}`
      if (!row) problem('db-record-missing', what)
      else if (row.kind !== r.kind) problem('db-kind', what)
      else if (row.payload_hash !== contentHash(r)) problem('db-content', what)
      else if (row.status !== 'accepted') problem(`db-status-${row.status}`, what)
      else if (row.flags !== '[]') problem('db-flags', `${what}: ${row.flags}`)
      else continue
      ok = false
    }
    if (ok) complete++
  }

  const step = Math.max(1, Math.floor(members.length / Math.max(1, options.progressSample)))
  let progressChecked = 0
  for (let i = 0; i < members.length && progressChecked < options.progressSample; i += step) {
    const m = members[i] as ProvisionedMember
    const res = await fetch(`${options.url}/api/me/progress`, {
      headers: { cookie: `${SESSION_COOKIE}=${m.token}` },
    })
    progressChecked++
    const text = await res.text()
    if (res.status !== 200) {
      problem(`progress-http-${res.status}`, text.slice(0, 200))
      continue
    }
    const want = progressJson(projectProgress(memberDay(pack, day, i, m.id).records))
    if (canonicalJson(JSON.parse(text)) !== canonicalJson(want))
      problem('progress-mismatch', `member ${i}: got ${text.slice(0, 300)}`)
  }

  return {
    rows: rows.length,
    expectedRows: members.length * RECORDS_PER_MEMBER,
    membersWithAllRecords: complete,
    progressChecked,
    problems: tally.counts,
    problemSamples: tally.samples,
  }
}

import { generatePassword, type ScryptParams } from '../auth/passwords.ts'
import type { Db, Role } from '../db/tables.ts'
import { parseCsv } from './csv.ts'
import { createUser, ensureBranch, normaliseUsername, USERNAME_PATTERN } from './users.ts'

/**
 * Roster import (花名册): a CSV with the columns name, member number, branch, role, in English or
 * Chinese headers (姓名, 党员编号, 党支部, 角色), roles as member/trainer/admin or
 * 党员/学员/带教老师/管理员. The member number is the login name. Every row is checked before
 * anything is written; then each row is applied on its own, so running the same file again
 * after an interruption is safe: existing accounts (by member number) are updated, never given
 * a new password, and new ones get a generated password that is reported once.
 */

const HEADERS: Record<string, 'name' | 'memberNumber' | 'branch' | 'role'> = {
  name: 'name',
  姓名: 'name',
  member_number: 'memberNumber',
  membernumber: 'memberNumber',
  党员编号: 'memberNumber',
  编号: 'memberNumber',
  branch: 'branch',
  党支部: 'branch',
  支部: 'branch',
  role: 'role',
  角色: 'role',
}

/** The header words above, shared with a class's roster upload (server/classes/roster-csv.ts). */
export const ROSTER_HEADER_WORDS: Readonly<Record<string, 'name' | 'memberNumber' | 'branch' | 'role'>> =
  HEADERS

/** How a header cell is compared with the words above. */
export const rosterHeaderKey = (cell: string) => cell.trim().toLowerCase().replace(/\s+/g, '_')

const ROLE_WORDS: Record<string, Role> = {
  member: 'member',
  党员: 'member',
  学员: 'member',
  trainer: 'trainer',
  带教老师: 'trainer',
  老师: 'trainer',
  admin: 'admin',
  管理员: 'admin',
}

export interface RosterRow {
  readonly line: number
  readonly name: string
  readonly memberNumber: string
  readonly branch: string
  readonly role: Role
}

export interface RosterProblem {
  readonly line: number
  readonly column: string
  readonly message: string
}

/** Reads and checks the whole file; problems carry the line number as a spreadsheet shows it. */
export function readRoster(text: string): { rows: RosterRow[]; problems: RosterProblem[] } {
  const [header, ...body] = parseCsv(text)
  const problems: RosterProblem[] = []
  if (!header) return { rows: [], problems: [{ line: 1, column: '', message: 'the file is empty' }] }
  const columns = header.map((h) => HEADERS[rosterHeaderKey(h)])
  for (const needed of ['name', 'memberNumber', 'branch', 'role'] as const)
    if (!columns.includes(needed))
      problems.push({
        line: 1,
        column: needed,
        message: `has no ${needed} column (header: name, member_number, branch, role)`,
      })
  if (problems.length > 0) return { rows: [], problems }
  const rows: RosterRow[] = []
  const seen = new Map<string, number>()
  body.forEach((fields, i) => {
    const line = i + 2
    const get = (key: string) => (fields[columns.indexOf(key as never)] ?? '').normalize('NFKC').trim()
    const name = get('name')
    const memberNumber = get('memberNumber')
    const branch = get('branch')
    const role = ROLE_WORDS[get('role').toLowerCase()]
    if (!name || name.length > 80) problems.push({ line, column: 'name', message: 'must be 1–80 characters' })
    if (!USERNAME_PATTERN.test(normaliseUsername(memberNumber)))
      problems.push({
        line,
        column: 'member_number',
        message: 'must be 2–64 letters, digits, dots, dashes or underscores',
      })
    if (!role)
      problems.push({
        line,
        column: 'role',
        message: 'must be member, trainer or admin (党员, 带教老师, 管理员)',
      })
    if (role === 'member' && !branch)
      problems.push({ line, column: 'branch', message: 'a member needs a branch (党支部)' })
    const key = normaliseUsername(memberNumber)
    const earlier = seen.get(key)
    if (earlier !== undefined)
      problems.push({ line, column: 'member_number', message: `repeats line ${earlier}` })
    seen.set(key, line)
    if (role) rows.push({ line, name, memberNumber, branch, role })
  })
  return { rows: problems.length > 0 ? [] : rows, problems }
}

export interface RosterOutcome {
  readonly created: { username: string; name: string; password: string }[]
  readonly updated: string[]
  readonly unchanged: string[]
}

export async function applyRoster(
  db: Db,
  rows: readonly RosterRow[],
  now: Date,
  scrypt?: ScryptParams,
): Promise<RosterOutcome> {
  const outcome: RosterOutcome = { created: [], updated: [], unchanged: [] }
  for (const row of rows) {
    const username = normaliseUsername(row.memberNumber)
    const existing = await db
      .selectFrom('users')
      .leftJoin('branches', 'branches.id', 'users.branch_id')
      .select(['users.id', 'users.display_name', 'users.role', 'branches.name as branch'])
      .where('users.username', '=', username)
      .executeTakeFirst()
    if (!existing) {
      const password = generatePassword()
      await createUser(
        db,
        {
          username,
          displayName: row.name,
          role: row.role,
          branchName: row.branch || null,
          memberNumber: row.memberNumber,
          password,
        },
        now,
        scrypt,
      )
      outcome.created.push({ username, name: row.name, password })
    } else if (
      existing.display_name === row.name &&
      existing.role === row.role &&
      (existing.branch ?? '') === row.branch
    )
      outcome.unchanged.push(username)
    else {
      const branchId = row.branch ? await ensureBranch(db, row.branch, now) : null
      await db
        .updateTable('users')
        .set({ display_name: row.name, role: row.role, branch_id: branchId })
        .where('id', '=', existing.id)
        .execute()
      outcome.updated.push(username)
    }
  }
  return outcome
}

import { generatePassword, hashPassword, type ScryptParams } from '../auth/passwords.ts'
import { applyRoleChange } from '../classes/trainer-left.ts'
import type { Db, Role } from '../db/tables.ts'
import { NUL_MESSAGE } from '../http/nul.ts'
import { parseCsv } from './csv.ts'
import { createUser, ensureBranch, normaliseUsername, USERNAME_PATTERN } from './users.ts'

/**
 * Roster import (花名册): a CSV with the columns name, member number, branch, role, in English or
 * Chinese headers (姓名, 党员编号, 党支部, 角色), roles as member/trainer/admin or
 * 党员/学员/带教老师/管理员. The member number is the login name. Every row is checked before
 * anything is written, then all rows are written in one transaction: a file is imported whole or
 * not at all, so importing it again after a failure is safe. Existing accounts (by member number)
 * are updated, never given a new password; new ones get a generated password that is reported once.
 * Used by the admin page (POST /api/admin/roster) and the admin command (npm run admin:roster).
 */

type RosterField = 'name' | 'memberNumber' | 'branch' | 'role'

const HEADERS: Record<string, RosterField> = {
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

/** How a header cell is compared with the words above. */
const rosterHeaderKey = (cell: string) => cell.trim().toLowerCase().replace(/\s+/g, '_')

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

/** A file this long is a whole organisation's roster; longer ones are split. */
export const MAX_ACCOUNT_ROSTER_ROWS = 2000

export interface RosterRow {
  readonly line: number
  readonly name: string
  readonly memberNumber: string
  readonly branch: string
  readonly role: Role
}

/**
 * Why a line cannot be imported. Stable: the admin page says each in the admin's language from
 * the code, the column and `values`; `message` is the same in English (the command prints it).
 */
export const ACCOUNT_ROSTER_CODES = [
  'not_csv',
  'wrong_separator',
  'unclosed_quote',
  'empty_file',
  'missing_column',
  'too_many_rows',
  'nul_character',
  'empty_cell',
  'bad_member_number',
  'name_too_long',
  'unknown_role',
  'member_needs_branch',
  'repeated_member_number',
  'member_number_taken',
  'own_admin_role',
] as const
export type AccountRosterCode = (typeof ACCOUNT_ROSTER_CODES)[number]
export type AccountRosterColumn = 'name' | 'member_number' | 'branch' | 'role' | ''

export interface RosterProblem {
  readonly line: number
  readonly code: AccountRosterCode
  readonly column: AccountRosterColumn
  /**
   * repeated_member_number: the line that has it first; too_many_rows: the most a file may have;
   * on a line's problem, the line's name and the cell as written, for finding it in the sheet.
   */
  readonly values: {
    readonly firstLine?: number
    readonly maxRows?: number
    readonly name?: string
    readonly value?: string
  }
  readonly message: string
}

const problem = (
  line: number,
  code: AccountRosterCode,
  column: AccountRosterColumn,
  message: string,
  values: RosterProblem['values'] = {},
): RosterProblem => ({ line, code, column, values, message })

const COLUMN_OF = { name: 'name', memberNumber: 'member_number', branch: 'branch', role: 'role' } as const

/**
 * A roster file's columns (by the header words above) and its rows, or why it has none: the
 * steps both roster readers take first (this one and a class's, server/classes/roster-csv.ts).
 */
export function rosterTable(
  text: string,
):
  | { readonly columns: (RosterField | undefined)[]; readonly body: string[][] }
  | { readonly problem: 'unclosed_quote' | 'empty_file'; readonly message: string } {
  let table: string[][]
  try {
    table = parseCsv(text)
  } catch (e) {
    // parseCsv's only refusal: a quote left open runs to the end of the file.
    return { problem: 'unclosed_quote', message: (e as Error).message }
  }
  const [header, ...body] = table
  if (!header) return { problem: 'empty_file', message: 'the file is empty' }
  return { columns: header.map((h) => HEADERS[rosterHeaderKey(h)]), body }
}

/** Reads and checks the whole file; problems carry the line number as a spreadsheet shows it. */
export function readRoster(text: string): { rows: RosterRow[]; problems: RosterProblem[] } {
  // The likeliest first mistake: the spreadsheet itself, or its "text" export with tabs.
  if (text.startsWith('PK\u0003\u0004'))
    return {
      rows: [],
      problems: [problem(1, 'not_csv', '', 'is an Excel workbook, not CSV; save it as CSV first')],
    }
  const firstLine = text.slice(0, text.search(/\r?\n|$/))
  if (!firstLine.includes(',') && /[\t;]/.test(firstLine))
    return {
      rows: [],
      problems: [
        problem(1, 'wrong_separator', '', 'columns are separated by tabs or semicolons, not commas'),
      ],
    }
  const table = rosterTable(text)
  if ('problem' in table) return { rows: [], problems: [problem(1, table.problem, '', table.message)] }
  const { columns, body } = table
  const problems: RosterProblem[] = []
  for (const needed of ['name', 'memberNumber', 'branch', 'role'] as const)
    if (!columns.includes(needed))
      problems.push(
        problem(
          1,
          'missing_column',
          COLUMN_OF[needed],
          `has no ${COLUMN_OF[needed]} column (header: name, member_number, branch, role)`,
        ),
      )
  if (body.length > MAX_ACCOUNT_ROSTER_ROWS)
    problems.push(
      problem(1, 'too_many_rows', '', `has more than ${MAX_ACCOUNT_ROSTER_ROWS} rows; split the file`, {
        maxRows: MAX_ACCOUNT_ROSTER_ROWS,
      }),
    )
  if (problems.length > 0) return { rows: [], problems }
  const rows: RosterRow[] = []
  const seen = new Map<string, number>()
  body.forEach((fields, i) => {
    const line = i + 2
    const get = (key: string) => (fields[columns.indexOf(key as never)] ?? '').normalize('NFKC').trim()
    const name = get('name')
    const memberNumber = get('memberNumber')
    const branch = get('branch')
    const roleWord = get('role')
    const role = ROLE_WORDS[roleWord.toLowerCase()]
    if (fields.some((f) => f.includes('\u0000'))) {
      // PostgreSQL cannot store or even compare a NUL: such a line is never looked up.
      problems.push(problem(line, 'nul_character', '', NUL_MESSAGE))
      return
    }
    // Who the line is about, to find it in the sheet (a name too long to be one is left out).
    const who = name && name.length <= 80 ? { name } : {}
    const add = (code: AccountRosterCode, column: AccountRosterColumn, message: string, values = {}) =>
      problems.push(problem(line, code, column, message, { ...who, ...values }))
    if (!name) add('empty_cell', 'name', 'is empty')
    else if (name.length > 80) add('name_too_long', 'name', 'must be 1–80 characters')
    if (!memberNumber) add('empty_cell', 'member_number', 'is empty')
    else if (!USERNAME_PATTERN.test(normaliseUsername(memberNumber)))
      add('bad_member_number', 'member_number', 'must be 2–64 letters, digits, dots, dashes or underscores', {
        value: memberNumber.slice(0, 80),
      })
    if (!roleWord) add('empty_cell', 'role', 'is empty')
    else if (!role)
      add('unknown_role', 'role', 'must be member, trainer or admin (党员, 带教老师, 管理员)', {
        value: roleWord.slice(0, 40),
      })
    if (role === 'member' && !branch) add('member_needs_branch', 'branch', 'a member needs a branch (党支部)')
    if (memberNumber) {
      const key = normaliseUsername(memberNumber)
      const earlier = seen.get(key)
      if (earlier !== undefined)
        add('repeated_member_number', 'member_number', `repeats line ${earlier}`, {
          firstLine: earlier,
          value: memberNumber.slice(0, 80),
        })
      else seen.set(key, line)
    }
    if (role) rows.push({ line, name, memberNumber, branch, role })
  })
  return { rows: problems.length > 0 ? [] : rows, problems }
}

/** An account as the roster leaves it. */
export interface RosterAccount {
  readonly line: number
  readonly username: string
  readonly displayName: string
  readonly role: Role
  readonly branch: string | null
}

export interface RosterOutcome {
  /** New accounts; `password` is their generated initial password (absent on a dry run). */
  readonly created: (RosterAccount & { readonly password?: string })[]
  /** Accounts whose name, role or branch the file changed; `changed` names which. */
  readonly updated: (RosterAccount & { readonly changed: readonly ('name' | 'role' | 'branch')[] })[]
  readonly unchanged: RosterAccount[]
  /** Lines that cannot be imported after all (a member number another account already uses). */
  readonly problems: RosterProblem[]
  /** Accounts whose role changed (their sessions ended) and the classes they stopped training. */
  readonly roleChanged: { readonly userId: string; readonly classesLeft: readonly string[] }[]
}

/** Password hashes are made this many at a time (node's thread pool has four threads). */
const HASH_CONCURRENCY = 4

async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      out[i] = await fn(items[i] as T)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return out
}

/**
 * Imports checked rows: new accounts, updates, and unchanged ones, as one transaction. With
 * `dryRun`, says what it would do and writes nothing. Hashing the new passwords (the slow part:
 * scrypt, some 50 ms each) happens before the transaction, so the database is held for
 * milliseconds, not for the whole file. `problems` is non-empty when a new account's member
 * number is another account's, or the file would take the importing admin's role away; then
 * nothing is written.
 */
export async function applyRoster(
  db: Db,
  rows: readonly RosterRow[],
  now: Date,
  options: {
    readonly scrypt?: ScryptParams
    readonly dryRun?: boolean
    /** The admin importing the file (the API): their own row may not take their role away. */
    readonly actingAdminId?: string
  } = {},
): Promise<RosterOutcome> {
  const existing = await db
    .selectFrom('users')
    .leftJoin('branches', 'branches.id', 'users.branch_id')
    .select(['users.id', 'users.username', 'users.display_name', 'users.role', 'branches.name as branch'])
    .where(
      'users.username',
      'in',
      rows.length > 0 ? rows.map((r) => normaliseUsername(r.memberNumber)) : [''],
    )
    .execute()
  const byUsername = new Map(existing.map((u) => [u.username, u]))
  const account = (row: RosterRow): RosterAccount => ({
    line: row.line,
    username: normaliseUsername(row.memberNumber),
    displayName: row.name,
    role: row.role,
    branch: row.branch || null,
  })
  const fresh = rows.filter((r) => !byUsername.has(normaliseUsername(r.memberNumber)))
  // A new account's member number must not be another account's member number either.
  const numbersTaken = new Set(
    fresh.length === 0
      ? []
      : (
          await db
            .selectFrom('users')
            .select('member_number')
            .where(
              'member_number',
              'in',
              fresh.map((r) => r.memberNumber),
            )
            .execute()
        ).map((u) => u.member_number),
  )
  const problems = fresh
    .filter((r) => numbersTaken.has(r.memberNumber))
    .map((r) =>
      problem(
        r.line,
        'member_number_taken',
        'member_number',
        'is already the member number of another account',
        {
          name: r.name,
          value: r.memberNumber,
        },
      ),
    )
  // An admin importing a file that makes them something else would lock themselves out mid-task
  // (and could leave the organisation without an admin): another admin does that, by hand.
  for (const row of rows) {
    const found = byUsername.get(normaliseUsername(row.memberNumber))
    if (found && found.id === options.actingAdminId && row.role !== 'admin')
      problems.push(
        problem(row.line, 'own_admin_role', 'role', 'would take away your own admin role', {
          name: row.name,
          value: row.role,
        }),
      )
  }
  const outcome: RosterOutcome = { created: [], updated: [], unchanged: [], problems, roleChanged: [] }
  if (problems.length > 0) return outcome

  const updates: { row: RosterRow; id: string; role: Role }[] = []
  for (const row of rows) {
    const found = byUsername.get(normaliseUsername(row.memberNumber))
    if (!found) continue
    const changed = [
      ...(found.display_name !== row.name ? (['name'] as const) : []),
      ...(found.role !== row.role ? (['role'] as const) : []),
      ...((found.branch ?? '') !== row.branch ? (['branch'] as const) : []),
    ]
    if (changed.length === 0) outcome.unchanged.push(account(row))
    else {
      outcome.updated.push({ ...account(row), changed })
      updates.push({ row, id: found.id, role: found.role })
    }
  }
  if (options.dryRun) {
    outcome.created.push(...fresh.map(account))
    return outcome
  }

  const credentials = await mapLimited(fresh, HASH_CONCURRENCY, async (row) => {
    const password = generatePassword()
    return { row, password, hashed: await hashPassword(password, options.scrypt) }
  })
  await db.transaction().execute(async (trx) => {
    for (const { row, password, hashed } of credentials) {
      await createUser(
        trx,
        {
          username: row.memberNumber,
          displayName: row.name,
          role: row.role,
          branchName: row.branch || null,
          memberNumber: row.memberNumber,
          password,
          hashed,
        },
        now,
      )
    }
    for (const { row, id, role } of updates) {
      const branchId = row.branch ? await ensureBranch(trx, row.branch, now) : null
      await trx
        .updateTable('users')
        .set({ display_name: row.name, role: row.role, branch_id: branchId })
        .where('id', '=', id)
        .execute()
      const left = await applyRoleChange(trx, id, role, row.role, now)
      if (role !== row.role) outcome.roleChanged.push({ userId: id, classesLeft: left })
    }
  })
  outcome.created.push(...credentials.map(({ row, password }) => ({ ...account(row), password })))
  return outcome
}

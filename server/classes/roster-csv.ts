import { rosterTable } from '../admin/roster.ts'
import { normaliseUsername } from '../admin/users.ts'
import type { Db } from '../db/tables.ts'
import { NUL_MESSAGE } from '../http/nul.ts'

/**
 * A class's roster upload (花名册): a CSV with the columns name, member number and branch (姓名,
 * 党员编号, 党支部; the admin roster's header words, role column ignored). Each row names an
 * EXISTING member account by its member number; the name must be that account's name (a wrong
 * number would otherwise add a stranger), a differing branch is only a warning. Creating
 * accounts is the admin's roster import (npm run admin:roster), never this upload.
 */

export const MAX_ROSTER_ROWS = 2000

export interface RosterLine {
  readonly line: number
  readonly name: string
  readonly memberNumber: string
  readonly branch: string
}

export type RosterColumn = 'name' | 'member_number' | 'branch'

/**
 * What is wrong with a line (problems block the upload, `branch_differs` is only a warning).
 * Stable: the app says each in the trainer's language from the code, the column and `values`;
 * `message` is the same in English for other API clients.
 */
export const ROSTER_NOTE_CODES = [
  'unclosed_quote',
  'empty_file',
  'missing_column',
  'too_many_rows',
  'nul_character',
  'empty_cell',
  'repeated_member_number',
  'unknown_member_number',
  'disabled_account',
  'not_a_member_account',
  'name_mismatch',
  'branch_differs',
] as const
export type RosterNoteCode = (typeof ROSTER_NOTE_CODES)[number]

/** What a code's sentence needs beside the column; only the fields its code uses are set. */
export interface RosterNoteValues {
  /** repeated_member_number: the line that has the number first. */
  readonly firstLine?: number
  /** name_mismatch: the name of the account with the row's member number. */
  readonly accountName?: string
  /** branch_differs: the branch of the account. */
  readonly accountBranch?: string
  /** too_many_rows: the most rows a file may have. */
  readonly maxRows?: number
}

/** A problem or warning at a line of the file as a spreadsheet numbers it (the header is 1). */
export interface RosterNote {
  readonly line: number
  readonly code: RosterNoteCode
  /** The column it is about; '' for the file or the whole line. */
  readonly column: RosterColumn | ''
  readonly values: RosterNoteValues
  readonly message: string
}

const note = (
  line: number,
  code: RosterNoteCode,
  column: RosterNote['column'],
  message: string,
  values: RosterNoteValues = {},
): RosterNote => ({ line, code, column, values, message })

/**
 * The file's text. Excel on Chinese Windows saves "CSV (逗号分隔)" in GB18030/GBK and only
 * "CSV UTF-8" in UTF-8, so bytes that are not valid UTF-8 are read as GB18030.
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}

export function readClassRoster(text: string): { rows: RosterLine[]; problems: RosterNote[] } {
  const table = rosterTable(text)
  if ('problem' in table) return { rows: [], problems: [note(1, table.problem, '', table.message)] }
  const { columns, body } = table
  const problems: RosterNote[] = []
  if (!columns.includes('name')) problems.push(note(1, 'missing_column', 'name', 'has no name column (姓名)'))
  if (!columns.includes('memberNumber'))
    problems.push(note(1, 'missing_column', 'member_number', 'has no member number column (党员编号)'))
  if (body.length > MAX_ROSTER_ROWS)
    problems.push(
      note(1, 'too_many_rows', '', `has more than ${MAX_ROSTER_ROWS} rows; split the file`, {
        maxRows: MAX_ROSTER_ROWS,
      }),
    )
  if (problems.length > 0) return { rows: [], problems }

  const rows: RosterLine[] = []
  const seen = new Map<string, number>()
  body.forEach((fields, i) => {
    const line = i + 2
    const get = (key: 'name' | 'memberNumber' | 'branch') => {
      const at = columns.indexOf(key)
      return at < 0 ? '' : (fields[at] ?? '').normalize('NFKC').trim()
    }
    const row = { line, name: get('name'), memberNumber: get('memberNumber'), branch: get('branch') }
    // A row with a problem is never looked up; PostgreSQL could not even compare a NUL (http/nul.ts).
    if (fields.some((f) => f.includes('\u0000'))) problems.push(note(line, 'nul_character', '', NUL_MESSAGE))
    if (!row.memberNumber) problems.push(note(line, 'empty_cell', 'member_number', 'is empty'))
    else {
      const key = normaliseUsername(row.memberNumber)
      const earlier = seen.get(key)
      if (earlier !== undefined)
        problems.push(
          note(line, 'repeated_member_number', 'member_number', `repeats line ${earlier}`, {
            firstLine: earlier,
          }),
        )
      else seen.set(key, line)
    }
    if (!row.name) problems.push(note(line, 'empty_cell', 'name', 'is empty'))
    rows.push(row)
  })
  return { rows, problems }
}

export interface RosterMatch {
  readonly line: number
  readonly id: string
  readonly displayName: string
  readonly memberNumber: string
}

/**
 * Finds the account of each row (member number compared case-insensitively) and sorts the rows
 * into those to add and those already in the class. Problems block the whole upload.
 */
export async function matchRoster(
  db: Db,
  classId: string,
  rows: readonly RosterLine[],
): Promise<{ toAdd: RosterMatch[]; already: RosterMatch[]; problems: RosterNote[]; warnings: RosterNote[] }> {
  const numbers = [...new Set(rows.map((r) => normaliseUsername(r.memberNumber)))]
  const accounts = numbers.length
    ? await db
        .selectFrom('users')
        .leftJoin('branches', 'branches.id', 'users.branch_id')
        .select([
          'users.id',
          'users.display_name',
          'users.member_number',
          'users.role',
          'users.disabled_at',
          'branches.name as branch',
        ])
        .where((eb) => eb(eb.fn('lower', ['users.member_number']), 'in', numbers))
        .execute()
    : []
  const byNumber = new Map(accounts.map((a) => [normaliseUsername(a.member_number ?? ''), a]))
  const inClass = new Set(
    (await db.selectFrom('class_members').select('user_id').where('class_id', '=', classId).execute()).map(
      (r) => r.user_id,
    ),
  )
  const toAdd: RosterMatch[] = []
  const already: RosterMatch[] = []
  const problems: RosterNote[] = []
  const warnings: RosterNote[] = []
  for (const row of rows) {
    const a = byNumber.get(normaliseUsername(row.memberNumber))
    if (!a) {
      problems.push(
        note(
          row.line,
          'unknown_member_number',
          'member_number',
          'no account has this member number; an admin imports new members first',
        ),
      )
      continue
    }
    if (a.disabled_at !== null)
      problems.push(
        note(row.line, 'disabled_account', 'member_number', 'is the number of a disabled account'),
      )
    else if (a.role !== 'member')
      problems.push(
        note(
          row.line,
          'not_a_member_account',
          'member_number',
          'is not a member account (add trainers as trainers)',
        ),
      )
    else if (a.display_name.normalize('NFKC').trim() !== row.name)
      problems.push(
        note(
          row.line,
          'name_mismatch',
          'name',
          `does not match the account with this member number (${a.display_name})`,
          { accountName: a.display_name },
        ),
      )
    else {
      if (row.branch && a.branch && row.branch !== a.branch)
        warnings.push(
          note(row.line, 'branch_differs', 'branch', `the account's branch is ${a.branch}`, {
            accountBranch: a.branch,
          }),
        )
      const match = {
        line: row.line,
        id: a.id,
        displayName: a.display_name,
        memberNumber: a.member_number ?? '',
      }
      ;(inClass.has(a.id) ? already : toAdd).push(match)
    }
  }
  return { toAdd, already, problems, warnings }
}

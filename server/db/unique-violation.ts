/**
 * The column whose unique constraint an insert broke, or undefined for any other error. A check
 * before an insert cannot see a concurrent insert of the same value; the constraint does, and
 * this turns its error (a 500 otherwise) into the field the caller named twice.
 *
 * SQLite says `UNIQUE constraint failed: users.username`; PostgreSQL gives code 23505 and the
 * constraint's name, `users_username_key` for a column made with `.unique()`.
 */
export function uniqueViolationColumn(error: unknown, table: string): string | undefined {
  if (!(error instanceof Error)) return undefined
  const sqlite = /UNIQUE constraint failed: (\w+)\.(\w+)/.exec(error.message)
  if (sqlite) return sqlite[1] === table ? sqlite[2] : undefined
  const pg = error as Error & { code?: unknown; constraint?: unknown }
  if (pg.code !== '23505' || typeof pg.constraint !== 'string') return undefined
  const named = new RegExp(`^${table}_(\\w+)_key$`).exec(pg.constraint)
  return named?.[1]
}

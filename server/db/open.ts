import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely'
import pg from 'pg'
import type { Database, Db, Dialect } from './tables.ts'

export interface OpenDatabase {
  readonly db: Db
  readonly dialect: Dialect
  close(): Promise<void>
}

/** PostgreSQL int8 (oid 20: count(*), bigserial) as a JS number; our values stay far below 2^53. */
const INT8_OID = 20
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
}

/**
 * Opens PostgreSQL when `databaseUrl` is set, else the SQLite file (created with its folder).
 *
 * Durability invariant: the server acknowledges a record (created/duplicate/held) only after
 * its transaction committed, and the device then deletes its copy. So a commit must survive a
 * power cut: SQLite runs in WAL mode with synchronous=FULL (NORMAL may lose the last commits
 * on power loss in WAL mode); PostgreSQL keeps its default synchronous_commit=on.
 */
export function openDatabase(options: { databaseUrl?: string; sqliteFile: string }): OpenDatabase {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10, types: pgTypes })
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    return { db, dialect: 'postgres', close: () => db.destroy() }
  }
  mkdirSync(dirname(options.sqliteFile), { recursive: true })
  const sqlite = new SqliteDatabase(options.sqliteFile)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  // Another process (an admin command) may hold the write lock for a moment.
  sqlite.pragma('busy_timeout = 5000')
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  return { db, dialect: 'sqlite', close: () => db.destroy() }
}

import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import {
  Kysely,
  type SqliteDatabase as KyselySqlite,
  PostgresDialect,
  SqliteDialect,
  type SqliteStatement,
  sql,
} from 'kysely'
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
    // An idle pooled connection that the server ends (a restart, pg_terminate_backend, a dropped
    // database) makes the pool emit 'error'; with no listener that is an uncaught exception and
    // the whole server stops. The pool has already discarded that connection and opens a new one
    // for the next query; if the database is really gone, that query fails and is answered 500.
    pool.on('error', () => {})
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
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite) }) })
  return { db, dialect: 'sqlite', close: () => db.destroy() }
}

/** Statements kept prepared; the server's queries are a few dozen distinct texts. */
const STATEMENT_CACHE_SIZE = 256
const PRAGMA = /^\s*pragma\b/i

/**
 * Kysely's SQLite driver prepares every query anew, and preparing (parsing and planning) cost
 * as much as running most of ours: a push's 100-row insert took 0.25 ms to prepare. This keeps
 * the most recently used statements by their SQL text (values are always bound parameters).
 * A statement still iterating a streamed result is busy and cannot run again, so a fresh one
 * is prepared for that case. A schema change makes SQLite re-prepare a cached statement itself.
 */
export function cachingStatements(sqlite: KyselySqlite): KyselySqlite {
  const cache = new Map<string, SqliteStatement & { readonly busy?: boolean }>()
  return {
    close: () => {
      cache.clear()
      sqlite.close()
    },
    prepare(text: string) {
      // SQLite applies some pragmas while preparing them: always prepared afresh.
      if (PRAGMA.test(text)) return sqlite.prepare(text)
      const cached = cache.get(text)
      if (cached && !cached.busy) {
        // Map order is insertion order: re-inserting marks it most recently used.
        cache.delete(text)
        cache.set(text, cached)
        return cached
      }
      const statement = sqlite.prepare(text)
      if (!cached) {
        cache.set(text, statement)
        if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string)
      }
      return statement
    },
  }
}

/**
 * Runs a write whose loss in a power cut does no harm, without waiting for the disk: only a
 * session's sliding expiry (auth/sessions.ts), which the member's next request writes again.
 * Never for records, results or revocations.
 *
 * SQLite only: its commits flush the WAL with an fsync on the one event loop (synchronous=FULL
 * above), and on a theme day the sliding expiry of each member's first request was a third of
 * all commits (bench/spike/README.md). With synchronous=NORMAL for this one commit its WAL
 * frames are written but not flushed; the next FULL commit's fsync flushes them too. The
 * connection is held for the three statements, so no other query runs at NORMAL. PostgreSQL
 * runs the write as it is: its commits wait for the flush off the event loop, and concurrent
 * ones share a flush.
 */
export async function writeWithoutFlush<T>(
  db: Db,
  dialect: Dialect,
  write: (db: Db) => Promise<T>,
): Promise<T> {
  if (dialect !== 'sqlite') return write(db)
  return db.connection().execute(async (connection) => {
    await sql`pragma synchronous = normal`.execute(connection)
    try {
      return await write(connection)
    } finally {
      await sql`pragma synchronous = full`.execute(connection)
    }
  })
}

/**
 * Why: Kysely's SQLite driver prepared every query anew, which cost as much as running most of
 * them, so server/db/open.ts keeps prepared statements by their SQL text (issue 4). A reused
 * statement must behave exactly like a fresh one: new parameters each time, a statement still
 * streaming rows (busy) not reused under itself, a pragma (SQLite applies some while preparing
 * them), more distinct texts than the cache holds, and the schema changing under a cached
 * statement. Beside it, writeWithoutFlush (a session's sliding expiry) must leave the connection
 * at synchronous=FULL for every commit that follows, whatever happens to its write.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  cachingStatements,
  type OpenDatabase,
  openDatabase,
  writeWithoutFlush,
} from '../../server/db/open.ts'
import type { Db } from '../../server/db/tables.ts'

describe('SQLite statements kept prepared, and writes without a flush', () => {
  let dir: string
  let opened: OpenDatabase
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hongtu-statements-'))
    opened = openDatabase({ sqliteFile: join(dir, 'test.db') })
    await sql`create table t (id integer primary key, name text not null)`.execute(opened.db)
  })
  afterEach(async () => {
    await opened.close()
    rmSync(dir, { recursive: true, force: true })
  })

  // biome-ignore lint/suspicious/noExplicitAny: a scratch table outside the app's schema
  const db = () => opened.db as any

  it('binds new values each time the same text runs', async () => {
    for (let i = 1; i <= 5; i++)
      await db()
        .insertInto('t')
        .values({ id: i, name: `n${i}` })
        .execute()
    for (let i = 1; i <= 5; i++) {
      const row = await db().selectFrom('t').select('name').where('id', '=', i).executeTakeFirst()
      expect(row).toEqual({ name: `n${i}` })
    }
  })

  it('prepares a fresh statement for a text whose cached one is still streaming rows', async () => {
    const raw = new SqliteDatabase(':memory:')
    raw.exec('create table t (id integer primary key); insert into t values (1), (2), (3)')
    const cached = cachingStatements(raw)
    const text = 'select id from t where id > ? order by id'
    const outer: number[] = []
    const inner: number[][] = []
    // Kysely streams with iterate(); while it runs, the statement is busy.
    for (const row of cached.prepare(text).iterate([0]) as Iterable<{ id: number }>) {
      outer.push(row.id)
      inner.push((cached.prepare(text).all([row.id]) as { id: number }[]).map((r) => r.id))
    }
    expect(outer).toEqual([1, 2, 3])
    expect(inner).toEqual([[2, 3], [3], []])
    cached.close()
  })

  it('still answers every query with more distinct texts than the cache holds', async () => {
    await db().insertInto('t').values({ id: 1, name: 'one' }).execute()
    for (let k = 0; k < 600; k++) {
      const r = await sql<{ v: number }>`select id + ${sql.lit(k)} as v from t`.execute(opened.db)
      expect(r.rows).toEqual([{ v: 1 + k }])
    }
  })

  it('applies a pragma every time it is sent, not only the first', async () => {
    const mode = async () => (await sql<{ synchronous: number }>`pragma synchronous`.execute(opened.db)).rows
    for (let i = 0; i < 3; i++) {
      await sql`pragma synchronous = normal`.execute(opened.db)
      expect(await mode()).toEqual([{ synchronous: 1 }])
      await sql`pragma synchronous = full`.execute(opened.db)
      expect(await mode()).toEqual([{ synchronous: 2 }])
    }
  })

  it('writes without a flush at synchronous=NORMAL, then is back at FULL, also after a failed write', async () => {
    const mode = async (db: Db) => (await sql<{ synchronous: number }>`pragma synchronous`.execute(db)).rows
    expect(await mode(opened.db)).toEqual([{ synchronous: 2 }])
    const during = await writeWithoutFlush(opened.db, 'sqlite', async (db) => {
      await sql`insert into t (id, name) values (1, 'slide')`.execute(db)
      return mode(db)
    })
    expect(during).toEqual([{ synchronous: 1 }])
    expect(await mode(opened.db)).toEqual([{ synchronous: 2 }])
    await expect(
      writeWithoutFlush(opened.db, 'sqlite', async (db) => {
        await sql`insert into t (id, name) values (1, 'again')`.execute(db)
      }),
    ).rejects.toThrow(/UNIQUE/)
    expect(await mode(opened.db)).toEqual([{ synchronous: 2 }])
  })

  it('sees a column added after the statement was prepared', async () => {
    await db().insertInto('t').values({ id: 1, name: 'one' }).execute()
    const all = () => sql`select * from t`.execute(opened.db)
    expect((await all()).rows).toEqual([{ id: 1, name: 'one' }])
    await sql`alter table t add column extra text default 'x'`.execute(opened.db)
    expect((await all()).rows).toEqual([{ id: 1, name: 'one', extra: 'x' }])
  })
})

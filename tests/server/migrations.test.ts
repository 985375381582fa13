import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Migrator } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { migrateToLatest, migrationsFor } from '../../server/db/migrations.ts'
import { type OpenDatabase, openDatabase } from '../../server/db/open.ts'
import { createPgDatabase, DATABASES } from './harness.ts'

/**
 * Upgrading a database that already holds classes, people and records: every row survives each
 * migration, and the foreign keys still hold afterwards (SQLite rebuilds the classes table).
 */

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function openFresh(kind: 'sqlite' | 'postgres'): Promise<OpenDatabase> {
  if (kind === 'postgres') {
    const pg = await createPgDatabase()
    const opened = openDatabase({ databaseUrl: pg.url, sqliteFile: '' })
    cleanups.push(pg.drop, () => opened.close())
    return opened
  }
  const dir = mkdtempSync(join(tmpdir(), 'hongtu-migrate-'))
  const opened = openDatabase({ sqliteFile: join(dir, 'hongtu.sqlite') })
  cleanups.push(
    async () => rmSync(dir, { recursive: true, force: true }),
    () => opened.close(),
  )
  return opened
}

describe.each(DATABASES)('migrations on %s', (kind) => {
  it('keeps the classes, trainers and members of a version-1 database', async () => {
    const { db, dialect } = await openFresh(kind)
    const all = migrationsFor(dialect)
    const first = new Migrator({
      db,
      provider: { getMigrations: async () => ({ '0001_initial': all['0001_initial'] as never }) },
    })
    expect((await first.migrateToLatest()).error).toBeUndefined()
    const at = '2026-05-01T00:00:00.000Z'
    const v1 = db as never as import('kysely').Kysely<Record<string, Record<string, unknown>>>
    await v1
      .insertInto('users')
      .values({
        id: 'u1',
        username: 'u1',
        display_name: '甲',
        role: 'trainer',
        password_hash: 'x',
        created_at: at,
      })
      .execute()
    await v1
      .insertInto('classes')
      .values({
        id: 'c1',
        name: '班',
        route_id: 'yanan-two-day',
        starts_on: '2026-05-01',
        ends_on: '2026-05-02',
        created_at: at,
      })
      .execute()
    await v1.insertInto('class_trainers').values({ class_id: 'c1', user_id: 'u1' }).execute()

    // Later migrations (0003_guided_mode, …) run after it in the same call.
    expect((await migrateToLatest(db, dialect))[0]).toBe('0002_classes_for_trainers')

    const cls = await db.selectFrom('classes').selectAll().executeTakeFirstOrThrow()
    expect(cls).toMatchObject({ id: 'c1', route_id: 'yanan-two-day', scene_ids: '[]', created_by: null })
    await db
      .insertInto('classes')
      .values({
        id: 'vr-only',
        name: 'VR',
        route_id: null,
        starts_on: '2026-05-01',
        ends_on: '2026-05-01',
        created_at: at,
        scene_ids: '["oath-hall"]',
        created_by: 'u1',
      })
      .execute()
    expect(await db.selectFrom('class_trainers').selectAll().execute()).toEqual([
      { class_id: 'c1', user_id: 'u1' },
    ])
    // The rebuilt table is still the one the foreign keys point at.
    await expect(
      db
        .insertInto('class_members')
        .values({ class_id: 'no-such-class', user_id: 'u1', untagged_from: '' })
        .execute(),
    ).rejects.toThrow()
  })
})

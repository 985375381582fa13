import { loadConfig, maskDatabaseUrl, sqliteFileOf } from '../config.ts'
import { migrateToLatest } from '../db/migrations.ts'
import { type OpenDatabase, openDatabase } from '../db/open.ts'

/**
 * Shared plumbing of the admin commands (scripts/admin-*.ts): the same configuration as the
 * server (DATABASE_URL or the SQLite file under HONGTU_DATA_DIR), migrated, and a uniform way
 * to fail: a message on stderr and exit code 1 (2 for wrong usage).
 */
export class UsageError extends Error {}

export async function withDatabase<T>(run: (db: OpenDatabase) => Promise<T>): Promise<T> {
  const config = loadConfig()
  const opened = openDatabase({
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
    sqliteFile: sqliteFileOf(config),
  })
  try {
    await migrateToLatest(opened.db, opened.dialect)
    console.error(
      `database: ${config.databaseUrl ? maskDatabaseUrl(config.databaseUrl) : sqliteFileOf(config)}`,
    )
    return await run(opened)
  } finally {
    await opened.close()
  }
}

export async function runCommand(usage: string, main: () => Promise<void>): Promise<void> {
  try {
    await main()
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`${e.message}\n\n${usage}`)
      process.exit(2)
    }
    console.error(e instanceof Error ? e.message : String(e))
    process.exit(1)
  }
}

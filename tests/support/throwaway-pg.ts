import pg from 'pg'

/**
 * A throwaway PostgreSQL database for one test or bench run, made through `adminUrl` (a role
 * allowed to CREATE DATABASE) and dropped afterwards, so a run never touches a database someone
 * uses. `prefix` names what made it (a stray one left by a killed run says where it came from).
 */
export async function createThrowawayDatabase(
  adminUrl: string,
  options: { readonly prefix?: string; readonly relaxedDurability?: boolean } = {},
): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `${options.prefix ?? 'hongtu_run'}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    await admin.query(`create database ${name}`)
    // Diagnostic only (see bench/spike/run-spike.ts): commits stop waiting for the WAL flush.
    if (options.relaxedDurability) await admin.query(`alter database ${name} set synchronous_commit = off`)
  } finally {
    await admin.end()
  }
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    name,
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl })
      await c.connect()
      try {
        // FORCE also ends an autovacuum worker that happens to be in the database; a role without
        // pg_signal_backend may not signal it, so wait for the worker and try again.
        for (let attempt = 1; ; attempt++) {
          try {
            await c.query(`drop database if exists ${name} with (force)`)
            return
          } catch (e) {
            if (attempt >= 20 || !/pg_signal_backend/.test(String(e))) throw e
            await new Promise((r) => setTimeout(r, 500))
          }
        }
      } finally {
        await c.end()
      }
    },
  }
}

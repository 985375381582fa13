import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import PouchDB from 'pouchdb'
import memoryAdapter from 'pouchdb-adapter-memory'
import { benchRecords } from '../drain-records.ts'

/**
 * The outbox drain's peer (notes/performance.md): PouchDB replicating the same records to
 * pouchdb-server on loopback. pouchdb-server runs as its own process with `--in-memory`
 * (express-pouchdb over the memory adapter; its leveldb build is not used); the client is a
 * memory PouchDB in this process, filled with `bulkDocs` before the clock starts, then
 * `local.replicate.to(remote, { batch_size })` is timed to completion. The peer's client keeps
 * its data in memory, ours in IndexedDB in Chromium: the comparison favours the peer.
 */
export interface PeerDrainResult {
  readonly peer: 'pouchdb → pouchdb-server --in-memory'
  readonly records: number
  readonly batchSize: number
  readonly seconds: number
  readonly recordsPerSecond: number
}

PouchDB.plugin(memoryAdapter)
const require = createRequire(import.meta.url)

async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const address = probe.address()
  await new Promise((resolve) => probe.close(resolve))
  if (typeof address !== 'object' || !address) throw new Error('no free port')
  return address.port
}

async function startPouchServer(): Promise<{ url: string; child: ChildProcess; dir: string }> {
  const port = await freePort()
  // It writes config.json and log.txt into its working directory: give it a throwaway one.
  const dir = mkdtempSync(join(tmpdir(), 'hongtu-pouchdb-server-'))
  const child = spawn(
    process.execPath,
    [
      require.resolve('pouchdb-server/bin/pouchdb-server'),
      '--in-memory',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
    ],
    { cwd: dir, stdio: 'ignore' },
  )
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited with ${child.exitCode}`)
    try {
      if ((await fetch(`${url}/`)).ok) return { url, child, dir }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill()
      throw new Error('pouchdb-server did not start within 30 s')
    }
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** Runs every count × batch size once, each into a fresh remote database. */
export async function measurePouchDrain(
  counts: readonly number[],
  batchSizes: readonly number[] = [100, 500],
  contentVersion = 'bench',
): Promise<PeerDrainResult[]> {
  const { url, child, dir } = await startPouchServer()
  const results: PeerDrainResult[] = []
  try {
    for (const count of counts)
      for (const batchSize of batchSizes) {
        const name = `drain-${count}-${batchSize}-${Date.now().toString(36)}`
        const local = new PouchDB(name, { adapter: 'memory' })
        const remote = new PouchDB(`${url}/${name}`)
        const baseMs = Date.now()
        for (let start = 0; start < count; start += 1000) {
          const chunk = benchRecords(
            start,
            Math.min(count, start + 1000),
            baseMs,
            'bench-member',
            contentVersion,
          )
          await local.bulkDocs(chunk.map(({ id, ...rest }) => ({ _id: id, ...rest })))
        }
        const started = performance.now()
        const outcome = await local.replicate.to(remote, { batch_size: batchSize })
        const seconds = (performance.now() - started) / 1000
        const { doc_count } = await remote.info()
        if (!outcome.ok || outcome.docs_written !== count || doc_count !== count)
          throw new Error(
            `PouchDB replication incomplete: ${outcome.docs_written} written, ${doc_count} on the server, of ${count}`,
          )
        results.push({
          peer: 'pouchdb → pouchdb-server --in-memory',
          records: count,
          batchSize,
          seconds,
          recordsPerSecond: count / seconds,
        })
        await remote.destroy()
        await local.destroy()
      }
  } finally {
    child.kill()
    rmSync(dir, { recursive: true, force: true })
  }
  return results
}

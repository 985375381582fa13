import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import type { SpikeRun } from './run-spike.ts'

/**
 * Writes bench/spike-results.json, and merges a `spike` section into bench/results.json when that
 * file exists. Other benchmarks write other sections of results.json, so it is re-read right
 * before writing and only `spike` is replaced; the write goes through a temp file and a rename
 * so a reader never sees half a file. A run replaces the earlier run of the same database and
 * durability and keeps the others, so `--db sqlite` and `--db postgres` may run one at a time.
 */

export const SPIKE_RESULTS = 'bench/spike-results.json'
export const BENCH_RESULTS = 'bench/results.json'

export function spikeSection(runs: readonly SpikeRun[]) {
  return {
    generatedAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      note: 'a 2-core machine shared with other work while measuring: figures are pessimistic and noisy (see loadAverage)',
    },
    scenario:
      'theme day (主题党日): each member checks in by GPS at their branch site, then pushes quiz.submitted + lesson.completed; real server, real HTTP on 127.0.0.1, every request authenticated by its own session; logins not included (see bench/spike/provision.ts)',
    runs,
  }
}

function writeJson(path: string, data: unknown): void {
  const temp = `${path}.tmp-${process.pid}`
  writeFileSync(temp, `${JSON.stringify(data, null, 2)}\n`)
  renameSync(temp, path)
}

const sameKind = (a: SpikeRun, b: SpikeRun) => a.db === b.db && a.durability === b.durability

function earlierRuns(): SpikeRun[] {
  if (!existsSync(SPIKE_RESULTS)) return []
  try {
    const data = JSON.parse(readFileSync(SPIKE_RESULTS, 'utf8')) as { runs?: SpikeRun[] }
    return Array.isArray(data.runs) ? data.runs : []
  } catch {
    return []
  }
}

export function writeSpikeResults(newRuns: readonly SpikeRun[]): string[] {
  const kept = earlierRuns().filter((old) => !newRuns.some((r) => sameKind(old, r)))
  const section = spikeSection([...kept, ...newRuns])
  writeJson(SPIKE_RESULTS, section)
  const written = [SPIKE_RESULTS]
  if (existsSync(BENCH_RESULTS)) {
    const current = JSON.parse(readFileSync(BENCH_RESULTS, 'utf8')) as Record<string, unknown>
    writeJson(BENCH_RESULTS, { ...current, spike: section })
    written.push(BENCH_RESULTS)
  }
  return written
}

import { readdirSync, readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'

/**
 * CPU time spent by this Node process and by the browser's processes (Linux /proc), so that a
 * throughput bench can say where the machine's cores went: a loopback drain is bound by the CPU
 * its parts share, not by the network. Elsewhere (no /proc) only Node's own time is known.
 */
export type ProcessKind = 'node' | 'browser' | 'renderer' | 'network' | 'gpu' | 'other'

export type CpuSnapshot = ReadonlyMap<ProcessKind, number>

/** Clock ticks per second for /proc/<pid>/stat times: 100 on every Linux build we run on. */
const CLOCK_TICKS = 100

/** Which Chromium process a command line is, from its --type (and utility sub-type) switch. */
export function chromiumKind(cmdline: string): ProcessKind {
  const type = /--type=([a-z-]+)/.exec(cmdline)?.[1]
  if (type === undefined) return 'browser'
  if (type === 'renderer') return 'renderer'
  if (type === 'gpu-process') return 'gpu'
  if (type === 'utility' && cmdline.includes('network.mojom.NetworkService')) return 'network'
  return 'other'
}

/** utime + stime in ms from a /proc/<pid>/stat line (fields 14 and 15; the name may hold spaces). */
export function statCpuMs(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS
}

/**
 * Node's time and that of every process whose command line names `browserMarker` (the browser
 * binary). Processes that end between two snapshots drop out of the second: take snapshots
 * around work during which the browser keeps its processes.
 */
export function cpuSnapshot(browserMarker = 'chromium'): CpuSnapshot {
  const own = process.cpuUsage()
  const out = new Map<ProcessKind, number>([['node', (own.user + own.system) / 1000]])
  let pids: string[]
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p))
  } catch {
    return out
  }
  for (const pid of pids) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')
      if (!cmdline.includes(browserMarker)) continue
      const kind = chromiumKind(cmdline)
      out.set(kind, (out.get(kind) ?? 0) + statCpuMs(readFileSync(`/proc/${pid}/stat`, 'utf8')))
    } catch {
      // The process ended while being read.
    }
  }
  return out
}

export interface CpuSpent {
  /** ms of CPU per process kind between the two snapshots. */
  readonly byKind: Readonly<Partial<Record<ProcessKind, number>>>
  readonly totalMs: number
  /** Busy share of all the machine's cores over `wallMs` (1 = every core busy throughout). */
  readonly coreShare: number
  readonly cores: number
}

export function cpuSpent(before: CpuSnapshot, after: CpuSnapshot, wallMs: number): CpuSpent {
  const byKind: Partial<Record<ProcessKind, number>> = {}
  let totalMs = 0
  for (const [kind, ms] of after) {
    const spent = Math.max(0, ms - (before.get(kind) ?? 0))
    byKind[kind] = spent
    totalMs += spent
  }
  const cores = availableParallelism()
  return { byKind, totalMs, coreShare: wallMs > 0 ? totalMs / (wallMs * cores) : 0, cores }
}

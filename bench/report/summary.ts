import { int, isRecord, kb, list, ms, num, perSecond, ratio, str } from './format.ts'
import { genericGoalRows } from './generic.ts'

/**
 * The summary table of bench/REPORT.md: every goal of notes/performance.md and DESIGN.md's
 * budgets, each with the figure of this run, its peer measured in the same run (as a ratio) where
 * there is one, and ✓/✗. A goal with no figure in results.json is listed as "not measured", so a
 * missing benchmark shows instead of silently dropping out.
 */
export interface SummaryRow {
  readonly area: string
  readonly metric: string
  readonly figure: string
  readonly goal: string
  readonly peer?: string
  readonly ratio?: string
  /** undefined: not measured; null: measured, but there is no goal to judge it by. */
  readonly ok?: boolean | null
}

type Results = Record<string, unknown>

/** A figure judged against the goal it is listed under, or a whole row from a generic section. */
type Found = Omit<SummaryRow, 'area' | 'metric' | 'goal'> | SummaryRow

interface Goal {
  readonly area: string
  readonly metric: string
  readonly goal: string
  readonly rows: (r: Results) => Found[]
}

const row = (g: Pick<Goal, 'area' | 'metric' | 'goal'>, rest: Omit<SummaryRow, 'area' | 'metric' | 'goal'>) =>
  ({ area: g.area, metric: g.metric, goal: g.goal, ...rest }) satisfies SummaryRow

function screenJs(pathTest: (path: string) => boolean, limit: number) {
  return (r: Results) =>
    list(r.jsPerScreen)
      .filter(isRecord)
      .filter((s) => pathTest(str(s.path) ?? ''))
      .flatMap((s) => {
        const bytes = num(s.gzipBytes)
        return bytes === undefined ? [] : [{ figure: `${kb(bytes)} (${str(s.path)})`, ok: bytes <= limit }]
      })
}

function vrWorst(field: string, limit: number, format: (v: number) => string) {
  return (r: Results) => {
    const scenes = list(r.vrScenes).filter(isRecord)
    const worst = scenes
      .map((s) => ({ scene: str(s.scene) ?? '?', value: num(s[field]) }))
      .filter((s): s is { scene: string; value: number } => s.value !== undefined)
      .sort((a, b) => b.value - a.value)[0]
    return worst
      ? [
          {
            figure: `${format(worst.value)} (worst: ${worst.scene}, of ${scenes.length})`,
            ok: worst.value <= limit,
          },
        ]
      : []
  }
}

function textureSides(r: Results) {
  const sides: { scene: string; name: string; width: number; height: number; panorama: boolean }[] = []
  for (const s of list(r.vrScenes).filter(isRecord))
    for (const t of list(s.textures).filter(isRecord)) {
      const width = num(t.width) ?? 0
      const height = num(t.height) ?? 0
      // A 2:1 texture of the panorama scene is the panorama itself (≤ 4096 wide); all else ≤ 2048².
      const panorama = width === 2 * height && width > 2048
      sides.push({ scene: str(s.scene) ?? '?', name: str(t.name) ?? '?', width, height, panorama })
    }
  return sides
}

function drainRows(count: number) {
  return (r: Results) =>
    list(r.outboxDrain)
      .filter(isRecord)
      .filter((d) => num(d.records) === count)
      .flatMap((d) => {
        const ours = num(d.recordsPerSecond)
        if (ours === undefined) return []
        const peers = list(d.peers).filter(isRecord)
        const best = peers.sort((a, b) => (num(b.recordsPerSecond) ?? 0) - (num(a.recordsPerSecond) ?? 0))[0]
        const peerRps = num(best?.recordsPerSecond)
        return [
          {
            figure: `${perSecond(ours)}${d.completed === false ? ` (stopped at the deadline: ${int(num(d.drained) ?? 0)} drained)` : ''}`,
            ok: ours >= 20_000,
            ...(peerRps
              ? {
                  peer: `PouchDB ${perSecond(peerRps)} (batch ${num(best?.batchSize)})`,
                  ratio: ratio(ours / peerRps),
                }
              : {}),
          },
        ]
      })
}

function drainVsPeer(r: Results) {
  return list(r.outboxDrain)
    .filter(isRecord)
    .flatMap((d) => {
      const ours = num(d.recordsPerSecond)
      const best = Math.max(
        0,
        ...list(d.peers)
          .filter(isRecord)
          .map((p) => num(p.recordsPerSecond) ?? 0),
      )
      if (ours === undefined || best === 0) return []
      return [
        { figure: `${ratio(ours / best)} at ${int(num(d.records) ?? 0)} records`, ok: ours / best >= 4 },
      ]
    })
}

function lighthouseRows(pick: (p: Record<string, unknown>) => { figure: string; ok: boolean } | undefined) {
  return (r: Results) => {
    const run = isRecord(r.lighthouse) ? r.lighthouse : undefined
    return list(run?.pages)
      .filter(isRecord)
      .flatMap((p) => {
        const v = pick(p)
        return v ? [{ ...v, figure: `${v.figure} — ${str(p.page)} (${str(p.path)})` }] : []
      })
  }
}

/**
 * A time of ours beside peers timed in the same run (`{ viewers: [{ viewer, medianMs }] }`,
 * ours named 'hongtu'), judged against `goalMs`; the ratio is ours ÷ theirs (below 1: faster).
 */
function viewerRows(section: string, goalMs: number) {
  return (r: Results) => {
    const s = isRecord(r[section]) ? r[section] : undefined
    const viewers = list(s?.viewers).filter(isRecord)
    const ours = num(viewers.find((v) => v.viewer === 'hongtu')?.medianMs)
    if (ours === undefined) return []
    const peers = viewers.filter((v) => v.viewer !== 'hongtu' && num(v.medianMs) !== undefined)
    return [
      {
        figure: ms(ours),
        ok: ours <= goalMs,
        peer: peers.map((p) => `${str(p.viewer)} ${ms(num(p.medianMs) ?? 0)}`).join(', ') || undefined,
        ratio:
          peers.map((p) => `${ratio(ours / (num(p.medianMs) ?? Number.NaN))} ${str(p.viewer)}`).join(', ') ||
          undefined,
      },
    ]
  }
}

const present = (key: string) => (r: Results) => (r[key] === undefined ? [] : genericGoalRows(key, r[key]))

const SCORE_GOAL = 90

/** In the order of notes/performance.md's "Goals" table, then DESIGN.md's budgets and Lighthouse. */
export const GOALS: readonly Goal[] = [
  {
    area: 'JS',
    metric: 'first-screen JS, gzip',
    goal: '≤ 150 KB',
    rows: screenJs((p) => p === '/', 150_000),
  },
  {
    area: 'JS',
    metric: 'map screen JS incl. worker, gzip',
    goal: '≤ 450 KB',
    rows: screenJs((p) => p.startsWith('/routes/'), 450_000),
  },
  { area: 'JS', metric: 'VR screen JS, gzip', goal: '≤ 400 KB', rows: vrWorst('jsGzipBytes', 400_000, kb) },
  {
    area: 'warm start',
    metric: 'check-in screen usable, 4× CPU, median of 3',
    goal: '≤ 1.0 s',
    rows: (r) => {
      const median = isRecord(r.warmStart) ? num(r.warmStart.medianMs) : undefined
      return median === undefined ? [] : [{ figure: ms(median), ok: median <= 1000 }]
    },
  },
  {
    area: 'warm start',
    metric: 'first 360° frame, 4× CPU, median of 3',
    goal: '≤ 1.0 s',
    rows: viewerRows('panoramaFirstFrameMs', 1000),
  },
  {
    area: 'warm start',
    metric: 'first map idle, 4× CPU, median of 3',
    goal: '≤ 1.5 s',
    rows: viewerRows('mapIdle', 1500),
  },
  {
    area: 'save',
    metric: 'check-in: tap to durably saved p95, 4× CPU',
    goal: '≤ 16 ms',
    rows: saveRows('check-in'),
  },
  {
    area: 'save',
    metric: 'quiz answer: tap to durably saved p95, 4× CPU',
    goal: '≤ 16 ms',
    rows: saveRows('quiz answer'),
  },
  { area: 'drain', metric: 'outbox drain, 10k records, loopback', goal: '≥ 20k/s', rows: drainRows(10_000) },
  {
    area: 'drain',
    metric: 'outbox drain, 100k records, loopback',
    goal: '≥ 20k/s',
    rows: drainRows(100_000),
  },
  { area: 'drain', metric: 'outbox drain ÷ PouchDB, same run', goal: '≥ 4×', rows: drainVsPeer },
  {
    area: 'drain',
    metric: 'bytes per record on the wire',
    goal: '≤ 40 B',
    rows: (r) =>
      list(r.outboxDrain)
        .filter(isRecord)
        .flatMap((d) => {
          const b = num(d.wireBytesPerRecord) ?? num(d.bytesPerRecord)
          return b === undefined
            ? []
            : [{ figure: `${b.toFixed(0)} B at ${int(num(d.records) ?? 0)} records`, ok: b <= 40 }]
        }),
  },
  {
    area: 'ingest',
    metric: 'server ingest: 500-record batch ack p99; ≥ 50k rows/s on SQLite and PostgreSQL',
    goal: '≤ 100 ms; ≥ 50k/s',
    rows: present('ingest'),
  },
  {
    area: 'ingest',
    metric: 'theme-day spike: every push answered and verified',
    goal: 'no errors',
    rows: (r) =>
      list(isRecord(r.spike) ? r.spike.runs : undefined)
        .filter(isRecord)
        .map((run) => {
          const load = isRecord(run.load) ? run.load : {}
          const p99 = num(isRecord(load.latencyMs) ? load.latencyMs.p99 : undefined)
          return {
            figure: `${str(run.db)}: ${int(num(run.members) ?? 0)} members, ${perSecond(num(load.recordsPerSecond) ?? 0)} records, p99 ${p99 === undefined ? '—' : ms(p99)}, ${int(num(run.errorCount) ?? 0)} errors`,
            ok: run.ok === true,
          }
        }),
  },
  {
    area: 'guided mode',
    metric: "trainer's command → members' screens, p99",
    goal: 'no goal in results.json',
    rows: (r) => {
      const section = isRecord(r.guideLatency) ? r.guideLatency : undefined
      if (!section) return present('guide')(r)
      return list(section.runs)
        .filter(isRecord)
        .map((run) => {
          const p99 = num(run.p99Ms) ?? Number.NaN
          const goal = num(run.goalP99Ms)
          return {
            figure: `${str(run.mode)}: p99 ${ms(p99)}, last of ${int(num(run.clients) ?? 0)} members p99 ${ms(num(run.allP99Ms) ?? Number.NaN)}`,
            ok: goal === undefined ? null : p99 <= goal,
          }
        })
    },
  },
  { area: 'VR', metric: 'draw calls per scene', goal: '≤ 100', rows: vrWorst('drawCalls', 100, int) },
  { area: 'VR', metric: 'triangles per scene', goal: '≤ 300k', rows: vrWorst('triangles', 300_000, int) },
  {
    area: 'VR',
    metric: 'texture size',
    goal: '≤ 2048², panoramas ≤ 4096 wide',
    rows: (r) => {
      const sides = textureSides(r)
      if (sides.length === 0) return []
      const over = sides.filter((t) => (t.panorama ? t.width > 4096 : Math.max(t.width, t.height) > 2048))
      const largest = Math.max(...sides.filter((t) => !t.panorama).map((t) => Math.max(t.width, t.height)), 0)
      const pano = Math.max(...sides.filter((t) => t.panorama).map((t) => t.width), 0)
      return [
        {
          figure: `largest ${largest} px${pano ? `, panorama ${pano} px wide` : ''}${over.length ? `; over: ${over.map((t) => `${t.scene}/${t.name} ${t.width}×${t.height}`).join(', ')}` : ''}`,
          ok: over.length === 0,
        },
      ]
    },
  },
  { area: 'map', metric: 'offline map pack, 10×10 km to z15', goal: '≤ 30 MB', rows: present('mapPack') },
  {
    area: 'Lighthouse',
    metric: 'mobile scores: performance / accessibility / best practices',
    goal: `each ≥ ${SCORE_GOAL}`,
    rows: lighthouseRows((p) => {
      const scores = [num(p.performance), num(p.accessibility), num(p.bestPractices)]
      if (scores.some((s) => s === undefined)) return undefined
      return {
        figure: scores.join(' / '),
        ok: scores.every((s) => (s ?? 0) >= SCORE_GOAL),
      }
    }),
  },
  {
    area: 'Lighthouse',
    metric: 'LCP, mobile (simulated Slow 4G, 4× CPU)',
    goal: '≤ 2.5 s',
    rows: lighthouseRows((p) => {
      const v = num(p.lcpMs)
      return v === undefined ? undefined : { figure: ms(v), ok: v <= 2500 }
    }),
  },
  {
    area: 'Lighthouse',
    metric: 'TBT, mobile',
    goal: '≤ 200 ms',
    rows: lighthouseRows((p) => {
      const v = num(p.tbtMs)
      return v === undefined ? undefined : { figure: ms(v), ok: v <= 200 }
    }),
  },
  {
    area: 'Lighthouse',
    metric: 'CLS, mobile',
    goal: '≤ 0.1',
    rows: lighthouseRows((p) => {
      const v = num(p.cls)
      return v === undefined ? undefined : { figure: v.toFixed(3), ok: v <= 0.1 }
    }),
  },
  {
    area: 'Lighthouse',
    metric: 'requests to a host other than ours',
    goal: '0',
    rows: lighthouseRows((p) => {
      const n = list(p.foreignRequests).length
      return { figure: String(n), ok: n === 0 }
    }),
  },
]

function saveRows(action: string) {
  return (r: Results) =>
    list(r.saveLatencyMs)
      .filter(isRecord)
      .filter((s) => s.action === action && num(s.cpuSlowdown) === 4)
      .flatMap((s) => {
        const p95 = num(s.p95)
        return p95 === undefined
          ? []
          : [{ figure: `${ms(p95)} (p50 ${ms(num(s.p50) ?? 0)}, ${num(s.samples)} taps)`, ok: p95 <= 16 }]
      })
}

/** Sections that a goal above reads; every other section gets its goals found generically. */
export const KNOWN_SECTIONS = new Set([
  'generatedAt',
  'machine',
  'commit',
  'jsPerScreen',
  'saveLatencyMs',
  'outboxDrain',
  'vrScenes',
  'panoramaFirstFrameMs',
  'spike',
  'lighthouse',
  'warmStart',
  'mapIdle',
  'ingest',
  'guide',
  'guideLatency',
  'mapPack',
])

export function summaryRows(results: Results): SummaryRow[] {
  const rows: SummaryRow[] = []
  for (const g of GOALS) {
    const found = g.rows(results)
    if (found.length === 0) rows.push(row(g, { figure: '—' }))
    // Rows from a generic section name their own metric and goal.
    for (const f of found) rows.push('metric' in f ? f : row(g, f))
  }
  for (const key of Object.keys(results))
    if (!KNOWN_SECTIONS.has(key)) rows.push(...genericGoalRows(key, results[key]))
  return rows
}

import { isRecord, kb, ms, num, perSecond, str, table } from './format.ts'
import type { SummaryRow } from './summary.ts'

/**
 * Sections of results.json that this report has no dedicated code for (other benchmarks add
 * theirs as they land): their goals are found by convention, and their figures are listed as
 * they are. A goal is a numeric key `goalX` (or a `goal`/`goals`/`budget` object) beside the
 * figure `x` it bounds: `{ p95: 12, goalP95: 16 }`, `{ recordsPerSecond: 9e4, goals: {
 * recordsPerSecond: 5e4 } }`. Throughputs, ratios and scores must reach their goal; everything
 * else (times, sizes, counts) must stay under it.
 */

const LABEL_KEYS = [
  'name',
  'label',
  'metric',
  'case',
  'scenario',
  'screen',
  'scene',
  'page',
  'action',
  'db',
  'kind',
]
const atLeast = (key: string) => /persecond|persec|throughput|ratio|score|fps|speedup/i.test(key)

export function formatFigure(key: string, v: number): string {
  if (/persecond|persec/i.test(key)) return perSecond(v)
  if (/bytes/i.test(key)) return kb(v)
  if (/ms$|ms[A-Z]|^p\d\d|latency|seconds?$/i.test(key))
    return /seconds?$/i.test(key) ? `${v.toFixed(2)} s` : ms(v)
  return Number.isInteger(v) ? String(v) : v.toFixed(3)
}

const lcfirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1)

/** The figure a goal named `name` bounds, looked up beside it (also as p95 → latencyMs.p95). */
function figureFor(obj: Record<string, unknown>, name: string): { key: string; value: number } | undefined {
  for (const key of [name, lcfirst(name), name.toLowerCase()]) {
    const v = num(obj[key])
    if (v !== undefined) return { key, value: v }
  }
  for (const nested of Object.values(obj))
    if (isRecord(nested)) {
      const v = num(nested[lcfirst(name)] ?? nested[name.toLowerCase()])
      if (v !== undefined) return { key: lcfirst(name), value: v }
    }
  return undefined
}

function labelOf(obj: Record<string, unknown>): string | undefined {
  const parts = LABEL_KEYS.map(
    (k) => str(obj[k]) ?? (typeof obj[k] === 'number' ? `${k} ${obj[k]}` : undefined),
  )
  return parts.filter(Boolean).join(', ') || undefined
}

export function genericGoalRows(section: string, value: unknown): SummaryRow[] {
  const rows: SummaryRow[] = []
  const visit = (v: unknown, labels: string[], depth: number) => {
    if (depth > 6) return
    if (Array.isArray(v)) {
      for (const [i, item] of v.entries())
        visit(item, isRecord(item) && labelOf(item) ? labels : [...labels, `#${i + 1}`], depth + 1)
      return
    }
    if (!isRecord(v)) return
    const here = [...labels, ...(labelOf(v) ? [labelOf(v) as string] : [])]
    const goals: [string, number][] = []
    for (const [key, g] of Object.entries(v)) {
      const match = /^goal(.+)$/.exec(key)
      if (match?.[1] && num(g) !== undefined) goals.push([match[1], g as number])
      if ((key === 'goal' || key === 'goals' || key === 'budget') && isRecord(g))
        for (const [k, n] of Object.entries(g)) if (num(n) !== undefined) goals.push([k, n as number])
    }
    for (const [name, goal] of goals) {
      const figure = figureFor(v, name)
      if (!figure) continue
      const up = atLeast(name)
      rows.push({
        area: section,
        metric: [...here, figure.key].join(' · '),
        figure: formatFigure(figure.key, figure.value),
        goal: `${up ? '≥' : '≤'} ${formatFigure(figure.key, goal)}`,
        ok: up ? figure.value >= goal : figure.value <= goal,
      })
    }
    for (const [key, child] of Object.entries(v))
      if (key !== 'goal' && key !== 'goals' && key !== 'budget' && (isRecord(child) || Array.isArray(child)))
        visit(child, [...here, ...(Array.isArray(child) ? [] : [key])], depth + 1)
  }
  visit(value, [], 0)
  if (rows.length === 0 && value !== undefined)
    rows.push({
      area: section,
      metric: `${section} (no goal field in results.json)`,
      figure: 'see its section',
      goal: '—',
      ok: null,
    })
  return rows
}

/** Every numeric or short string leaf of a section, path → value, for sections without their own renderer. */
export function genericSection(value: unknown, limit = 80): string {
  const rows: [string, string][] = []
  const visit = (v: unknown, path: string) => {
    if (rows.length >= limit) return
    if (Array.isArray(v)) {
      for (const [i, item] of v.entries()) visit(item, `${path}[${i}]`)
      return
    }
    if (isRecord(v)) {
      for (const [k, child] of Object.entries(v)) visit(child, path ? `${path}.${k}` : k)
      return
    }
    const n = num(v)
    if (n !== undefined) rows.push([path, formatFigure(path.split('.').at(-1) ?? '', n)])
    else if (typeof v === 'string' && v.length <= 120) rows.push([path, v])
    else if (typeof v === 'boolean') rows.push([path, v ? 'yes' : 'no'])
  }
  visit(value, '')
  return table(['field', 'value'], rows) + (rows.length >= limit ? `\n_First ${limit} fields only._\n` : '')
}

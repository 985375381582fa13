import { describe, expect, it } from 'vitest'
import { renderReport } from '../report.ts'
import { genericGoalRows } from './generic.ts'
import { summaryRows } from './summary.ts'

/**
 * The report is read by people deciding what to fix, so what it must never do is hide a goal:
 * a goal without a figure says "not measured", a figure is judged against its goal in the right
 * direction, and a section the report has no code for still shows its figures and goals.
 */

const rowOf = (rows: ReturnType<typeof summaryRows>, metric: string) => rows.find((r) => r.metric === metric)

describe('summary', () => {
  it('lists every goal as not measured when results.json has nothing', () => {
    const rows = summaryRows({ generatedAt: '2026-01-01T00:00:00Z' })
    expect(rows.length).toBeGreaterThan(15)
    expect(rows.every((r) => r.ok === undefined && r.figure === '—')).toBe(true)
    expect(rowOf(rows, 'quiz answer: tap to durably saved p95, 4× CPU')?.goal).toBe('≤ 16 ms')
  })

  it('judges the drain against 20k/s and PouchDB of the same run, as a ratio', () => {
    const rows = summaryRows({
      outboxDrain: [
        {
          records: 10_000,
          recordsPerSecond: 25_000,
          bytesPerRecord: 250,
          peers: [
            { batchSize: 100, recordsPerSecond: 4000 },
            { batchSize: 500, recordsPerSecond: 5000 },
          ],
        },
      ],
    })
    const drain = rowOf(rows, 'outbox drain, 10k records, loopback')
    expect(drain).toMatchObject({ ok: true, ratio: '5.00×', peer: 'PouchDB 5000/s (batch 500)' })
    expect(rowOf(rows, 'outbox drain ÷ PouchDB, same run')?.ok).toBe(true)
    expect(rowOf(rows, 'bytes per record on the wire')?.ok).toBe(false)
    expect(rowOf(rows, 'outbox drain, 100k records, loopback')?.ok).toBeUndefined()
  })

  it('misses a save goal only at 4× CPU', () => {
    const rows = summaryRows({
      saveLatencyMs: [
        { action: 'check-in', cpuSlowdown: 1, p50: 5, p95: 30, samples: 8 },
        { action: 'check-in', cpuSlowdown: 4, p50: 5, p95: 12, samples: 8 },
      ],
    })
    expect(rowOf(rows, 'check-in: tap to durably saved p95, 4× CPU')?.ok).toBe(true)
  })

  it('judges warm start: the check-in screen by its goal, the map by its goal beside bare maplibre', () => {
    const rows = summaryRows({
      warmStart: { metric: 'check-in screen usable', viewer: 'hongtu', medianMs: 808, goalMedianMs: 1000 },
      mapIdle: {
        viewers: [
          { viewer: 'hongtu', medianMs: 1600 },
          { viewer: 'maplibre, 2k GeoJSON points', medianMs: 1000 },
        ],
      },
    })
    expect(rowOf(rows, 'check-in screen usable, 4× CPU, median of 3')).toMatchObject({
      figure: '808 ms',
      ok: true,
    })
    expect(rowOf(rows, 'first map idle, 4× CPU, median of 3')).toMatchObject({
      figure: '1600 ms',
      ok: false,
      peer: 'maplibre, 2k GeoJSON points 1000 ms',
      ratio: '1.60× maplibre, 2k GeoJSON points',
    })
  })
})

describe('sections the report has no code for', () => {
  it('finds goals beside their figures, in the right direction', () => {
    const rows = genericGoalRows('guide', {
      runs: [
        { name: 'command to headset', latencyMs: { p95: 120 }, goalP95: 100 },
        { name: 'throughput', recordsPerSecond: 60_000, goals: { recordsPerSecond: 50_000 } },
      ],
    })
    expect(rows.map((r) => [r.metric, r.ok])).toEqual([
      ['command to headset · p95', false],
      ['throughput · recordsPerSecond', true],
    ])
  })

  it('renders a section without goals, and says it has none', () => {
    const md = renderReport({ ingest: { sqlite: { rowsPerSecond: 61_000 } } })
    expect(md).toContain('## ingest')
    expect(md).toContain('| sqlite.rowsPerSecond | 61.0k/s |')
    expect(md).toContain('ingest (no goal field in results.json)')
  })
})

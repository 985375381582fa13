import { describe, expect, it } from 'vitest'
import { renderReport } from '../report.ts'

/**
 * The server-ingest section (bench/server-ingest.ts) in bench/REPORT.md: each way of measuring
 * on each database judged against both goals of notes/performance.md, in its own section and in
 * the summary; no generic dump of the same figures.
 */
const run = (over: Record<string, unknown>) => ({
  db: 'sqlite',
  case: 'ingest() in-process, 500 records per call',
  batches: 100,
  records: 50_000,
  p50Ms: 9,
  p95Ms: 12,
  p99Ms: 20,
  maxMs: 21,
  goalP99Ms: 100,
  rowsPerSecond: 55_000,
  goalRowsPerSecond: 50_000,
  ...over,
})

describe('server ingest in the report', () => {
  it('judges the p99 and the rows per second of each case, in the section and the summary', () => {
    const md = renderReport({
      ingest: {
        measuredAt: '2026-11-22T03:00:00.000Z',
        method: 'Batches one at a time.',
        runs: [
          run({}),
          run({ db: 'postgres', p99Ms: 140, rowsPerSecond: 30_000, serverMsPerPush: { p50: 7, p99: 19 } }),
        ],
      },
    })
    expect(md).toContain('## Server ingest (issue 4)')
    expect(md).toContain(
      '| sqlite | ingest() in-process, 500 records per call | 9.0 ms | 12.0 ms | 20.0 ms | ≤ 100 ms | ✓ | 55.0k/s | ≥ 50.0k/s | ✓ | — |',
    )
    expect(md).toContain('| 140 ms | ≤ 100 ms | ✗ | 30.0k/s | ≥ 50.0k/s | ✗ | 7.0 ms / 19.0 ms |')
    expect(md).toMatch(
      /\| ingest \| ingest\(\) in-process, 500 records per call, postgres · p99Ms \| 140 ms \| ≤ 100 ms \|.*✗ \|/,
    )
    expect(md).not.toContain('## ingest')
  })

  it('shows the store-alone floor without a verdict, and leaves it out of the summary', () => {
    const {
      goalP99Ms: _p,
      goalRowsPerSecond: _r,
      ...floor
    } = run({
      case: "the store alone: the push's statements on 500 rows checked beforehand",
      rowsPerSecond: 61_000,
    })
    const md = renderReport({
      ingest: { measuredAt: '2026-11-23T03:00:00.000Z', method: 'm', runs: [floor] },
    })
    expect(md).toContain(
      "| sqlite | the store alone: the push's statements on 500 rows checked beforehand | 9.0 ms | 12.0 ms | 20.0 ms | — | — | 61.0k/s | — | — | — |",
    )
    expect(md).not.toMatch(/\| ingest \| the store alone/)
  })
})

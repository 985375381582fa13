import { isRecord, list, ms, num, perSecond, str, table, verdict } from './format.ts'

/**
 * The server-ingest section of bench/REPORT.md (bench/server-ingest.ts writes `ingest` into
 * results.json): per database and way of measuring, a 500-record batch's acknowledgement time and
 * the rows per second, each against its goal (notes/performance.md); the store-alone case has no
 * goal of its own: it is the floor the others are read by.
 */
export function ingestSection(r: Record<string, unknown>): string | undefined {
  const s = isRecord(r.ingest) ? r.ingest : undefined
  const runs = list(s?.runs).filter(isRecord)
  if (runs.length === 0) return undefined
  const load = isRecord(s?.loadAverage) ? s.loadAverage : undefined
  const loadText = load
    ? `, load average ${num(load.start)?.toFixed(1)} → ${num(load.end)?.toFixed(1)} on the shared machine`
    : ''
  return [
    `${str(s?.method) ?? ''} Measured ${str(s?.measuredAt) ?? 'at an unknown date'}${loadText} (\`npm run bench:ingest\`, or within \`npm run bench\`).\n`,
    table(
      ['db', 'how', 'p50', 'p95', 'p99', 'goal p99', '', 'rows/s', 'goal', '', 'server per push p50 / p99'],
      runs.map((run) => {
        const p99 = num(run.p99Ms)
        const goalP99 = num(run.goalP99Ms)
        const rows = num(run.rowsPerSecond)
        const goalRows = num(run.goalRowsPerSecond)
        const server = isRecord(run.serverMsPerPush) ? run.serverMsPerPush : undefined
        return [
          str(run.db),
          str(run.case),
          ms(num(run.p50Ms) ?? Number.NaN),
          ms(num(run.p95Ms) ?? Number.NaN),
          p99 === undefined ? '—' : ms(p99),
          goalP99 === undefined ? '—' : `≤ ${ms(goalP99)}`,
          goalP99 === undefined ? '—' : verdict(p99 === undefined ? undefined : p99 <= goalP99),
          rows === undefined ? '—' : perSecond(rows),
          goalRows === undefined ? '—' : `≥ ${perSecond(goalRows)}`,
          goalRows === undefined ? '—' : verdict(rows === undefined ? undefined : rows >= goalRows),
          server ? `${ms(num(server.p50) ?? Number.NaN)} / ${ms(num(server.p99) ?? Number.NaN)}` : '—',
        ]
      }),
    ),
  ].join('\n')
}

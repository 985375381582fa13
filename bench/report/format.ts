/** Number and table formatting for bench/REPORT.md. Kilobytes are 1000 bytes, as the budgets count them. */

export const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`
export const ms = (v: number) =>
  v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${v.toFixed(v < 100 ? 1 : 0)} ms`
export const perSecond = (v: number) =>
  `${v >= 10_000 ? `${(v / 1000).toFixed(1)}k` : v.toFixed(v < 100 ? 1 : 0)}/s`
export const ratio = (v: number) => `${v.toFixed(v < 0.1 ? 3 : v < 10 ? 2 : 1)}×`
export const int = (v: number) => Math.round(v).toLocaleString('en-US')

/** A cell's text, safe inside a Markdown table. */
export const cell = (v: unknown) =>
  (v === null || v === undefined ? '—' : String(v)).replace(/\|/g, '\\|').replace(/\n/g, ' ')

export function table(head: readonly string[], rows: readonly (readonly unknown[])[]): string {
  if (rows.length === 0) return '_No rows._\n'
  const line = (cells: readonly unknown[]) => `| ${cells.map(cell).join(' | ')} |`
  return `${[line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n')}\n`
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

export const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])

/** ✓ when met, ✗ when missed, "not measured" when there is no figure, — when there is no goal. */
export const verdict = (ok: boolean | null | undefined) =>
  ok === undefined ? 'not measured' : ok === null ? '—' : ok ? '✓' : '✗'

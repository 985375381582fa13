import type { ArchiveTable, Cell } from './tables.ts'

/**
 * A table as a CSV file that Excel on a Chinese Windows PC opens correctly: UTF-8 with a byte
 * order mark (without one Excel reads the bytes as GBK and garbles every Chinese character),
 * RFC 4180 quoting and CRLF line ends.
 *
 * Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that begins with = + -
 * or @ (and, in some, a tab or carriage return) as a formula, and member-written text (a
 * reflection, a name) ends up in these files. Such a text cell gets a leading apostrophe, which
 * Excel shows as text and does not evaluate. Numbers are written as numbers and never guarded.
 */

const FORMULA_START = /^[=+\-@\t\r]/

export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

export function csvField(cell: Cell): string {
  if (cell === null) return ''
  const text = typeof cell === 'number' ? String(cell) : guardFormula(cell)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function tableToCsv(table: Pick<ArchiveTable, 'header' | 'rows'>): string {
  const lines = [table.header, ...table.rows].map((row) => row.map(csvField).join(','))
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

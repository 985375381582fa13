import ExcelJS from 'exceljs'
import { type ArchiveTables, type Cell, isTimeHeader } from '../../src/domain/archive/tables.ts'

/**
 * The archive as an .xlsx workbook (exceljs, server only): the summary, the detail and the
 * reflections as three sheets, a bold frozen header row on each. Cells hold the tables' values
 * as they are (numbers as numbers, text as text cells, which Excel never evaluates as formulas,
 * so unlike the CSV no apostrophe guard is needed). Times are date cells, not text, so that a
 * trainer can sort and filter by them: Excel has no time zones, so a cell holds the China
 * wall-clock time the column's header names.
 */
/**
 * Characters XML 1.0 does not allow (C0 controls but tab and line breaks, U+FFFE, U+FFFF, a
 * lone surrogate) as U+FFFD. A member's reflection may hold any of them, and one such character
 * in a shared string makes the whole workbook a file Excel refuses to open.
 */
const allowedInXml = (cp: number) =>
  cp === 0x9 ||
  cp === 0xa ||
  cp === 0xd ||
  (cp >= 0x20 && cp <= 0xd7ff) ||
  (cp >= 0xe000 && cp <= 0xfffd) ||
  cp >= 0x10000

export function xmlText(text: string): string {
  let out = ''
  // By code point: a surrogate pair is one character (kept), a lone surrogate is one (replaced).
  for (const ch of text) out += allowedInXml(ch.codePointAt(0) ?? 0) ? ch : '\uFFFD'
  return out
}

/** Excel shows a date cell as this; the same as the CSV's text. */
const TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss'

/**
 * `YYYY-MM-DD HH:mm:ss` (chinaTime) as a Date whose UTC fields are those numbers: exceljs turns a
 * Date into Excel's serial day count from its UTC time, so the cell shows the China time as is.
 */
export function wallClockDate(text: string): Date | undefined {
  const m = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)$/.exec(text)
  if (!m) return undefined
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number]
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s))
}

const xlsxValue = (cell: Cell, time: boolean) =>
  typeof cell === 'string' ? (time && wallClockDate(cell)) || xmlText(cell) : (cell ?? undefined)

export async function tablesToXlsx(tables: ArchiveTables, created: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '红途 Hongtu'
  wb.created = created
  wb.modified = created
  for (const table of [tables.summary, tables.detail, tables.reflections]) {
    const sheet = wb.addWorksheet(table.title, { views: [{ state: 'frozen', ySplit: 1 }] })
    sheet.addRow([...table.header]).font = { bold: true }
    const times = table.header.map(isTimeHeader)
    for (const row of table.rows) sheet.addRow(row.map((cell, i) => xlsxValue(cell, times[i] === true)))
    sheet.columns.forEach((column, i) => {
      if (times[i]) column.numFmt = TIME_FORMAT
      const longest = Math.max(
        ...[table.header[i], ...table.rows.map((r) => r[i])].map((v) =>
          v === null || v === undefined ? 0 : String(v).length,
        ),
      )
      // Wide enough for a date-time or a short name; reflections wrap instead of running on.
      column.width = Math.min(Math.max(longest * 1.6, 8), 60)
    })
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

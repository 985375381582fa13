import ExcelJS from 'exceljs'
import type { ArchiveTables } from '../../src/domain/archive/tables.ts'

/**
 * The archive as an .xlsx workbook (exceljs, server only): the summary, the detail and the
 * reflections as three sheets, a bold frozen header row on each. Cells hold the tables' values
 * as they are (numbers as numbers, text as text cells, which Excel never evaluates as formulas,
 * so unlike the CSV no apostrophe guard is needed).
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

export async function tablesToXlsx(tables: ArchiveTables, created: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '红途 Hongtu'
  wb.created = created
  wb.modified = created
  for (const table of [tables.summary, tables.detail, tables.reflections]) {
    const sheet = wb.addWorksheet(table.title, { views: [{ state: 'frozen', ySplit: 1 }] })
    sheet.addRow([...table.header]).font = { bold: true }
    for (const row of table.rows)
      sheet.addRow(row.map((cell) => (typeof cell === 'string' ? xmlText(cell) : (cell ?? undefined))))
    sheet.columns.forEach((column, i) => {
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

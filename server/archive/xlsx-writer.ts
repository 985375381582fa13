import ExcelJS from 'exceljs'
import type { ArchiveTables } from '../../src/domain/archive/tables.ts'

/**
 * The archive as an .xlsx workbook (exceljs, server only): the summary, the detail and the
 * reflections as three sheets, a bold frozen header row on each. Cells hold the tables' values
 * as they are (numbers as numbers, text as text cells, which Excel never evaluates as formulas,
 * so unlike the CSV no apostrophe guard is needed).
 */
export async function tablesToXlsx(tables: ArchiveTables, created: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '红途 Hongtu'
  wb.created = created
  wb.modified = created
  for (const table of [tables.summary, tables.detail, tables.reflections]) {
    const sheet = wb.addWorksheet(table.title, { views: [{ state: 'frozen', ySplit: 1 }] })
    sheet.addRow([...table.header]).font = { bold: true }
    for (const row of table.rows) sheet.addRow(row.map((cell) => cell ?? undefined))
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

/**
 * Why: the archive files are opened in Excel by people who never see their bytes. These check
 * the small rules a spreadsheet and a browser depend on, one by one: quoting, the formula guard,
 * the byte order mark, and a download name that survives Chinese and hostile characters.
 */
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { parseCsv } from '../../server/admin/csv.ts'
import { contentDisposition, safeFileName } from '../../server/archive/download.ts'
import { tablesToXlsx, wallClockDate, xmlText } from '../../server/archive/xlsx-writer.ts'
import { csvField, guardFormula, tableToCsv } from '../../src/domain/archive/csv-writer.ts'
import { chinaTime, timeHeader } from '../../src/domain/archive/tables.ts'

describe('CSV cells', () => {
  it('quotes commas, quotes and line breaks as RFC 4180 says, and reads back whole', () => {
    const cells = ['a,b', 'say "hi"', 'two\nlines', 'plain', 83.3, null]
    expect(cells.map(csvField)).toEqual(['"a,b"', '"say ""hi"""', '"two\nlines"', 'plain', '83.3', ''])
    const csv = tableToCsv({ header: ['x', 'y'], rows: [['a,b', 'two\r\nlines']] })
    expect(csv.startsWith('\uFEFFx,y\r\n')).toBe(true)
    expect(parseCsv(csv)).toEqual([
      ['x', 'y'],
      ['a,b', 'two\r\nlines'],
    ])
  })

  it('guards text that a spreadsheet would run as a formula, and nothing else', () => {
    for (const t of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(guardFormula(t)).toBe(`'${t}`)
    for (const t of ['1+1', '李红梅', "'=already", 'a=b']) expect(guardFormula(t)).toBe(t)
    expect(csvField(-1)).toBe('-1')
  })
})

describe('download names', () => {
  it('gives an ASCII name and the Chinese one percent-encoded (RFC 6266, RFC 8187)', () => {
    const header = contentDisposition('学员档案-六月班(一).csv', 'hongtu-archive-x.csv')
    expect(header).toBe(
      `attachment; filename="hongtu-archive-x.csv"; filename*=UTF-8''${encodeURIComponent('学员档案-六月班')}%28${encodeURIComponent('一')}%29.csv`,
    )
  })

  it('takes out characters no file system allows, quotes and control characters', () => {
    expect(safeFileName('a/b\\c:d*e?f"g<h>i|j\nk')).toBe('a_b_c_d_e_f_g_h_i_j_k')
    expect(contentDisposition('x"y.csv', 'x"y.csv')).toMatch(/^attachment; filename="x_y\.csv"; /)
  })
})

describe('XLSX text', () => {
  it('writes characters XML cannot hold as U+FFFD, so one reflection cannot spoil the workbook', async () => {
    const hostile = 'a\u0001b\uFFFEc\uFFFFd\uD800e\uDC00f'
    expect(xmlText(hostile)).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf')
    // Tabs, line breaks, CJK and a real surrogate pair (an emoji) stay as they are.
    expect(xmlText('心得\t一\n二\r三 😀')).toBe('心得\t一\n二\r三 😀')
    const table = { title: 'T', header: ['text'], rows: [[hostile]] }
    const named = (title: string) => ({ ...table, title })
    const bytes = await tablesToXlsx(
      { summary: named('S'), detail: named('D'), reflections: named('R') },
      new Date(0),
    )
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(bytes as unknown as ArrayBuffer)
    const cell = String(wb.worksheets[0]?.getRow(2).getCell(1).value)
    for (const bad of ['\uFFFE', '\uFFFF', '\u0001']) expect(cell).not.toContain(bad)
    expect(cell).toContain('b\uFFFDc')
  })
})

describe('XLSX times', () => {
  it('writes a time column as date cells showing China time, which sort and filter as dates', async () => {
    const at = chinaTime('2026-06-01T02:05:09.000Z') as string
    expect(at).toBe('2026-06-01 10:05:09')
    const table = {
      title: 'T',
      header: ['姓名 Name', timeHeader('打卡时间', 'Checked in at')],
      rows: [
        ['李红梅', at],
        ['王建国', null],
      ],
    }
    const bytes = await tablesToXlsx(
      { summary: table, detail: { ...table, title: 'D' }, reflections: { ...table, title: 'R' } },
      new Date(0),
    )
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(bytes as unknown as ArrayBuffer)
    const cell = wb.getWorksheet('T')?.getRow(2).getCell(2)
    if (!cell) throw new Error('no sheet T')
    expect(cell.value).toBeInstanceOf(Date)
    expect((cell.value as Date).toISOString()).toBe('2026-06-01T10:05:09.000Z')
    expect(cell.numFmt).toBe('yyyy-mm-dd hh:mm:ss')
    expect(wb.worksheets[0]?.getRow(3).getCell(2).value).toBeNull()
    // A name is never taken for a time, even in a time-shaped text.
    expect(wb.worksheets[0]?.getRow(2).getCell(1).value).toBe('李红梅')
  })

  it('leaves text that is not a full time as text', () => {
    expect(wallClockDate('2026-06-01')).toBeUndefined()
    expect(wallClockDate('2026-06-01 10:05:09 extra')).toBeUndefined()
    expect(wallClockDate('2026-06-01 10:05:09')?.toISOString()).toBe('2026-06-01T10:05:09.000Z')
  })
})

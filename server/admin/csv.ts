/**
 * A small RFC 4180 CSV reader: comma-separated, fields optionally in double quotes, "" for a
 * quote inside one, quoted fields may span lines, CRLF or LF line ends, a UTF-8 BOM ignored
 * (Excel writes one). Returns rows of fields; blank lines are skipped.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  const endRow = () => {
    row.push(field)
    if (row.length > 1 || row[0] !== '') rows.push(row)
    row = []
    field = ''
  }
  for (; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"' && field === '') quoted = true
    else if (ch === ',') {
      row.push(field)
      field = ''
    } else if (ch === '\n') endRow()
    else if (ch === '\r') {
      if (text[i + 1] !== '\n') endRow()
    } else field += ch
  }
  if (quoted) throw new Error('the file ends inside a quoted field (a " is missing)')
  if (field !== '' || row.length > 0) endRow()
  return rows
}

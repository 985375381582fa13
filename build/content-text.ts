import { readFileSync } from 'node:fs'

/**
 * Guards between a content file's bytes and the YAML parser (content-loader.ts), each found by
 * the content fuzz tests (tests/fuzz/content-files.test.ts): text that is not UTF-8 used to be
 * read as U+FFFD and built into the pack, and text nested deeply enough made the YAML parser
 * overflow its stack, after which V8 could abort the whole process.
 */

/** The file's text, or the line of its first byte that is not UTF-8. */
export function readUtf8(abs: string): { readonly text: string } | { readonly badLine: number } {
  const bytes = readFileSync(abs)
  const text = bytes.toString('utf8')
  const again = Buffer.from(text, 'utf8')
  if (again.equals(bytes)) return { text }
  // Valid UTF-8 comes back byte for byte; the first difference is at the first bad sequence.
  let at = 0
  while (at < bytes.length && bytes[at] === again[at]) at++
  let line = 1
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++
  return { badLine: line }
}

/**
 * Content nests a few levels; the parser overflows its stack near 1,000. Far below that, far
 * above any real file.
 */
export const MAX_NESTING = 200

/**
 * The deepest nesting of the text and the line where it is reached: flow brackets `[ {`
 * outside quoted scalars, plus block nesting (each space of indentation and each `- ` or `? `
 * that starts a line). An estimate that counts high rather than low.
 */
export function deepestNesting(text: string): { readonly depth: number; readonly line: number } {
  let deepest = { depth: 0, line: 1 }
  let line = 1
  let flow = 0
  let block = 0
  let lineStart = true
  let quote: '"' | "'" | undefined
  /** The last character that was not a space: a quote after one of these opens a quoted scalar. */
  let previous = '\n'
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string
    if (ch === '\n') {
      line++
      lineStart = true
      block = 0
      previous = '\n'
      continue
    }
    if (quote) {
      if (ch === '\\' && quote === '"') i++
      else if (ch === quote) {
        quote = undefined
        previous = ch
      }
      continue
    }
    const blank = ch === ' ' || ch === '\t'
    if (lineStart && (blank || ((ch === '-' || ch === '?') && /[ \t]/.test(text[i + 1] ?? '')))) {
      block++
      continue
    }
    lineStart = false
    if (blank) continue
    if ((ch === '"' || ch === "'") && '\n:[{,-?'.includes(previous)) quote = ch
    else if (ch === '#' && (previous === '\n' || /[ \t]/.test(text[i - 1] ?? ''))) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++
    } else if (ch === '[' || ch === '{') flow++
    else if ((ch === ']' || ch === '}') && flow > 0) flow--
    previous = ch
    if (flow + block > deepest.depth) deepest = { depth: flow + block, line }
  }
  return deepest
}

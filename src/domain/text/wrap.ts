/**
 * Line breaking for text drawn on a canvas (3D panels in the VR classroom), where the browser's
 * own layout is not available. Chinese breaks between any two characters, Latin only between
 * words, and the common kinsoku rules of Chinese typesetting hold: closing punctuation never
 * starts a line and opening punctuation never ends one (the character moves with its neighbour).
 *
 * `measure` gives the width of a string in the caller's units (canvas pixels); it is called on
 * whole candidate lines so kerning and proportional Latin are measured as drawn.
 */

/** Never at the start of a line: closing brackets and quotes, and sentence punctuation. */
const NO_LINE_START = new Set([...'，。、；：！？）」』】》〉”’…—,.;:!?)]}%'])
/** Never at the end of a line: opening brackets and quotes. */
const NO_LINE_END = new Set([...'（「『【《〈“‘([{'])

/**
 * A straight double quote (") is the same character at both ends of a quotation: it opens one at
 * the start of the text, after a space or after an opening bracket, and closes one anywhere else.
 */
function straightQuoteOpens(previous: string | undefined): boolean {
  return previous === undefined || /\s/.test(previous) || NO_LINE_END.has(previous)
}

/** Splits a paragraph into unbreakable pieces: one CJK character, or one Latin word with its trailing spaces. */
export function breakOpportunities(paragraph: string): string[] {
  const pieces: string[] = []
  let word = ''
  // An opening straight quote, held for the piece it begins (a line never ends on it).
  let opening = ''
  const push = (piece: string) => {
    pieces.push(opening + piece)
    opening = ''
  }
  let previous: string | undefined
  for (const ch of paragraph) {
    const latin = /[\p{Script=Latin}\p{Nd}'’\-_/@#&+*=<>~^`|\\$]/u.test(ch)
    if (ch === '"' && straightQuoteOpens(previous)) {
      if (word) push(word)
      word = ''
      opening += ch
    } else if (ch === '"') {
      // A closing one stays with what it closes (a line never starts with it).
      if (word) word += ch
      else if (pieces.length > 0) pieces[pieces.length - 1] += ch
      else push(ch)
    } else if (latin) {
      // A space ends a word; a letter after trailing spaces starts the next one.
      if (word.endsWith(' ')) {
        push(word)
        word = ''
      }
      word += ch
    } else if (ch === ' ') {
      word += ch
    } else {
      if (word) push(word)
      word = ''
      push(ch)
    }
    previous = ch
  }
  if (word || opening) push(word)
  return glueKinsoku(pieces)
}

/** Joins punctuation to the piece it must stay with, so no break is ever offered beside it. */
function glueKinsoku(pieces: string[]): string[] {
  const out: string[] = []
  for (const piece of pieces) {
    const first = [...piece][0] ?? ''
    const previous = out[out.length - 1]
    const previousLast = previous === undefined ? '' : ([...previous.trimEnd()].pop() ?? '')
    if (previous !== undefined && (NO_LINE_START.has(first) || NO_LINE_END.has(previousLast)))
      out[out.length - 1] = previous + piece
    else out.push(piece)
  }
  return out
}

/**
 * Wraps text to lines no wider than `maxWidth` (when given), keeping explicit line breaks. A
 * single piece wider than the line (a very long word) is cut character by character.
 */
export function wrapText(
  text: string,
  maxWidth: number | undefined,
  measure: (s: string) => number,
): string[] {
  const lines: string[] = []
  for (const paragraph of text.split('\n')) {
    if (maxWidth === undefined || measure(paragraph) <= maxWidth) {
      lines.push(paragraph.trimEnd())
      continue
    }
    let line = ''
    for (const piece of breakOpportunities(paragraph)) {
      const candidate = line + piece
      if (measure(candidate.trimEnd()) <= maxWidth || line === '') {
        if (line === '' && measure(piece.trimEnd()) > maxWidth) {
          line = cutLongPiece(piece, maxWidth, measure, lines)
          continue
        }
        line = candidate
      } else {
        lines.push(line.trimEnd())
        line = piece.trimStart()
        if (measure(line.trimEnd()) > maxWidth) line = cutLongPiece(line, maxWidth, measure, lines)
      }
    }
    lines.push(line.trimEnd())
  }
  return lines
}

/** Pushes full lines of an over-long piece and returns its remainder. */
function cutLongPiece(
  piece: string,
  maxWidth: number,
  measure: (s: string) => number,
  lines: string[],
): string {
  let line = ''
  for (const ch of piece) {
    if (line !== '' && measure(line + ch) > maxWidth) {
      lines.push(line.trimEnd())
      line = ''
    }
    line += ch
  }
  return line
}

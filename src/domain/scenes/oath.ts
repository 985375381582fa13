/**
 * The oath's lines as the ceremony shows them one at a time: the text split at its commas
 * (full-width ，), each line without its comma, the closing full stop kept on the last line.
 */
export function splitOathLines(text: string): string[] {
  return text
    .trim()
    .split('，')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
}

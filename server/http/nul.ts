/**
 * U+0000 in input. PostgreSQL `text` cannot hold it: a query that stores or merely compares a
 * string with a NUL fails as a whole ("invalid byte sequence for encoding UTF8: 0x00"), which
 * was a 500, while SQLite stored it. So the server refuses a NUL in any string it is sent, on
 * both databases alike, as an input error naming the field that has it.
 */
export const NUL_MESSAGE = 'contains a NUL character (U+0000), which cannot be stored'

/**
 * The dot-separated path of the first string (or object key) holding U+0000, in document
 * order, or undefined. Iterative, so a body nested 100,000 levels deep cannot overflow the
 * stack.
 */
export function nulPath(value: unknown): string | undefined {
  // Fast path for the usual case (every record of a push): JSON writes U+0000 as \u0000, so
  // text without that sequence holds no NUL. Too deep for JSON.stringify: walk it.
  try {
    if (!JSON.stringify(value)?.includes('\\u0000')) return undefined
  } catch {}
  return walk(value)
}

function walk(value: unknown): string | undefined {
  // Each entry links to its parent, so no path is copied unless it is the answer.
  type Entry = { readonly node: unknown; readonly key: string; readonly parent: Entry | undefined }
  const pathOf = (e: Entry) => {
    const keys: string[] = []
    for (let at: Entry | undefined = e; at?.parent !== undefined; at = at.parent) keys.push(at.key)
    return keys.reverse().join('.')
  }
  const stack: Entry[] = [{ node: value, key: '', parent: undefined }]
  while (stack.length > 0) {
    const entry = stack.pop() as Entry
    const { node } = entry
    if (entry.key.includes('\u0000') || (typeof node === 'string' && node.includes('\u0000')))
      return pathOf(entry)
    if (node === null || typeof node !== 'object') continue
    const children: [string, unknown][] = Array.isArray(node)
      ? node.map((v, i) => [String(i), v])
      : Object.entries(node as Record<string, unknown>)
    for (let i = children.length - 1; i >= 0; i--) {
      const [key, child] = children[i] as [string, unknown]
      stack.push({ node: child, key, parent: entry })
    }
  }
  return undefined
}

/**
 * Which stored encoding of a static file to send, from the request's Accept-Encoding (RFC 9110
 * §12.5.3): the first of `available` (in the server's order of preference) that the client
 * accepts with a q-value above 0. `*` accepts any encoding not named; `identity` needs no
 * entry. Undefined means: send the file as it is.
 */
export type StoredEncoding = 'br' | 'gzip'

export function pickEncoding(
  header: string | undefined,
  available: readonly StoredEncoding[],
): StoredEncoding | undefined {
  if (!header) return undefined
  const q = new Map<string, number>()
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    if (!name) continue
    let weight = 1
    for (const p of params) {
      const [key, value] = p.trim().split('=')
      if (key === 'q') weight = Number(value)
    }
    q.set(name, Number.isFinite(weight) ? weight : 0)
  }
  const accepted = (encoding: string) => (q.get(encoding) ?? q.get('*') ?? 0) > 0
  return available.find(accepted)
}

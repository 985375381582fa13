/**
 * Reading the server's answer to a push, defensively: anything but the expected JSON shape
 * acknowledges nothing (a captive portal's 200 page, a proxy's error, a truncated body).
 *
 * Two shapes. The full one names each record's id. The minimal one (asked for with
 * `Prefer: return=minimal`, RFC 7240; the server confirms with `Preference-Applied`) gives the
 * results in the order the records were sent, without ids, plus the batch it answers: its
 * count and its first and last ids. The client accepts it only when that batch is exactly the
 * one it sent, so an answer can never settle records it was not about. It saves an id per
 * record on the wire: about half of what a batch costs once compressed.
 */
export interface SettledAnswer {
  readonly id: string
  readonly result: string
  readonly error?: { readonly code?: string; readonly path?: string }
}

export type PushAnswer =
  | { readonly kind: 'answer'; readonly results: readonly SettledAnswer[]; readonly serverTime?: string }
  | { readonly kind: 'unreadable' }

export const MINIMAL_PREFERENCE = 'return=minimal'

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

function errorOf(v: unknown): SettledAnswer['error'] {
  if (!isObject(v)) return undefined
  return {
    code: typeof v.code === 'string' ? v.code : undefined,
    path: typeof v.path === 'string' ? v.path : undefined,
  }
}

/** The full shape: `{ results: [{ id, result, error? }], serverTime }`; entries without an id are dropped. */
function fullResults(results: readonly unknown[]): SettledAnswer[] {
  return results.flatMap((r) =>
    isObject(r) && typeof r.id === 'string' && typeof r.result === 'string'
      ? [{ id: r.id, result: r.result, error: errorOf(r.error) }]
      : [],
  )
}

/**
 * The minimal shape: `{ batch: { count, first, last }, results: ['created' | { result, error }], serverTime }`,
 * accepted only for exactly the batch `sentIds`.
 */
function minimalResults(body: Record<string, unknown>, sentIds: readonly string[]): SettledAnswer[] | null {
  const batch = body.batch
  const results = body.results
  if (!isObject(batch) || !Array.isArray(results)) return null
  if (
    batch.count !== sentIds.length ||
    batch.first !== sentIds[0] ||
    batch.last !== sentIds.at(-1) ||
    results.length > sentIds.length
  )
    return null
  return results.flatMap((r, i) => {
    const id = sentIds[i] as string
    if (typeof r === 'string') return [{ id, result: r }]
    if (isObject(r) && typeof r.result === 'string')
      return [{ id, result: r.result, error: errorOf(r.error) }]
    return []
  })
}

export async function readPushAnswer(res: Response, sentIds: readonly string[]): Promise<PushAnswer> {
  if (!(res.headers.get('content-type') ?? '').includes('application/json')) return { kind: 'unreadable' }
  let body: unknown
  try {
    body = await res.json()
  } catch {
    return { kind: 'unreadable' }
  }
  if (!isObject(body) || !Array.isArray(body.results)) return { kind: 'unreadable' }
  const minimal = (res.headers.get('preference-applied') ?? '').includes(MINIMAL_PREFERENCE)
  const results = minimal ? minimalResults(body, sentIds) : fullResults(body.results)
  if (!results) return { kind: 'unreadable' }
  const sent = new Set(sentIds)
  return {
    kind: 'answer',
    // Only an answer naming an id we sent in this batch can settle anything.
    results: results.filter((r) => sent.has(r.id)),
    serverTime: typeof body.serverTime === 'string' ? body.serverTime : undefined,
  }
}

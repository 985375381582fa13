import type { ContentPack } from '../domain/content/pack.ts'

/**
 * Loads the content pack the build emitted (content/pack.json). The service worker precaches
 * it, so after the first visit this works offline. A failed load is not cached, so Retry works.
 *
 * The precache keeps whatever answered 200 when the app was installed: a captive portal's HTML
 * page, or a file cut short, stayed there and every later start failed, online too, until the
 * next release. So a pack that is not a pack is fetched once more past the precache (a URL it
 * does not hold), and a good one replaces the bad copy in the precache.
 */

export const CONTENT_PACK_URL = `${import.meta.env.BASE_URL}content/pack.json`

export function looksLikePack(v: unknown): v is ContentPack {
  if (typeof v !== 'object' || v === null) return false
  const p = v as Record<string, unknown>
  return (
    typeof p.version === 'string' &&
    Array.isArray(p.routes) &&
    Array.isArray(p.sites) &&
    Array.isArray(p.lessons)
  )
}

/** The pack in a response, or why not. */
export async function packIn(res: Response): Promise<ContentPack | Error> {
  // A captive portal answers 200 with an HTML page: check what we got, not only the status.
  if (!res.ok || !(res.headers.get('content-type') ?? '').includes('json'))
    return new Error(`content pack: HTTP ${res.status}`)
  const data: unknown = await res.json().catch(() => undefined)
  return looksLikePack(data) ? data : new Error('content pack: unexpected shape')
}

export async function fetchContentPack(fetchImpl: typeof fetch = fetch): Promise<ContentPack> {
  const first = await packIn(await fetchImpl(CONTENT_PACK_URL))
  if (!(first instanceof Error)) return first
  // Rare (a spoiled offline copy): its code loads only then.
  const { refetchPastPrecache } = await import('./content-repair.ts')
  const fresh = await refetchPastPrecache(fetchImpl)
  if (!fresh) throw first
  return fresh
}

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

function looksLikePack(v: unknown): v is ContentPack {
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
async function packIn(res: Response): Promise<ContentPack | Error> {
  // A captive portal answers 200 with an HTML page: check what we got, not only the status.
  if (!res.ok || !(res.headers.get('content-type') ?? '').includes('json'))
    return new Error(`content pack: HTTP ${res.status}`)
  const data: unknown = await res.json().catch(() => undefined)
  return looksLikePack(data) ? data : new Error('content pack: unexpected shape')
}

export async function fetchContentPack(
  fetchImpl: typeof fetch = fetch,
  cacheStorage: CacheStorage | undefined = globalThis.caches,
): Promise<ContentPack> {
  const first = await packIn(await fetchImpl(CONTENT_PACK_URL))
  if (!(first instanceof Error)) return first
  // Past the precache: its route matches the URL with its own query only.
  const fresh = await fetchImpl(`${CONTENT_PACK_URL}?fresh=${Date.now()}`, { cache: 'no-store' }).catch(
    () => undefined,
  )
  if (!fresh) throw first
  const copy = fresh.clone()
  const second = await packIn(fresh)
  if (second instanceof Error) throw first
  await repairPrecache(cacheStorage, copy).catch(() => {})
  return second
}

/** Puts a good pack over the precache's copy of content/pack.json (its key carries a revision). */
async function repairPrecache(cacheStorage: CacheStorage | undefined, good: Response): Promise<void> {
  if (!cacheStorage) return
  const path = new URL(CONTENT_PACK_URL, location.href).pathname
  for (const name of await cacheStorage.keys()) {
    if (!name.includes('precache')) continue
    const cache = await cacheStorage.open(name)
    for (const request of await cache.keys())
      if (new URL(request.url).pathname === path) await cache.put(request, good.clone())
  }
}

import type { ContentPack } from '../domain/content/pack.ts'
import { CONTENT_PACK_URL, packIn } from './content-source.ts'

/**
 * The content pack fetched once more past the precache (a URL it does not hold: its route
 * matches the URL with its own query only), and, when good, put over the precache's spoiled
 * copy of content/pack.json (its key carries a revision), so the next start works offline too.
 * Undefined when the network cannot give a good one either.
 */
export async function refetchPastPrecache(
  fetchImpl: typeof fetch,
  cacheStorage: CacheStorage | undefined = globalThis.caches,
): Promise<ContentPack | undefined> {
  const fresh = await fetchImpl(`${CONTENT_PACK_URL}?fresh=${Date.now()}`, { cache: 'no-store' }).catch(
    () => undefined,
  )
  if (!fresh) return undefined
  const copy = fresh.clone()
  const pack = await packIn(fresh)
  if (pack instanceof Error) return undefined
  await repairPrecache(cacheStorage, copy).catch(() => {})
  return pack
}

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

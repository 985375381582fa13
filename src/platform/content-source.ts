import type { ContentPack } from '../domain/content/pack.ts'

/**
 * Loads the content pack the build emitted (content/pack.json). The service worker precaches
 * it, so after the first visit this works offline. A failed load is not cached, so Retry works.
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

export async function fetchContentPack(fetchImpl: typeof fetch = fetch): Promise<ContentPack> {
  const res = await fetchImpl(CONTENT_PACK_URL)
  // A captive portal answers 200 with an HTML page: check what we got, not only the status.
  if (!res.ok || !(res.headers.get('content-type') ?? '').includes('json'))
    throw new Error(`content pack: HTTP ${res.status}`)
  const data: unknown = await res.json()
  if (!looksLikePack(data)) throw new Error('content pack: unexpected shape')
  return data
}

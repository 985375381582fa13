import { isQuotaError } from './storage/errors.ts'

/**
 * Downloads a route's extra files (lesson media, map tiles) into one Cache Storage cache,
 * which the service worker serves cache-first (vite.config.ts). Each file is stored whole by
 * one `cache.put`, so an interrupted or failed download leaves complete files only and is
 * resumed by skipping what is already cached.
 */
export const OFFLINE_CACHE = 'hongtu-offline-v1'

export interface DownloadItem {
  readonly url: string
  /** Best estimate of the size before downloading, in bytes. */
  readonly estBytes: number
}

export interface DownloadProgress {
  readonly done: number
  readonly total: number
  readonly bytes: number
}

export type DownloadResult =
  | { readonly kind: 'complete' }
  | { readonly kind: 'storage-full'; readonly done: number }
  | { readonly kind: 'failed'; readonly url: string; readonly status: number }
  | { readonly kind: 'network'; readonly done: number }
  | { readonly kind: 'aborted'; readonly done: number }

type CacheLike = Pick<Cache, 'match' | 'put'>

/** How many of the items are already stored. */
export async function cachedCount(items: readonly DownloadItem[], cache: CacheLike): Promise<number> {
  let n = 0
  for (const item of items) if (await cache.match(item.url)) n++
  return n
}

export async function downloadItems(
  items: readonly DownloadItem[],
  options: {
    cache: CacheLike
    fetch?: typeof fetch
    signal?: AbortSignal
    onProgress?: (p: DownloadProgress) => void
  },
): Promise<DownloadResult> {
  const doFetch = options.fetch ?? fetch
  let done = 0
  let bytes = 0
  const report = () => options.onProgress?.({ done, total: items.length, bytes })
  report()
  for (const item of items) {
    if (options.signal?.aborted) return { kind: 'aborted', done }
    if (await options.cache.match(item.url)) {
      done++
      report()
      continue
    }
    let response: Response
    try {
      response = await doFetch(item.url, { signal: options.signal })
    } catch {
      return options.signal?.aborted ? { kind: 'aborted', done } : { kind: 'network', done }
    }
    if (!response.ok) return { kind: 'failed', url: item.url, status: response.status }
    const body = await response.arrayBuffer()
    try {
      await options.cache.put(item.url, new Response(body, { headers: response.headers }))
    } catch (e) {
      if (isQuotaError(e)) return { kind: 'storage-full', done }
      throw e
    }
    done++
    bytes += body.byteLength
    report()
  }
  return { kind: 'complete' }
}

/** Asks our own server for a file's size without downloading it; 0 when unknown (offline). */
export async function headSize(url: string, doFetch: typeof fetch = fetch): Promise<number> {
  try {
    const r = await doFetch(url, { method: 'HEAD' })
    return Number(r.headers.get('content-length') ?? 0) || 0
  } catch {
    return 0
  }
}

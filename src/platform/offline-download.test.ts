import { describe, expect, it } from 'vitest'
import { cachedCount, downloadItems } from './offline-download.ts'

/** An in-memory Cache Storage cache (the browser's, which we do not own), with a byte quota. */
function memoryCache(quotaBytes = Number.POSITIVE_INFINITY) {
  const store = new Map<string, ArrayBuffer>()
  let used = 0
  return {
    store,
    async match(url: RequestInfo | URL) {
      const body = store.get(String(url))
      return body ? new Response(body) : undefined
    },
    async put(url: RequestInfo | URL, response: Response) {
      const body = await response.arrayBuffer()
      if (used + body.byteLength > quotaBytes) throw new DOMException('full', 'QuotaExceededError')
      used += body.byteLength
      store.set(String(url), body)
    },
  }
}

const items = ['a', 'b', 'c'].map((n) => ({ url: `/media/${n}.jpg`, estBytes: 100 }))
const serve = (fail?: string): typeof fetch =>
  (async (url: RequestInfo | URL) => {
    if (String(url) === fail) throw new TypeError('network down')
    return new Response(new Uint8Array(100), { status: 200 })
  }) as typeof fetch

describe('downloadItems', () => {
  it('stores every file and reports progress', async () => {
    const cache = memoryCache()
    const seen: number[] = []
    const r = await downloadItems(items, { cache, fetch: serve(), onProgress: (p) => seen.push(p.done) })
    expect(r).toEqual({ kind: 'complete' })
    expect(seen).toEqual([0, 1, 2, 3])
    expect(await cachedCount(items, cache)).toBe(3)
  })

  it('stops on a network failure, keeps the complete files, and resumes where it stopped', async () => {
    const cache = memoryCache()
    expect(await downloadItems(items, { cache, fetch: serve('/media/b.jpg') })).toEqual({
      kind: 'network',
      done: 1,
    })
    expect([...cache.store.keys()]).toEqual(['/media/a.jpg'])
    let fetched = 0
    const counting: typeof fetch = async (url, init) => {
      fetched++
      return serve()(url, init)
    }
    expect(await downloadItems(items, { cache, fetch: counting })).toEqual({ kind: 'complete' })
    expect(fetched).toBe(2)
  })

  it('stops cleanly when storage is full, writing nothing partial', async () => {
    const cache = memoryCache(250)
    expect(await downloadItems(items, { cache, fetch: serve() })).toEqual({ kind: 'storage-full', done: 2 })
    expect([...cache.store.keys()]).toEqual(['/media/a.jpg', '/media/b.jpg'])
  })

  it('refuses an error page instead of caching it', async () => {
    const cache = memoryCache()
    const notFound: typeof fetch = async () => new Response('nope', { status: 404 })
    expect(await downloadItems(items, { cache, fetch: notFound })).toEqual({
      kind: 'failed',
      url: '/media/a.jpg',
      status: 404,
    })
    expect(cache.store.size).toBe(0)
  })

  it('stops when aborted', async () => {
    const controller = new AbortController()
    controller.abort()
    expect(
      await downloadItems(items, { cache: memoryCache(), fetch: serve(), signal: controller.signal }),
    ).toEqual({
      kind: 'aborted',
      done: 0,
    })
  })
})

import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { precompressDir, shouldPrecompress } from '../../build/precompress-plugin.ts'
import { createApp } from '../../server/app.ts'

/**
 * The app's text files go compressed to browsers that accept it: the build writes a brotli and a
 * gzip copy beside each (build/precompress-plugin.ts), the server picks one by Accept-Encoding
 * (server/static-files.ts). Whatever is picked decodes to the file byte for byte.
 */
const dist = mkdtempSync(join(tmpdir(), 'hongtu-encoding-'))
const script = `${'export const stop = "枣园革命旧址";\n'.repeat(400)}`
const page = `<!doctype html><title>红途</title>${'<p>红色教育现场教学</p>'.repeat(100)}`
const image = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251))

beforeAll(async () => {
  mkdirSync(join(dist, 'assets'))
  writeFileSync(join(dist, 'index.html'), page)
  writeFileSync(join(dist, 'assets', 'app-1234.js'), script)
  writeFileSync(join(dist, 'assets', 'tiny-1234.js'), 'export {}')
  writeFileSync(join(dist, 'assets', 'photo.png'), image)
  await precompressDir(dist)
})
afterAll(() => rmSync(dist, { recursive: true, force: true }))

const get = (path: string, acceptEncoding?: string, accept = '*/*') =>
  createApp({ distDir: dist }).request(path, {
    headers: { accept, ...(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }) },
  })

const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer())

describe('compressed static files', () => {
  it('sends brotli to a browser that accepts it, and it decodes to the file', async () => {
    const res = await get('/assets/app-1234.js', 'gzip, deflate, br, zstd')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-encoding')).toBe('br')
    expect(res.headers.get('vary')).toBe('Accept-Encoding')
    expect(res.headers.get('content-type')).toContain('text/javascript')
    expect(res.headers.get('cache-control')).toContain('immutable')
    const body = await bytes(res)
    expect(body.length).toBeLessThan(Buffer.byteLength(script) / 10)
    expect(brotliDecompressSync(body).toString()).toBe(script)
  })

  it('sends gzip when brotli is not accepted', async () => {
    const res = await get('/assets/app-1234.js', 'gzip;q=1, br;q=0')
    expect(res.headers.get('content-encoding')).toBe('gzip')
    expect(gunzipSync(await bytes(res)).toString()).toBe(script)
  })

  it('sends the file as it is to a client that accepts neither, still varying by the header', async () => {
    for (const acceptEncoding of [undefined, 'identity', 'deflate']) {
      const res = await get('/assets/app-1234.js', acceptEncoding)
      expect(res.headers.get('content-encoding'), acceptEncoding).toBeNull()
      expect(res.headers.get('vary'), acceptEncoding).toBe('Accept-Encoding')
      expect((await bytes(res)).toString(), acceptEncoding).toBe(script)
    }
  })

  it('compresses the page the app opens on, deep links included', async () => {
    for (const path of ['/', '/routes/yanan-two-day']) {
      const res = await get(path, 'br', 'text/html')
      expect(res.headers.get('content-encoding'), path).toBe('br')
      expect(brotliDecompressSync(await bytes(res)).toString(), path).toBe(page)
      expect(res.headers.get('cache-control'), path).toBe('no-cache')
    }
  })

  it('leaves images and files too small to gain as they are', async () => {
    for (const path of ['/assets/photo.png', '/assets/tiny-1234.js']) {
      const res = await get(path, 'br, gzip')
      expect(res.headers.get('content-encoding'), path).toBeNull()
      expect(res.headers.get('vary'), path).toBeNull()
    }
    expect(await bytes(await get('/assets/photo.png', 'br'))).toEqual(image)
  })

  it('never answers with a copy older than the file (a file replaced after the build)', async () => {
    const patched = `${script}// patched\n`
    const file = join(dist, 'assets', 'patched-1234.js')
    writeFileSync(file, script)
    await precompressDir(dist)
    writeFileSync(file, patched)
    // The copies were written first; make sure the file is later even on a coarse clock.
    const later = new Date(Date.now() + 2000)
    utimesSync(file, later, later)
    const res = await get('/assets/patched-1234.js', 'br, gzip')
    expect(res.headers.get('content-encoding')).toBeNull()
    expect((await bytes(res)).toString()).toBe(patched)
  })

  it('picks text files of the build, never the headset emulator’s test-only chunks', () => {
    expect(shouldPrecompress('assets/index-abc.js', 50_000)).toBe(true)
    expect(shouldPrecompress('content/pack.json', 200_000)).toBe(true)
    expect(shouldPrecompress('assets/maplibre-gl-worker-x.mjs', 500_000)).toBe(true)
    expect(shouldPrecompress('assets/xr-dev-emulate-x.js', 500_000)).toBe(false)
    expect(shouldPrecompress('xr/panoramas/yanan.jpg', 600_000)).toBe(false)
    expect(shouldPrecompress('assets/small.js', 200)).toBe(false)
  })
})

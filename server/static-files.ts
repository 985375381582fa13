import { existsSync, readFileSync, statSync } from 'node:fs'
import { extname, join, normalize, sep } from 'node:path'
import type { Context } from 'hono'
import { PANORAMA_PRELOADS_FILE, panoramaPreloadLink } from '../scenes/panorama-preloads.ts'
import { pickEncoding, type StoredEncoding } from './http/accept-encoding.ts'

/**
 * Serves the built app from `distDir`. Hashed assets are cached for a year; the service
 * worker, the manifest and index.html are revalidated on every load, so an update is seen
 * as soon as the network is back. Page navigations that match no file get index.html, so
 * deep links such as /sites/zaoyuan or a QR code's /q/<token> open the app. A panorama
 * scene's page also names its image in a preload Link header, so the browser starts the
 * largest download of that screen with the page rather than after the app's scripts.
 *
 * Text files go compressed when the build stored a brotli or gzip copy beside them
 * (build/precompress-plugin.ts) and the browser accepts it; the answer varies by
 * Accept-Encoding either way, so a shared cache never hands a compressed body to a client that
 * cannot read it.
 */

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.mp3': 'audio/mpeg',
  '.txt': 'text/plain; charset=utf-8',
}

const SUFFIX: Record<StoredEncoding, string> = { br: '.br', gzip: '.gz' }
const PREFERENCE: readonly StoredEncoding[] = ['br', 'gzip']

/**
 * The file's compressed copies that exist (none for images and other already compressed files)
 * and are not older than it: a file changed after the build (a hot fix copied over one file of
 * dist/) must never be answered with the copy of what it was.
 */
function storedEncodings(file: string): StoredEncoding[] {
  const changed = statSync(file).mtimeMs
  return PREFERENCE.filter((e) => {
    const copy = statSync(file + SUFFIX[e], { throwIfNoEntry: false })
    return copy !== undefined && copy.mtimeMs >= changed
  })
}

/** The body to send and its headers: the best stored copy the client accepts, or the file. */
function encodedBody(
  c: Context,
  file: string,
): { body: Buffer<ArrayBuffer>; headers: Record<string, string> } {
  const stored = storedEncodings(file)
  if (stored.length === 0) return { body: readFileSync(file), headers: {} }
  const encoding = pickEncoding(c.req.header('accept-encoding'), stored)
  if (!encoding) return { body: readFileSync(file), headers: { Vary: 'Accept-Encoding' } }
  return {
    body: readFileSync(file + SUFFIX[encoding]),
    headers: { 'Content-Encoding': encoding, Vary: 'Accept-Encoding' },
  }
}

const REVALIDATE = new Set(['/index.html', '/sw.js', '/manifest.webmanifest', '/registerSW.js'])

export function createStaticHandler(distDir: string) {
  const root = normalize(distDir + sep)
  const indexPath = join(root, 'index.html')
  const preloadsPath = join(root, PANORAMA_PRELOADS_FILE)
  // A build without panorama scenes (or an older one) has no such file: no preload headers.
  const preloads: Record<string, string> = existsSync(preloadsPath)
    ? JSON.parse(readFileSync(preloadsPath, 'utf8'))
    : {}

  function fileFor(urlPath: string): string | undefined {
    let decoded: string
    try {
      decoded = decodeURIComponent(urlPath)
    } catch {
      return undefined
    }
    const abs = normalize(join(root, decoded))
    if (!abs.startsWith(root)) return undefined // path traversal
    return existsSync(abs) && statSync(abs).isFile() ? abs : undefined
  }

  return (c: Context) => {
    const path = new URL(c.req.url).pathname
    const file = fileFor(path === '/' ? '/index.html' : path)
    if (file) {
      const rel = `/${file.slice(root.length).split(sep).join('/')}`
      const immutable = rel.startsWith('/assets/')
      const { body, headers } = encodedBody(c, file)
      return c.body(body, 200, {
        ...headers,
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': immutable
          ? 'public, max-age=31536000, immutable'
          : REVALIDATE.has(rel)
            ? 'no-cache'
            : 'public, max-age=0, must-revalidate',
      })
    }
    // A page of the app: let the client router handle it. Browsers mark page loads as
    // navigations; a path may still contain dots (a QR link /q/HT1.<claims>.<sig>).
    const navigation =
      c.req.header('sec-fetch-mode') === 'navigate' || (c.req.header('accept') ?? '').includes('text/html')
    if ((navigation || extname(path) === '') && existsSync(indexPath)) {
      const preload = panoramaPreloadLink(preloads, path)
      const { body, headers } = encodedBody(c, indexPath)
      return c.body(body, 200, {
        ...headers,
        'Content-Type': TYPES['.html'] ?? '',
        'Cache-Control': 'no-cache',
        ...(preload ? { Link: preload } : {}),
      })
    }
    return c.json({ error: { code: 'not_found', path } }, 404)
  }
}

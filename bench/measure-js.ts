import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Browser } from '@playwright/test'

/**
 * Measures the JavaScript a screen loads on a cold visit (no service worker, empty cache):
 * every script response from the app's own origin, gzip-compressed at level 9 as the budget
 * in DESIGN.md counts it. Module workers (maplibre's) are counted too. Beside it, the bytes our
 * server actually sends a current browser: the build's brotli copy where there is one
 * (build/precompress-plugin.ts), the file as it is otherwise.
 */
export interface ScreenJs {
  readonly screen: string
  readonly path: string
  readonly files: readonly { name: string; gzipBytes: number; rawBytes: number; sentBytes: number }[]
  readonly gzipBytes: number
  readonly rawBytes: number
  readonly sentBytes: number
}

/** What the server sends a browser that accepts brotli (server/static-files.ts). */
function sentSize(file: string, rawBytes: number): number {
  return existsSync(`${file}.br`) ? statSync(`${file}.br`).size : rawBytes
}

export async function measureScreenJs(
  browser: Browser,
  baseURL: string,
  screen: { name: string; path: string; ready: string },
  distDir = 'dist',
): Promise<ScreenJs & { scriptBodies: string[] }> {
  const context = await browser.newContext({ serviceWorkers: 'block', baseURL })
  const page = await context.newPage()
  const seen = new Set<string>()
  const collect = (url: string) => {
    const u = new URL(url)
    if (u.origin === new URL(baseURL).origin && /\.(m?js)$/.test(u.pathname)) seen.add(u.pathname)
  }
  context.on('request', (r) => collect(r.url()))
  await page.goto(screen.path)
  await page.locator(screen.ready).first().waitFor({ timeout: 30_000 })
  // Let lazy chunks triggered by the first render (and the map worker) arrive.
  await page.waitForLoadState('networkidle')
  await context.close()
  const files = [...seen].sort().map((pathname) => {
    const file = join(distDir, pathname)
    const body = readFileSync(file)
    return {
      name: pathname,
      rawBytes: body.length,
      sentBytes: sentSize(file, body.length),
      gzipBytes: gzipSync(body, { level: 9 }).length,
      body: body.toString('utf8'),
    }
  })
  return {
    screen: screen.name,
    path: screen.path,
    files: files.map(({ body: _body, ...f }) => f),
    scriptBodies: files.map((f) => f.body),
    gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0),
    rawBytes: files.reduce((n, f) => n + f.rawBytes, 0),
    sentBytes: files.reduce((n, f) => n + f.sentBytes, 0),
  }
}

export const SCREENS = [
  { name: 'routes list (first screen)', path: '/', ready: 'h1:has-text("精品路线")' },
  { name: 'route with map', path: '/routes/yanan-two-day', ready: '[data-ready="true"]' },
  { name: 'site', path: '/sites/zaoyuan', ready: 'h1' },
] as const

/** DESIGN.md: JS on the first screen ≤ 150 KB gzip. */
export const FIRST_SCREEN_JS_BUDGET_BYTES = 150 * 1000
/** performance.md goal: the map screen ≤ 450 KB including the worker. */
export const MAP_SCREEN_JS_GOAL_BYTES = 450 * 1000

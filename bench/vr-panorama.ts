import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { Browser } from '@playwright/test'

/**
 * Time to the first frame of the same 4096 × 2048 panorama in our VR screen and in two peers
 * served from a local page (notes/performance.md): Pannellum and Marzipano. Cold visits (no
 * service worker, empty cache), mobile viewport, CPU throttled 4× through CDP, median of 3,
 * all in the same run; figures are reported as ratios to the peers, never gated on. Every page
 * marks one animation frame after the draw that shows the panorama: the peers after their first
 * render, ours after the first frame the app's first script paints (src/xr/panorama/), which is
 * the real image at the stage's view, full resolution (tests/e2e/vr-panorama-early.spec.ts).
 */
export interface FirstFrame {
  readonly viewer: string
  readonly runsMs: readonly number[]
  readonly medianMs: number
}

const require = createRequire(import.meta.url)
const PANORAMA = 'public/xr/panoramas/panorama-sample.jpg'

/** A loopback server for the peer pages (panorama viewers, a bare map), their libraries and the same JPEG. */
export async function servePeers(): Promise<{ server: Server; baseURL: string }> {
  const files: Record<string, [string, string]> = {
    '/pannellum.html': [join(import.meta.dirname, 'peers/pannellum.html'), 'text/html'],
    '/marzipano.html': [join(import.meta.dirname, 'peers/marzipano.html'), 'text/html'],
    '/peer/pannellum.js': [require.resolve('pannellum/build/pannellum.js'), 'text/javascript'],
    '/peer/pannellum.css': [require.resolve('pannellum/build/pannellum.css'), 'text/css'],
    '/peer/marzipano.js': [require.resolve('marzipano/dist/marzipano.js'), 'text/javascript'],
    '/pano.jpg': [PANORAMA, 'image/jpeg'],
    '/maplibre.html': [join(import.meta.dirname, 'peers/maplibre.html'), 'text/html'],
    '/peer/maplibre-gl.mjs': [require.resolve('maplibre-gl/dist/maplibre-gl.mjs'), 'text/javascript'],
    '/peer/maplibre-gl-worker.mjs': [
      require.resolve('maplibre-gl/dist/maplibre-gl-worker.mjs'),
      'text/javascript',
    ],
    '/peer/maplibre-gl.css': [require.resolve('maplibre-gl/dist/maplibre-gl.css'), 'text/css'],
  }
  const server = createServer((req, res) => {
    const file = files[(req.url ?? '/').split('?')[0] ?? '/']
    if (!file) return res.writeHead(404).end()
    res.writeHead(200, { 'content-type': file[1], 'cache-control': 'no-store' }).end(readFileSync(file[0]))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const address = server.address()
  return { server, baseURL: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` }
}

async function firstFrameMs(
  browser: Browser,
  url: string,
  mark: string,
  cpuSlowdown: number,
): Promise<number> {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 390, height: 844 } })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown })
  await page.goto(url)
  const ms = await page.waitForFunction((name) => performance.getEntriesByName(name)[0]?.startTime, mark, {
    timeout: 60_000,
    polling: 50,
  })
  const value = (await ms.jsonValue()) as number
  await context.close()
  return value
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN

export async function measurePanoramaFirstFrame(
  browser: Browser,
  appBaseURL: string,
  { cpuSlowdown = 4, runs = 3 } = {},
): Promise<FirstFrame[]> {
  const { server, baseURL } = await servePeers()
  const viewers = [
    { viewer: 'hongtu', url: `${appBaseURL}/vr/panorama-sample`, mark: 'hongtu:panorama-first-frame' },
    { viewer: 'pannellum', url: `${baseURL}/pannellum.html`, mark: 'peer:first-frame' },
    { viewer: 'marzipano', url: `${baseURL}/marzipano.html`, mark: 'peer:first-frame' },
  ]
  const results: FirstFrame[] = []
  try {
    const times = new Map<string, number[]>(viewers.map((v) => [v.viewer, []]))
    // Interleaved, so that drift over the run affects every viewer alike.
    for (let i = 0; i < runs; i++)
      for (const v of viewers)
        times.get(v.viewer)?.push(await firstFrameMs(browser, v.url, v.mark, cpuSlowdown))
    for (const v of viewers) {
      const runsMs = times.get(v.viewer) ?? []
      results.push({ viewer: v.viewer, runsMs, medianMs: median(runsMs) })
    }
  } finally {
    server.close()
  }
  return results
}

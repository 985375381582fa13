import type { BrowserContext } from '@playwright/test'
import { MAP_IDLE_MARK } from '../src/features/map/marks.ts'
import { onDiskContext } from './device-profile.ts'
import { servePeers } from './vr-panorama.ts'

/**
 * Warm start at 4× CPU (notes/performance.md): a member opens the installed app again. The app
 * was visited once (its service worker installed and controlling, its screens fetched), then
 * each run opens a new tab at 4× CPU and times, from the navigation's start:
 *
 * - the check-in screen usable: its 定位打卡 button enabled and painted (marked one animation
 *   frame after it appears in the DOM); goal ≤ 1.0 s;
 * - the route map's first `idle` (everything drawn, nothing loading: src/features/map/); goal
 *   ≤ 1.5 s, beside the peer of performance.md, a bare maplibre page with one GeoJSON source of
 *   2,000 points (bench/peers/maplibre.html), in the same run.
 *
 * Mobile viewport; median of `runs`, the cases interleaved so drift affects them alike. Noisy on
 * a shared machine: read beside the peer, never gate on it.
 */
export interface WarmStartTiming {
  /** 'hongtu' for ours, else the peer's name. */
  readonly viewer: string
  readonly path: string
  readonly runsMs: readonly number[]
  readonly medianMs: number
}

export interface WarmStart {
  readonly cpuSlowdown: number
  readonly viewport: string
  readonly runs: number
  readonly checkin: WarmStartTiming
  /** Ours and the bare maplibre peer. */
  readonly mapIdle: readonly WarmStartTiming[]
}

const PHONE = { hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } }
const CHECKIN_USABLE_MARK = 'bench:checkin-usable'

const median = (xs: readonly number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN

/**
 * Marks one animation frame after the check-in button is in the DOM and enabled. Runs in the
 * page as an init script: no named inner functions (tsx would wrap them in a helper the page
 * does not have).
 */
function markCheckinUsable(mark: string) {
  const observer = new MutationObserver(() => {
    for (const b of document.querySelectorAll('button'))
      if (b.textContent?.includes('定位打卡') && !b.disabled) {
        observer.disconnect()
        requestAnimationFrame(() => setTimeout(() => performance.mark(mark)))
        return
      }
  })
  // The document node itself, before it has an element: the observer sees the page being built.
  observer.observe(document, { childList: true, subtree: true, attributes: true })
}

async function timeToMark(
  context: BrowserContext,
  url: string,
  mark: string,
  cpuSlowdown: number,
): Promise<number> {
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown })
  await page.goto(url)
  const at = await page.waitForFunction((name) => performance.getEntriesByName(name)[0]?.startTime, mark, {
    timeout: 60_000,
    polling: 50,
  })
  const ms = (await at.jsonValue()) as number
  await page.close()
  return ms
}

/** Installs the app in `context`: first visit, service worker controlling, screens fetched once. */
async function install(context: BrowserContext, paths: readonly string[]) {
  const page = await context.newPage()
  await page.goto('/')
  await page.waitForFunction(
    async () => {
      const reg = await navigator.serviceWorker.ready
      return !!reg.active && !!navigator.serviceWorker.controller
    },
    undefined,
    { timeout: 30_000 },
  )
  for (const path of paths) {
    await page.goto(path)
    await page.waitForLoadState('networkidle')
  }
  await page.close()
}

export async function measureWarmStart(
  appBaseURL: string,
  {
    checkinSite,
    route,
    cpuSlowdown = 4,
    runs = 3,
  }: { checkinSite: string; route: string; cpuSlowdown?: number; runs?: number },
): Promise<WarmStart> {
  const checkinPath = `/sites/${checkinSite}/checkin`
  const routePath = `/routes/${route}`
  // Profiles on disk, as on a phone: the warm start reads the service worker's cache, the code
  // cache and IndexedDB from there (an incognito context keeps them in memory).
  const appDevice = await onDiskContext({ baseURL: appBaseURL, ...PHONE })
  const app = appDevice.context
  await app.addInitScript(markCheckinUsable, CHECKIN_USABLE_MARK)
  const { server, baseURL: peersURL } = await servePeers()
  const peerDevice = await onDiskContext({ baseURL: peersURL, serviceWorkers: 'block', ...PHONE })
  const peer = peerDevice.context
  const cases = [
    { viewer: 'hongtu', path: checkinPath, context: app, mark: CHECKIN_USABLE_MARK },
    { viewer: 'hongtu', path: routePath, context: app, mark: MAP_IDLE_MARK },
    { viewer: 'maplibre, 2k GeoJSON points', path: '/maplibre.html', context: peer, mark: 'peer:map-idle' },
  ]
  try {
    await install(app, [checkinPath, routePath])
    const times = cases.map((): number[] => [])
    for (let i = 0; i < runs; i++)
      for (const [k, c] of cases.entries())
        times[k]?.push(await timeToMark(c.context, c.path, c.mark, cpuSlowdown))
    const [checkin, ...maps] = cases.map(
      (c, k): WarmStartTiming => ({
        viewer: c.viewer,
        path: c.path,
        runsMs: times[k] ?? [],
        medianMs: median(times[k] ?? []),
      }),
    )
    if (!checkin) throw new Error('no check-in timing')
    return {
      cpuSlowdown,
      viewport: `${PHONE.viewport.width}x${PHONE.viewport.height}`,
      runs,
      checkin,
      mapIdle: maps,
    }
  } finally {
    await appDevice.close()
    await peerDevice.close()
    server.close()
  }
}

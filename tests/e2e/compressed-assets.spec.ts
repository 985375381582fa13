import type { Response } from '@playwright/test'
import { expect, test } from './fixtures.ts'

/**
 * A first visit on a slow link: the app's scripts, styles, page and content pack come brotli
 * compressed (the build stores the copies, the server picks them), the browser decodes them, and
 * the app works. The bytes that crossed the wire for the first screen's scripts stay within the
 * first screen's budget (budget.spec.ts counts them gzipped from dist/; here they are counted as
 * sent).
 */
test.use({ serviceWorkers: 'block' })

const FIRST_SCREEN_SCRIPT_BUDGET = 150 * 1024

interface Seen {
  readonly url: string
  readonly type: string
  readonly encoding: string | undefined
  readonly wireBytes: number
  readonly bodyBytes: number
}

async function seen(response: Response): Promise<Seen> {
  const headers = await response.allHeaders()
  const sizes = await response.request().sizes()
  return {
    url: new URL(response.url()).pathname,
    type: response.request().resourceType(),
    encoding: headers['content-encoding'],
    wireBytes: sizes.responseBodySize,
    bodyBytes: (await response.body()).length,
  }
}

test('the first visit downloads compressed text, and the app runs on it', async ({ page, app }) => {
  const pending: Promise<Seen>[] = []
  page.on('response', (r) => {
    if (r.status() === 200) pending.push(seen(r))
  })
  await app.openRoutes()
  await expect(page.getByRole('link', { name: /延安/ }).first()).toBeVisible()
  await page.waitForLoadState('networkidle')
  const responses = await Promise.all(pending)

  const scripts = responses.filter((r) => r.type === 'script')
  expect(scripts.length).toBeGreaterThan(3)
  // Files under a kilobyte go as they are (build/precompress-plugin.ts): headers outweigh the gain.
  const text = responses.filter((r) => ['script', 'document', 'stylesheet'].includes(r.type))
  for (const r of text.filter((r) => r.bodyBytes >= 1024)) expect(r.encoding, r.url).toBe('br')
  expect(text.filter((r) => r.encoding === 'br').length).toBeGreaterThan(3)
  const pack = responses.find((r) => r.url === '/content/pack.json')
  expect(pack?.encoding).toBe('br')

  const scriptBytes = scripts.reduce((n, r) => n + r.wireBytes, 0)
  expect(scriptBytes).toBeGreaterThan(20 * 1024)
  expect(scriptBytes).toBeLessThanOrEqual(FIRST_SCREEN_SCRIPT_BUDGET)
})

test('a route page paints its text before it asks for the map code, then shows the map', async ({
  page,
  app,
}) => {
  await page.addInitScript(() => {
    const w = window as { __leadFrameAt?: number; __paints?: (Element | null)[] }
    // The start of the first frame that holds the route's text (a frame callback runs just
    // before that frame is drawn). Timed on the page's own clock: the presentation time an LCP
    // entry carries can trail the frame by a few milliseconds on a loaded machine.
    new MutationObserver((_, observer) => {
      if (!document.querySelector('p.lead')) return
      observer.disconnect()
      requestAnimationFrame(() => {
        w.__leadFrameAt = performance.now()
      })
    }).observe(document, { childList: true, subtree: true })
    // Largest-contentful-paint entries reach only an observer.
    w.__paints = []
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { element: Element | null })[])
        w.__paints?.push(e.element)
    }).observe({ type: 'largest-contentful-paint', buffered: true })
  })
  await page.goto('/routes/yanan-two-day')
  await app.waitForMap()
  const { leadFrameAt, leadIsLargest, mapRequestedAt } = await page.evaluate(() => {
    const w = window as { __leadFrameAt?: number; __paints?: (Element | null)[] }
    const map = performance
      .getEntriesByType('resource')
      .find((e) => /\/assets\/RouteMap-[^/]+\.js$/.test(new URL(e.name).pathname))
    return {
      leadFrameAt: w.__leadFrameAt,
      leadIsLargest: (w.__paints ?? []).includes(document.querySelector('p.lead')),
      mapRequestedAt: map?.startTime,
    }
  })
  // The route's lead paragraph is the page's largest text, and the map's code is asked for only
  // after a frame has drawn it: on a slow link the text never waits behind 250 KB of map code.
  expect(leadIsLargest).toBe(true)
  expect(leadFrameAt).toBeGreaterThan(0)
  expect(mapRequestedAt).toBeGreaterThan(leadFrameAt as number)
})

import type { Page } from '@playwright/test'
import { onDiskContext } from './device-profile.ts'

/**
 * Tap-to-durably-saved latency, as the member experiences it: from the tap's event timestamp to
 * the moment the screen says "saved" — which the app shows only after the IndexedDB
 * transaction holding the record and its outbox entry has committed with strict durability.
 * Measured in headless Chromium, optionally with CDP CPU throttling (4× ≈ a mid-range phone).
 *
 * The page is a phone's (touch, mobile viewport) and is tapped, not clicked: a mouse click also
 * fires hover events at whatever the re-render put under the pointer, work a phone never does.
 * The probe resolves a promise in the page that the bench awaits with a plain evaluate: waiting
 * with Playwright's waitForFunction made it inject its own script into the page right after the
 * tap, on every new page, about 10 ms (1×) to 50 ms (4×) of its work inside the measured window.
 */
export interface LatencyStats {
  readonly samples: number
  readonly p50: number
  readonly p95: number
  readonly max: number
}

export function stats(values: number[]): LatencyStats {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN
  return { samples: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? Number.NaN }
}

/** Arms a one-shot probe: the tap's timestamp, and when `savedText` first appears in the DOM. */
async function armProbe(page: Page, savedText: string) {
  await page.evaluate((text) => {
    const w = window as unknown as { __probe: Probe }
    w.__probe = {} as Probe
    w.__probe.done = new Promise<void>((r) => (w.__probe.resolve = r))
    document.addEventListener('click', (e) => (w.__probe.tap = e.timeStamp), { capture: true, once: true })
    const observer = new MutationObserver(() => {
      if (document.body.textContent?.includes(text)) {
        w.__probe.saved = performance.now()
        observer.disconnect()
        w.__probe.resolve?.()
      }
    })
    observer.observe(document.body, { childList: true, subtree: true, characterData: true })
  }, savedText)
}

/** What a probe leaves on window: `done` resolves when the saved text appeared. */
interface Probe {
  done: Promise<void>
  resolve?: () => void
  tap?: number
  saved?: number
}

async function readProbe(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const p = (window as unknown as { __probe: Probe }).__probe
    await p.done
    if (p.tap === undefined || p.saved === undefined) throw new Error('the probe saw no tap')
    return p.saved - p.tap
  })
}

/** A phone's page: touch input and a mobile viewport, so taps are taps. */
const PHONE = { hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } }

export interface BenchSite {
  readonly id: string
  readonly lat: number
  readonly lng: number
}

/**
 * Checks in at every given site in turn on one device database (as a member does along a
 * route), `rounds` times over with a fresh database per round.
 */
export async function measureCheckinSave(
  baseURL: string,
  sites: readonly BenchSite[],
  options: { cpuSlowdown: number; rounds: number },
): Promise<LatencyStats> {
  const values: number[] = []
  const { context, close } = await onDiskContext({
    baseURL,
    serviceWorkers: 'block',
    permissions: ['geolocation'],
    ...PHONE,
  })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  for (let round = 0; round < options.rounds; round++) {
    // Deleted from a page of the origin that does not run the app, so no open connection blocks it.
    await page.goto('/api/health')
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const r = indexedDB.deleteDatabase('hongtu')
          r.onsuccess = r.onerror = () => resolve()
        }),
    )
    for (const site of sites) {
      await context.setGeolocation({ latitude: site.lat, longitude: site.lng, accuracy: 10 })
      await page.goto(`/sites/${site.id}/checkin`)
      await page.getByRole('button', { name: '定位打卡' }).click()
      const confirm = page.getByRole('button', { name: '确认打卡' })
      await confirm.waitFor()
      // A member reads the screen before tapping; a tap within milliseconds of the button
      // appearing would measure start-up work no person waits for.
      await page.waitForTimeout(1000)
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.cpuSlowdown })
      await armProbe(page, '已保存')
      await confirm.tap()
      values.push(await readProbe(page))
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
    }
  }
  await close()
  return stats(values)
}

/**
 * Arms a one-shot probe on one element: the tap's timestamp, and when the element's text next
 * turns into `savedText` after having said something else (an autosave line goes "正在保存…"
 * → "已自动保存" on every answer, so the text alone is already there before the tap).
 */
async function armTransitionProbe(page: Page, selector: string, savedText: string) {
  await page.evaluate(
    ({ selector, text }) => {
      const w = window as unknown as { __probe: Probe }
      w.__probe = {} as Probe
      w.__probe.done = new Promise<void>((r) => (w.__probe.resolve = r))
      const target = document.querySelector(selector)
      if (!target) throw new Error(`no ${selector} to watch`)
      let left = false
      document.addEventListener('click', (e) => (w.__probe.tap = e.timeStamp), { capture: true, once: true })
      const observer = new MutationObserver(() => {
        const now = target.textContent?.trim() ?? ''
        if (now !== text) left = true
        else if (left && w.__probe.tap !== undefined) {
          w.__probe.saved = performance.now()
          observer.disconnect()
          w.__probe.resolve?.()
        }
      })
      observer.observe(target, { childList: true, subtree: true, characterData: true })
    },
    { selector, text: savedText },
  )
}

/**
 * Answers the zaoyuan lesson's quiz as a member does, taking it remotely: each tap on a choice
 * autosaves the answers as a draft, with strict durability, and the quiz says "已自动保存" only
 * once that write committed (notes/reliability.md P2). Cycles through the six questions, picking
 * a different choice each time, so every tap changes the answers; `rounds` times over, each
 * with a fresh device database.
 */
export async function measureQuizAnswerSave(
  baseURL: string,
  options: { cpuSlowdown: number; rounds: number; tapsPerRound?: number },
): Promise<LatencyStats> {
  const values: number[] = []
  const { context, close } = await onDiskContext({ baseURL, serviceWorkers: 'block', ...PHONE })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  const taps = options.tapsPerRound ?? 12
  for (let round = 0; round < options.rounds; round++) {
    await page.goto('/api/health')
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const r = indexedDB.deleteDatabase('hongtu')
          r.onsuccess = r.onerror = () => resolve()
        }),
    )
    await page.goto('/sites/zaoyuan')
    await page.getByRole('link', { name: '开始学习' }).click()
    // The lesson asks how it is taken unless it remembers the answer from an earlier round.
    const remote = page.getByRole('button', { name: '远程学习' })
    const parts = page.getByRole('navigation', { name: '课程环节' })
    await remote.or(parts).first().waitFor()
    if (await remote.isVisible()) await remote.click()
    await parts.getByRole('button', { name: '测验' }).click()
    const groups = page.getByRole('group', { name: /^第 \d+ 题/ })
    await groups.first().waitFor()
    const questions = await groups.count()
    for (let i = 0; i < taps; i++) {
      const group = groups.nth(i % questions)
      const choices = group.locator('input')
      const choice = choices.nth(Math.floor(i / questions) % (await choices.count()))
      // As with check-in: a person reads the question before tapping.
      await page.waitForTimeout(300)
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.cpuSlowdown })
      if (i > 0) await armTransitionProbe(page, '.lesson-draft-status', '已自动保存')
      else await armProbe(page, '已自动保存')
      await choice.tap()
      values.push(await readProbe(page))
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
    }
  }
  await close()
  return stats(values)
}

/**
 * The platform's floor, measured beside ours: a page with nothing but a button whose tap writes
 * a record and its outbox entry in one IndexedDB transaction with strict durability, then says
 * "已保存". No framework, no rendering before or after. Served from the app's origin (through
 * Playwright's routing, so the server is not changed for it), in a phone page like the app's,
 * probed the same way. On this machine's Chromium the commit's answer comes with a frame, and
 * a tap's click arrives a frame after the touch: the floor is about two frames.
 */
export async function measureBarePageSave(
  baseURL: string,
  options: { cpuSlowdown: number; taps: number },
): Promise<LatencyStats> {
  const values: number[] = []
  const { context, close } = await onDiskContext({ baseURL, serviceWorkers: 'block', ...PHONE })
  const page = await context.newPage()
  await page.route('**/__bench/bare-save.html', (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: BARE_SAVE_PAGE }),
  )
  const cdp = await context.newCDPSession(page)
  await page.goto('/__bench/bare-save.html')
  await page.getByText('ready').waitFor()
  for (let i = 0; i < options.taps; i++) {
    await page.waitForTimeout(300)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.cpuSlowdown })
    await armTransitionProbe(page, '#status', '已保存')
    await page.getByRole('button', { name: '确认打卡' }).tap()
    values.push(await readProbe(page))
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
  }
  await close()
  return stats(values)
}

const BARE_SAVE_PAGE = `<!doctype html>
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>bare save</title>
<button type="button" style="font-size: 24px; padding: 16px">确认打卡</button>
<p id="status">opening</p>
<script>
  const status = document.getElementById('status')
  const open = indexedDB.open('bench-bare-save', 1)
  open.onupgradeneeded = () => {
    open.result.createObjectStore('records', { keyPath: 'id' })
    open.result.createObjectStore('outbox', { keyPath: 'recordId' })
  }
  open.onsuccess = () => {
    const db = open.result
    let n = 0
    status.textContent = 'ready'
    document.querySelector('button').addEventListener('click', () => {
      const id = 'r' + ++n + '-' + Date.now()
      const tx = db.transaction(['records', 'outbox'], 'readwrite', { durability: 'strict' })
      tx.objectStore('records').put({ id, kind: 'checkin', payload: { siteId: 'zaoyuan' } })
      tx.objectStore('outbox').put({ recordId: id, state: 'pending' })
      // Away from the saved text first, so that each tap is a transition to it.
      status.textContent = 'saving'
      tx.oncomplete = () => (status.textContent = '已保存')
    })
  }
</script>`

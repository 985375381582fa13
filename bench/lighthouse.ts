import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { CHROMIUM_ARGS } from './device-profile.ts'

/**
 * Lighthouse (mobile) against the production build served by our own server: its default
 * mobile settings (Moto G Power viewport, simulated Slow 4G — 150 ms RTT, 1.6 Mbps down,
 * 750 Kbps up — and 4× CPU slowdown; notes/performance.md), Debian's Chromium, headless. The
 * app must not reach any host but its own: every request Lighthouse saw to another host is
 * listed in `foreignRequests` (the report shows it; it should stay empty).
 */
export interface LighthousePage {
  readonly page: string
  readonly path: string
  /** Category scores, 0–100. */
  readonly performance: number | null
  readonly accessibility: number | null
  readonly bestPractices: number | null
  readonly lcpMs: number | null
  readonly tbtMs: number | null
  readonly cls: number | null
  readonly fcpMs: number | null
  readonly requests: number
  readonly foreignRequests: readonly string[]
  /** Audits below full marks in accessibility and best practices, by id: what to fix first. */
  readonly failedAudits: readonly string[]
  readonly runtimeError?: string
}

export interface LighthouseRun {
  readonly lighthouseVersion: string
  readonly chromium: string
  readonly formFactor: string
  readonly throttlingMethod: string
  readonly throttling: { rttMs: number; downloadKbps: number; uploadKbps: number; cpuSlowdown: number }
  readonly pages: readonly LighthousePage[]
}

/** Lighthouse's "good" bands (and web.dev's Core Web Vitals) for the lab figures it reports. */
export const LIGHTHOUSE_GOALS = {
  score: 90,
  lcpMs: 2500,
  tbtMs: 200,
  cls: 0.1,
} as const

const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_ARGS, '--disable-default-apps', '--disable-extensions']

/** What an audit found, in a few words: the first items' issue type, element or URL. */
function auditExamples(details: unknown): string {
  const items = (details as { items?: Record<string, unknown>[] } | undefined)?.items ?? []
  const describe = (item: Record<string, unknown>) => {
    const node = item.node as { snippet?: string } | undefined
    const sub = (item.subItems as { items?: Record<string, unknown>[] } | undefined)?.items?.[0]
    const what = item.issueType ?? node?.snippet ?? item.url ?? item.description ?? '?'
    const where = sub?.url ?? sub?.source ?? sub?.description
    return `${String(what)}${where ? ` ${String(typeof where === 'object' ? JSON.stringify(where) : where)}` : ''}`.slice(
      0,
      160,
    )
  }
  return items.slice(0, 3).map(describe).join('; ') || 'no details'
}

const isOurs = (url: string, origin: string) => !/^https?:/.test(url) || new URL(url).origin === origin

export async function measureLighthouse(
  baseURL: string,
  pages: readonly { page: string; path: string }[],
  chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium',
): Promise<LighthouseRun> {
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROME_FLAGS, logLevel: 'silent' })
  const origin = new URL(baseURL).origin
  const out: LighthousePage[] = []
  let meta: Omit<LighthouseRun, 'pages'> | undefined
  try {
    for (const { page, path } of pages) {
      const audit = async () => {
        const result = await lighthouse(`${baseURL}${path}`, {
          port: chrome.port,
          logLevel: 'error',
          output: 'json',
          onlyCategories: ['performance', 'accessibility', 'best-practices'],
          disableFullPageScreenshot: true,
        })
        if (!result) throw new Error(`Lighthouse returned nothing for ${path}`)
        return result.lhr
      }
      // A failed trace (its NO_NAVSTART, now and then on this machine) is Lighthouse's own trouble
      // recording the load, not the page's: run once more, and report the error if it stays.
      let lhr = await audit()
      if (lhr.runtimeError) lhr = await audit()
      const score = (id: string) => {
        const s = lhr.categories[id]?.score
        return typeof s === 'number' ? Math.round(s * 100) : null
      }
      const numeric = (id: string) => lhr.audits[id]?.numericValue ?? null
      const requestUrls = (
        (lhr.audits['network-requests']?.details as { items?: { url: string }[] } | undefined)?.items ?? []
      ).map((i) => i.url)
      const failedAudits = (['accessibility', 'best-practices'] as const).flatMap((category) =>
        (lhr.categories[category]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
          .map((ref) => `${category}:${ref.id} (${auditExamples(lhr.audits[ref.id]?.details)})`),
      )
      out.push({
        page,
        path,
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        lcpMs: numeric('largest-contentful-paint'),
        tbtMs: numeric('total-blocking-time'),
        cls: numeric('cumulative-layout-shift'),
        fcpMs: numeric('first-contentful-paint'),
        requests: requestUrls.length,
        foreignRequests: requestUrls.filter((u) => !isOurs(u, origin)),
        failedAudits,
        ...(lhr.runtimeError ? { runtimeError: lhr.runtimeError.message } : {}),
      })
      const t = lhr.configSettings.throttling
      meta ??= {
        lighthouseVersion: lhr.lighthouseVersion,
        chromium: lhr.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0] ?? lhr.environment.hostUserAgent,
        formFactor: lhr.configSettings.formFactor,
        throttlingMethod: lhr.configSettings.throttlingMethod,
        throttling: {
          rttMs: t.rttMs ?? 0,
          downloadKbps: t.throughputKbps ?? 0,
          uploadKbps: t.uploadThroughputKbps ?? 0,
          cpuSlowdown: t.cpuSlowdownMultiplier ?? 1,
        },
      }
    }
  } finally {
    chrome.kill()
  }
  if (!meta) throw new Error('no Lighthouse page was measured')
  return { ...meta, pages: out }
}

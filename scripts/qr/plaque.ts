import type { KeyRingEntry, PrivateSiteJwk } from '../../src/domain/qr/keys.ts'
import { importSitePrivateKey } from '../../src/domain/qr/keys.ts'
import { DAY_S, signSiteToken, siteTokenClaims } from '../../src/domain/qr/sign.ts'
import type { SiteTokenClaims } from '../../src/domain/qr/token.ts'
import { verifySiteToken } from '../../src/domain/qr/verify.ts'
import { AdminError } from './key-files.ts'
import { plaqueSvg } from './plaque-svg.ts'
import { renderSvgToPng } from './render-png.ts'

/**
 * Makes a site plaque: signs a token for the site valid from `now` for `days` days (to the end of
 * that Beijing day), builds the
 * check-in link `<baseUrl>/q/<token>`, checks the token against the key ring the content ships
 * (so a plaque no device would accept is never printed), and draws it as SVG or PNG.
 */

export interface PlaqueRequest {
  readonly site: { readonly id: string; readonly name: { readonly zh: string } }
  readonly kid: string
  readonly privateJwk: PrivateSiteJwk
  /** The content's key ring (pack.keys). */
  readonly keyring: readonly KeyRingEntry[]
  readonly now: Date
  /** Validity in days (86,400 s each) from `now`. */
  readonly days: number
  /** http(s) origin, optionally with a path prefix, that serves the app. */
  readonly baseUrl: string
  readonly format: 'svg' | 'png'
}

export interface Plaque {
  readonly token: string
  readonly link: string
  readonly claims: SiteTokenClaims
  readonly svg: string
  /** The file to write: SVG text or PNG bytes. */
  readonly bytes: Buffer
}

/** A day as printed on plaques: Beijing time, since the sites are in China. */
export const plaqueDate = (seconds: number) =>
  new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long' }).format(seconds * 1000)

/** Beijing time is UTC+8 all year (no daylight saving), seconds. */
const BEIJING_OFFSET_S = 8 * 3600

/**
 * The last second (epoch seconds) of the Beijing calendar day that contains `seconds`: a plaque
 * that says "至 7月1日" then holds all of 1 July, not only until the hour it was printed.
 */
export const endOfBeijingDay = (seconds: number) =>
  Math.floor((seconds + BEIJING_OFFSET_S) / DAY_S) * DAY_S + DAY_S - BEIJING_OFFSET_S - 1

export function checkBaseUrl(baseUrl: string): string {
  let url: URL
  try {
    url = new URL(baseUrl)
  } catch {
    throw new AdminError(
      `--base-url ${JSON.stringify(baseUrl)} is not a URL (e.g. https://hongtu.example.org)`,
      true,
    )
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new AdminError(`--base-url must be http(s), not ${url.protocol}`, true)
  if (url.search || url.hash) throw new AdminError('--base-url must not have a query or a fragment', true)
  return url.href.replace(/\/+$/, '')
}

export async function makePlaque(request: PlaqueRequest): Promise<Plaque> {
  const { site, kid, now, days } = request
  if (!Number.isInteger(days) || days < 1 || days > 3650)
    throw new AdminError(`--days must be a whole number of days from 1 to 3650, not ${days}`)
  const base = checkBaseUrl(request.baseUrl)
  const fresh = siteTokenClaims({ kid, site: site.id, from: now, validDays: days })
  const claims = { ...fresh, exp: endOfBeijingDay(fresh.exp) }
  const token = await signSiteToken(claims, await importSitePrivateKey(request.privateJwk))

  const check = await verifySiteToken(token, request.keyring, { siteId: site.id, now })
  if (!check.ok) {
    const why =
      check.reason === 'unknown-key'
        ? `the content has no public key ${kid} (routes-data/keys/${kid}.json), so every device would refuse this plaque`
        : check.reason === 'bad-signature'
          ? `the private key does not belong to routes-data/keys/${kid}.json`
          : `a fresh token does not verify (${check.reason})`
    throw new AdminError(`not printing: ${why}`)
  }

  const link = `${base}/q/${token}`
  const svg = plaqueSvg(link, {
    siteName: site.name.zh,
    validFrom: plaqueDate(claims.nbf),
    validUntil: plaqueDate(claims.exp),
    kid,
  })
  const bytes = request.format === 'svg' ? Buffer.from(svg, 'utf8') : await renderSvgToPng(svg)
  return { token, link, claims, svg, bytes }
}

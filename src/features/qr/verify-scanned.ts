import type { ContentPack, Site } from '../../domain/content/pack.ts'
import { extractSiteToken } from '../../domain/qr/scanned.ts'
import type { SiteTokenClaims } from '../../domain/qr/token.ts'
import { type SiteTokenVerdict, verifySiteToken } from '../../domain/qr/verify.ts'
import type { PayloadOf } from '../../domain/records/kinds.ts'

/**
 * What a check-in screen does with a scanned text or a `/q/<token>` link: find the token,
 * verify it offline against the content's key ring, and find its site in the content.
 * The GPS check-in screen calls `verifyScannedText(text, pack, { siteId, now })` for its QR
 * fallback; a `wrong-site` verdict then names the site the code belongs to.
 */

export type QrCheckinVerdict =
  | {
      readonly ok: true
      readonly token: string
      readonly claims: SiteTokenClaims
      readonly site: Site
    }
  | Extract<SiteTokenVerdict, { ok: false }>
  /** The QR code holds something else (a web link, a product code). */
  | { readonly ok: false; readonly reason: 'not-a-token' }
  /** Authentic, but its site is not in this device's content (older than the code). */
  | { readonly ok: false; readonly reason: 'unknown-site'; readonly claims: SiteTokenClaims }

export type QrRefusal = Extract<QrCheckinVerdict, { ok: false }>

type KeysAndSites = Pick<ContentPack, 'keys' | 'sites'>

/** Verifies a bare token (from a `/q/<token>` link). `siteId`: the site being checked in at, if known. */
export async function verifyCheckinToken(
  token: string,
  pack: KeysAndSites,
  options: { siteId?: string; now: Date },
): Promise<QrCheckinVerdict> {
  // A pack built before key rings existed has no `keys`: every code is then from an unknown key.
  const verdict = await verifySiteToken(token, pack.keys ?? [], options)
  if (!verdict.ok) return verdict
  const site = pack.sites.find((s) => s.id === verdict.claims.site)
  if (!site) return { ok: false, reason: 'unknown-site', claims: verdict.claims }
  return { ok: true, token, claims: verdict.claims, site }
}

/** Verifies what a scanner read: a bare token or a link `https://<any host>/q/<token>`. */
export async function verifyScannedText(
  text: string,
  pack: KeysAndSites,
  options: { siteId?: string; now: Date },
): Promise<QrCheckinVerdict> {
  const token = extractSiteToken(text)
  if (!token) return { ok: false, reason: 'not-a-token' }
  return verifyCheckinToken(token, pack, options)
}

/** The check-in record payload for an accepted code (kinds.ts, checkin v1). */
export function qrCheckinPayload(verdict: Extract<QrCheckinVerdict, { ok: true }>): PayloadOf<'checkin'> {
  return {
    siteId: verdict.site.id,
    method: 'qr',
    verdict: 'qr-valid',
    qr: { token: verdict.token, keyId: verdict.claims.kid },
  }
}

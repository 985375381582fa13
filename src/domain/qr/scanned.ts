import { SITE_TOKEN_PREFIX } from './token.ts'

/**
 * Finds a token of one format in what a QR code contained: the bare token (`<prefix>.…`) or a
 * link `http(s)://<any host>/…/<segment>/<token>`. The path decides, not the host, so a code
 * printed or shown for one server's copy of the app works with every copy. Undefined for
 * anything else (a WeChat link, a product code); the token itself is verified separately.
 */
export function extractToken(
  scanned: string,
  format: { prefix: string; linkSegment: string },
): string | undefined {
  const text = scanned.trim()
  if (text.startsWith(`${format.prefix}.`)) return text
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return undefined
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined
  const parts = url.pathname.split('/').filter(Boolean)
  const token = parts.at(-1)
  if (parts.length < 2 || parts.at(-2) !== format.linkSegment || !token) return undefined
  let decoded: string
  try {
    decoded = decodeURIComponent(token)
  } catch {
    return undefined
  }
  return decoded.startsWith(`${format.prefix}.`) ? decoded : undefined
}

/** A site plaque's token: `HT1.…` or a `/q/<token>` link. */
export function extractSiteToken(scanned: string): string | undefined {
  return extractToken(scanned, { prefix: SITE_TOKEN_PREFIX, linkSegment: 'q' })
}

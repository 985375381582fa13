import { SITE_TOKEN_PREFIX } from './token.ts'

/**
 * Finds the site token in what a QR code contained: either the bare token (`HT1.…`) or a link
 * `http(s)://<any host>/…/q/<token>` (the path decides, so a plaque printed for one server
 * works with every copy of the app). Returns undefined for anything else (a WeChat link, a
 * product code); the token itself is verified separately.
 */
export function extractSiteToken(scanned: string): string | undefined {
  const text = scanned.trim()
  if (text.startsWith(`${SITE_TOKEN_PREFIX}.`)) return text
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return undefined
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined
  const parts = url.pathname.split('/').filter(Boolean)
  const token = parts.at(-1)
  if (parts.length < 2 || parts.at(-2) !== 'q' || !token) return undefined
  let decoded: string
  try {
    decoded = decodeURIComponent(token)
  } catch {
    return undefined
  }
  return decoded.startsWith(`${SITE_TOKEN_PREFIX}.`) ? decoded : undefined
}

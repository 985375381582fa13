import { ATTEST_TOKEN_PREFIX } from './token.ts'

/**
 * Finds a trainer's attestation token in what a QR code contained: the bare token (`HA1.…`) or a
 * link `http(s)://<any host>/…/a/<token>` (the path decides, as for site plaques, so a code shown
 * by a trainer on one server's copy of the app works with every copy). Undefined otherwise; the
 * token itself is verified separately.
 */
export function extractAttestToken(scanned: string): string | undefined {
  const text = scanned.trim()
  if (text.startsWith(`${ATTEST_TOKEN_PREFIX}.`)) return text
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return undefined
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined
  const parts = url.pathname.split('/').filter(Boolean)
  const token = parts.at(-1)
  if (parts.length < 2 || parts.at(-2) !== 'a' || !token) return undefined
  let decoded: string
  try {
    decoded = decodeURIComponent(token)
  } catch {
    return undefined
  }
  return decoded.startsWith(`${ATTEST_TOKEN_PREFIX}.`) ? decoded : undefined
}

/**
 * base64url without padding (RFC 4648 §5), the alphabet of JWS and of our QR tokens: it needs
 * no escaping in a URL path or a QR code's alphanumeric-friendly byte mode.
 */

const ALPHABET = /^[A-Za-z0-9_-]*$/

export function bytesToBase64url(bytes: Uint8Array): string {
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/**
 * Decodes unpadded base64url; undefined for any character outside the alphabet, for padding,
 * and for a length no encoder produces (4n + 1).
 */
export function base64urlToBytes(text: string): Uint8Array | undefined {
  if (!ALPHABET.test(text) || text.length % 4 === 1) return undefined
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4)
  let binary: string
  try {
    binary = atob(padded)
  } catch {
    return undefined
  }
  const out = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i)
  return out
}

const utf8 = new TextEncoder()
const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

export const textToBase64url = (text: string): string => bytesToBase64url(utf8.encode(text))

/** undefined when the text is not base64url or its bytes are not valid UTF-8. */
export function base64urlToText(text: string): string | undefined {
  const bytes = base64urlToBytes(text)
  if (!bytes) return undefined
  try {
    return strictUtf8.decode(bytes)
  } catch {
    return undefined
  }
}

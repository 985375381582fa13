import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'

/**
 * The session and trusted-device cookies. `__Host-` makes the browser refuse them unless they
 * are Secure, have Path=/ and no Domain (RFC 6265bis §4.1.3.2), so no subdomain can set or read
 * them. Browsers accept Secure cookies from http://localhost, so local development works.
 */
export const SESSION_COOKIE = '__Host-hongtu_session'
export const DEVICE_COOKIE = '__Host-hongtu_device'

const ATTRIBUTES = 'Path=/; HttpOnly; Secure; SameSite=Strict'

export function setCookie(c: Context, name: string, value: string, maxAgeS: number): void {
  c.header('Set-Cookie', `${name}=${value}; ${ATTRIBUTES}; Max-Age=${maxAgeS}`, { append: true })
}

export function clearCookie(c: Context, name: string): void {
  c.header('Set-Cookie', `${name}=; ${ATTRIBUTES}; Max-Age=0`, { append: true })
}

export function readCookie(c: Context, name: string): string | undefined {
  const value = getCookie(c, name)
  // Our tokens are 43 base64url characters; anything else cannot be one of ours.
  return value && /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : undefined
}

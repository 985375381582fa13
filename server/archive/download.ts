import type { Context } from 'hono'
import type { AppEnv } from '../context.ts'

/**
 * Headers of a file download. The file name goes in twice (RFC 6266): an ASCII `filename` for
 * old clients and `filename*=UTF-8''…` (RFC 8187 percent-encoding) with the Chinese name that
 * browsers prefer.
 */

/** Characters no file system or browser takes in a file name, and control characters. */
const UNSAFE = /[\\/:*?"<>|]/g

export const safeFileName = (name: string) =>
  [...name.replace(UNSAFE, '_')]
    .map((ch) => (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f ? '_' : ch))
    .join('')
    .trim()
    .slice(0, 120)

/** RFC 8187 value characters: encodeURIComponent leaves ' ( ) * unescaped, which RFC 8187 does not allow. */
const rfc8187 = (s: string) =>
  encodeURIComponent(s).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)

export function contentDisposition(fileName: string, asciiFallback: string): string {
  const ascii = safeFileName(asciiFallback).replace(/[^\x20-\x7e]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc8187(safeFileName(fileName))}`
}

export function download(
  c: Context<AppEnv>,
  body: string | Uint8Array,
  contentType: string,
  names: { fileName: string; ascii: string },
): Response {
  c.header('Content-Type', contentType)
  c.header('Content-Disposition', contentDisposition(names.fileName, names.ascii))
  return c.body(typeof body === 'string' ? body : new Uint8Array(body), 200)
}

/** This server's public origin (for xAPI IRIs), as the client reached it. */
export function publicOrigin(c: Context<AppEnv>, trustProxy: boolean): string {
  const url = new URL(c.req.url)
  const proto =
    (trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim()) || url.protocol.replace(':', '')
  const host = (trustProxy && c.req.header('x-forwarded-host')?.split(',')[0]?.trim()) || url.host
  return `${proto}://${host}`
}

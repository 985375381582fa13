import { gunzipSync } from 'node:zlib'
import type { Context } from 'hono'
import type { z } from 'zod'
import { bodyLimitFor } from './body-limits.ts'
import { ApiError, invalidFrom } from './errors.ts'
import { NUL_MESSAGE, nulPath } from './nul.ts'

/** Strict: bytes that are not UTF-8 are an error, not silently U+FFFD (a member's text would change). */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/**
 * Reads and validates a JSON request body. The body size is bounded earlier by the bodyLimit
 * middleware (app.ts). A body that is not UTF-8 or not JSON is a 400 `unparseable` that gives
 * the length, never the content; a schema failure is a 400 `invalid` with the first field path,
 * and so is a string holding U+0000 (see nul.ts), unless `itemsCheckedByHandler` says the
 * handler checks the body's items one by one itself.
 */
export async function readJson<S extends z.ZodType>(
  c: Context,
  schema: S,
  options: { readonly itemsCheckedByHandler?: boolean } = {},
): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? ''
  if (!/^application\/json\s*(;|$)/i.test(type))
    throw new ApiError(415, 'unsupported_media_type', 'send the body as application/json')
  const bytes = await decodedBody(c)
  let text: string
  try {
    text = UTF8.decode(bytes)
  } catch {
    throw new ApiError(400, 'unparseable', `body is not valid UTF-8 (${bytes.byteLength} bytes)`)
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    throw new ApiError(400, 'unparseable', `body is not valid JSON (${bytes.byteLength} bytes)`)
  }
  const parsed = schema.safeParse(data)
  if (!parsed.success) throw invalidFrom(parsed.error)
  const nul = options.itemsCheckedByHandler ? undefined : nulPath(data)
  if (nul !== undefined) throw new ApiError(400, 'invalid', NUL_MESSAGE, nul)
  return parsed.data
}

/**
 * The body's bytes, inflated when the client sent it gzipped (the outbox does: a batch of
 * records is a tenth of its size). Another encoding is a 415 the client understands (it sends
 * plain JSON next); an inflated body over the path's limit is a 413 like an oversized plain one.
 */
async function decodedBody(c: Context): Promise<Uint8Array> {
  const raw = new Uint8Array(await c.req.arrayBuffer())
  const encoding = (c.req.header('content-encoding') ?? 'identity').trim().toLowerCase()
  if (encoding === 'identity') return raw
  if (encoding !== 'gzip')
    throw new ApiError(415, 'unsupported_media_type', 'send the body uncompressed or gzip-compressed')
  try {
    return gunzipSync(raw, { maxOutputLength: bodyLimitFor(c.req.path) })
  } catch (e) {
    if (e instanceof RangeError || (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      throw new ApiError(413, 'too_large', 'the request body is too large')
    throw new ApiError(400, 'unparseable', `body is not valid gzip (${raw.byteLength} bytes)`)
  }
}

/** Validates the query string against a schema of optional string fields. */
export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const query = c.req.query()
  const parsed = schema.safeParse(query)
  if (!parsed.success) throw invalidFrom(parsed.error)
  const nul = nulPath(query)
  if (nul !== undefined) throw new ApiError(400, 'invalid', NUL_MESSAGE, nul)
  return parsed.data
}

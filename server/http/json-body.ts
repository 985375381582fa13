import type { Context } from 'hono'
import type { z } from 'zod'
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
  const bytes = new Uint8Array(await c.req.arrayBuffer())
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

/** Validates the query string against a schema of optional string fields. */
export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const query = c.req.query()
  const parsed = schema.safeParse(query)
  if (!parsed.success) throw invalidFrom(parsed.error)
  const nul = nulPath(query)
  if (nul !== undefined) throw new ApiError(400, 'invalid', NUL_MESSAGE, nul)
  return parsed.data
}

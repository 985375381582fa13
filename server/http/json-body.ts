import type { Context } from 'hono'
import type { z } from 'zod'
import { ApiError, invalidFrom } from './errors.ts'

/**
 * Reads and validates a JSON request body. The body size is bounded earlier by the bodyLimit
 * middleware (app.ts). Malformed JSON is a 400 `unparseable` that gives the length, never the
 * content; a schema failure is a 400 `invalid` with the first field path.
 */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? ''
  if (!/^application\/json\s*(;|$)/i.test(type))
    throw new ApiError(415, 'unsupported_media_type', 'send the body as application/json')
  const text = await c.req.text()
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    throw new ApiError(400, 'unparseable', `body is not valid JSON (${Buffer.byteLength(text)} bytes)`)
  }
  const parsed = schema.safeParse(data)
  if (!parsed.success) throw invalidFrom(parsed.error)
  return parsed.data
}

/** Validates the query string against a schema of optional string fields. */
export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const parsed = schema.safeParse(c.req.query())
  if (!parsed.success) throw invalidFrom(parsed.error)
  return parsed.data
}

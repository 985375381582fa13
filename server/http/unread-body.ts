import type { MiddlewareHandler } from 'hono'

/**
 * An answer sent before the request body was read (a 415 for the wrong content type, a 404 or
 * 403 before a handler reads its upload) leaves the rest of the body on the wire. On a
 * kept-alive connection the server then reset it, and the client's NEXT request failed with a
 * network error about half the time (tests/fuzz found it). `Connection: close` on such an
 * answer makes the client open a fresh connection instead.
 */
export function closeIfBodyUnread(): MiddlewareHandler {
  return async (c, next) => {
    await next()
    const length = c.req.header('content-length')
    const hasBody =
      (length !== undefined && length !== '0') || c.req.header('transfer-encoding') !== undefined
    if (hasBody && !c.req.raw.bodyUsed) c.header('Connection', 'close')
  }
}

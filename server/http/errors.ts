import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { z } from 'zod'
import { issueText } from '../../src/domain/zod-issue.ts'

/**
 * Every error the API answers has the body `{ error: { code, message, path? } }` with a stable
 * machine-readable `code` (clients switch on it; never rename one) and, for input errors, the
 * field `path` (dot-separated). Messages never echo the input.
 */
export const ERROR_CODES = [
  'unparseable',
  'too_large',
  'invalid',
  'unsupported_media_type',
  'unauthenticated',
  'invalid_credentials',
  'wrong_password',
  'forbidden',
  'cross_origin',
  'not_found',
  'rate_limited',
  'internal',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export const ErrorBodySchema = z.strictObject({
  error: z.strictObject({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    path: z.string().optional(),
  }),
})
export type ErrorBody = z.infer<typeof ErrorBodySchema>

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly path?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
  }
}

export const errorBody = (code: ErrorCode, message: string, path?: string): ErrorBody => ({
  error: path === undefined ? { code, message } : { code, message, path },
})

export function errorResponse(c: Context, e: ApiError): Response {
  for (const [k, v] of Object.entries(e.headers)) c.header(k, v)
  return c.json(errorBody(e.code, e.message, e.path), e.status)
}

export const notFound = (what = 'no such resource') => new ApiError(404, 'not_found', what)
export const forbidden = (why = 'not allowed for this account') => new ApiError(403, 'forbidden', why)
export const unauthenticated = () => new ApiError(401, 'unauthenticated', 'log in first')

/** The first zod issue as an `invalid` error with its field path. */
export function invalidFrom(error: z.ZodError, prefix: string[] = []): ApiError {
  const issue = error.issues[0]
  if (!issue) return new ApiError(400, 'invalid', 'is invalid', prefix.join('.'))
  const { path, message } = issueText(issue, prefix)
  return new ApiError(400, 'invalid', message, path)
}

import type { Context, Hono } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { z } from 'zod'
import { requireUser } from '../auth/middleware.ts'
import type { AppEnv } from '../context.ts'
import { notFound } from './errors.ts'
import { readJson, readQuery } from './json-body.ts'

/**
 * One place that declares each API endpoint: its method, path, who may call it, the schemas
 * that validate its input and describe its output. The same declaration registers the Hono
 * handler and produces the OpenAPI document (http/openapi.ts), so the document cannot drift
 * from what the server accepts; tests/server/authorization.test.ts checks every declared
 * endpoint against every role.
 */
export type Method = 'get' | 'post' | 'patch' | 'delete'

export interface ResponseSpec {
  readonly description: string
  readonly schema?: z.ZodType
  /** A non-JSON answer (a file download): its media type, for the document. */
  readonly contentType?: string
}

export interface RouteSpec<
  B extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
> {
  readonly method: Method
  /** Hono syntax: /api/classes/:classId */
  readonly path: string
  readonly summary: string
  readonly tag: string
  /** Who may call it, in words, for the document. */
  readonly access: string
  /**
   * Callable without a session (logging in). Every other endpoint answers 401 before its body or
   * query is read: an anonymous caller learns nothing from validation, and costs no parsing.
   */
  readonly public?: boolean
  readonly body?: B
  /**
   * A body that is not JSON (a CSV upload): the handler reads it itself; this only documents it.
   * Never together with `body`.
   */
  readonly rawBody?: { readonly contentType: string; readonly description: string }
  /**
   * The handler validates each item of `body` itself (the sync push, where one bad record must
   * not reject the batch), so readJson leaves the items' strings to it (see http/nul.ts).
   */
  readonly itemsCheckedByHandler?: boolean
  readonly query?: Q
  readonly responses: Readonly<Partial<Record<ContentfulStatusCode | 204, ResponseSpec>>>
}

type Input<S> = S extends z.ZodType ? z.infer<S> : undefined

export class ApiRegistry {
  readonly routes: RouteSpec[] = []

  constructor(private readonly app: Hono<AppEnv>) {}

  /** Registers an endpoint; the handler gets the validated body and query. */
  add<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
    spec: RouteSpec<B, Q>,
    handler: (c: Context<AppEnv>, input: { body: Input<B>; query: Input<Q> }) => Promise<Response> | Response,
  ): void {
    this.routes.push(spec)
    this.app.on(spec.method.toUpperCase(), spec.path, async (c) => {
      if (!spec.public) requireUser(c)
      const body = (
        spec.body
          ? await readJson(c, spec.body, { itemsCheckedByHandler: spec.itemsCheckedByHandler ?? false })
          : undefined
      ) as Input<B>
      const query = (spec.query ? readQuery(c, spec.query) : undefined) as Input<Q>
      return handler(c, { body, query })
    })
  }
}

/**
 * A path parameter of the matched route (always present when the route matched). One with a
 * NUL byte (%00) names nothing that can be stored, and PostgreSQL cannot even compare it
 * (http/nul.ts): it is a 404 before any query.
 */
export function pathParam(c: Context<AppEnv>, name: string): string {
  const value = c.req.param(name) ?? ''
  if (value.includes('\u0000')) throw notFound()
  return value
}

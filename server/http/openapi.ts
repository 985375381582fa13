import { z } from 'zod'
import { RECORD_KINDS } from '../../src/domain/records/kinds.ts'
import { RecordEnvelopeSchema } from '../../src/domain/records/record.ts'
import { ErrorBodySchema } from './errors.ts'
import type { RouteSpec } from './registry.ts'

/**
 * The OpenAPI 3.1 document of the API, served at /api/openapi.json. Built from the route
 * declarations and the very zod schemas that validate requests (zod 4's z.toJSONSchema, whose
 * draft 2020-12 output is OpenAPI 3.1's schema dialect).
 */

type Json = Record<string, unknown>

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json
  return rest
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: '`unparseable` (not JSON) or `invalid` (with the field path)',
  401: '`unauthenticated`: no live session',
  403: '`forbidden` or `cross_origin`',
  404: '`not_found` (also for what this account may not see)',
  413: '`too_large`: the body is over the limit',
  415: '`unsupported_media_type`: send application/json',
  429: '`rate_limited`: wait for Retry-After seconds',
}

function operation(spec: RouteSpec): Json {
  const params = [...spec.path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }))
  if (spec.query) {
    const q = jsonSchema(spec.query, 'input') as { properties?: Record<string, Json>; required?: string[] }
    for (const [name, schema] of Object.entries(q.properties ?? {}))
      params.push({ name, in: 'query', required: q.required?.includes(name) ?? false, schema } as never)
  }
  const responses: Json = {}
  for (const [status, r] of Object.entries(spec.responses)) {
    if (!r) continue
    responses[status] = r.schema
      ? {
          description: r.description,
          content: { 'application/json': { schema: jsonSchema(r.schema, 'output') } },
        }
      : r.contentType
        ? { description: r.description, content: { [r.contentType]: { schema: { type: 'string' } } } }
        : { description: r.description }
  }
  const errors = [
    ...(spec.body || spec.rawBody ? [400, 413, 415] : spec.query ? [400] : []),
    ...(spec.access === 'anyone' ? [] : [401]),
  ]
  for (const status of errors)
    responses[status] ??= {
      description: ERROR_DESCRIPTIONS[status],
      content: { 'application/json': { schema: jsonSchema(ErrorBodySchema, 'output') } },
    }
  return {
    summary: spec.summary,
    description: `Access: ${spec.access}.`,
    tags: [spec.tag],
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(spec.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } },
          },
        }
      : spec.rawBody
        ? {
            requestBody: {
              required: true,
              description: spec.rawBody.description,
              content: { [spec.rawBody.contentType]: { schema: { type: 'string' } } },
            },
          }
        : {}),
    responses,
    ...(spec.access === 'anyone' ? { security: [] } : {}),
  }
}

export function buildOpenApi(routes: readonly RouteSpec[], version: string): Json {
  const paths: Record<string, Json> = {}
  for (const spec of routes) {
    const path = spec.path.replace(/:([A-Za-z]+)/g, '{$1}')
    paths[path] = { ...paths[path], [spec.method]: operation(spec) }
  }
  const payloads = Object.fromEntries(
    Object.entries(RECORD_KINDS).map(([kind, def]) => [
      `Payload_${kind.replace('.', '_')}_v${def.version}`,
      jsonSchema(def.schema, 'input'),
    ]),
  )
  return {
    openapi: '3.1.0',
    info: {
      title: '红途 Hongtu API',
      version,
      description:
        'Sync, accounts and classes of the Hongtu field-teaching app. Errors: `{ error: { code, message, path? } }` with stable codes.',
    },
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: '__Host-hongtu_session' } },
      schemas: { Record: jsonSchema(RecordEnvelopeSchema, 'input'), ...payloads },
    },
    security: [{ session: [] }],
    paths,
  }
}

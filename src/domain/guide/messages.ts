import { z } from 'zod'
import { issueText } from '../zod-issue.ts'
import { CommandEventSchema, GuideCommandSchema } from './commands.ts'

/**
 * The guided-mode WebSocket protocol (/api/guide/ws), JSON text frames both ways.
 *
 * Client → server:
 * - `subscribe` a class: its trainers and admins lead (may command), its members follow;
 *   anyone else gets `error` `not_found` (as the HTTP API answers for a class one may not see).
 * - `command` (leaders only): checked against the content, then fanned out to the class.
 * - `ack`: "my screen now shows the class's commands up to `seq`" (followed ✓).
 * - `ping`: the page cannot see WebSocket ping frames, so it asks; the server answers `pong`.
 *
 * Server → client: `subscribed` (with the commands a late joiner replays), `command`,
 * `presence` (leaders only), `records-changed` (leaders only: a member's records arrived),
 * `sent` (to the issuer), `error` (stable `code`; the connection stays open), `pong`.
 */
export const GUIDE_WS_PATH = '/api/guide/ws'
/** Frames above this are refused (the server closes with 1009). */
export const GUIDE_MAX_MESSAGE_BYTES = 4096

const classId = z.string().min(1).max(80)
/** A client's own correlation id for a command, echoed in `sent` or `error`. */
const ref = z.string().min(1).max(40)

export const ClientMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('subscribe'), classId }),
  z.strictObject({ type: z.literal('unsubscribe'), classId }),
  z.strictObject({ type: z.literal('command'), classId, ref, command: GuideCommandSchema }),
  z.strictObject({ type: z.literal('ack'), classId, seq: z.number().int().min(0) }),
  z.strictObject({ type: z.literal('ping') }),
])
export type ClientMessage = z.infer<typeof ClientMessageSchema>

export const PresencePersonSchema = z.strictObject({
  userId: z.string(),
  displayName: z.string(),
  role: z.enum(['lead', 'follow']),
  connections: z.number().int(),
  ackedSeq: z.number().int(),
})

export const GUIDE_ERROR_CODES = [
  'bad_message',
  'not_found',
  'forbidden',
  'not_subscribed',
  'too_many_subscriptions',
  'invalid_command',
  'rate_limited',
  'internal',
] as const
export type GuideErrorCode = (typeof GUIDE_ERROR_CODES)[number]

export const ServerMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('subscribed'),
    classId,
    role: z.enum(['lead', 'follow']),
    /** The class's newest sequence number; ack it once the replayed events are followed. */
    seq: z.number().int(),
    active: z.array(CommandEventSchema),
  }),
  z.strictObject({ type: z.literal('command'), event: CommandEventSchema }),
  z.strictObject({
    type: z.literal('presence'),
    classId,
    seq: z.number().int(),
    people: z.array(PresencePersonSchema),
  }),
  z.strictObject({ type: z.literal('records-changed'), classId }),
  z.strictObject({ type: z.literal('sent'), ref, eventId: z.string() }),
  z.strictObject({
    type: z.literal('error'),
    code: z.enum(GUIDE_ERROR_CODES),
    message: z.string(),
    classId: classId.optional(),
    ref: ref.optional(),
    field: z.string().optional(),
  }),
  z.strictObject({ type: z.literal('pong') }),
])
export type ServerMessage = z.infer<typeof ServerMessageSchema>

export type ParsedMessage<T> = { ok: true; message: T } | { ok: false; field: string; problem: string }

function parseWith<T>(schema: z.ZodType<T>, text: string): ParsedMessage<T> {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return { ok: false, field: '', problem: 'is not JSON' }
  }
  const parsed = schema.safeParse(data)
  if (parsed.success) return { ok: true, message: parsed.data }
  const issue = parsed.error.issues[0]
  if (!issue) return { ok: false, field: '', problem: 'is invalid' }
  const { path, message } = issueText(issue)
  return { ok: false, field: path, problem: message }
}

export const parseClientMessage = (text: string) => parseWith(ClientMessageSchema, text)
export const parseServerMessage = (text: string) => parseWith(ServerMessageSchema, text)

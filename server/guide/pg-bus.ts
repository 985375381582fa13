import { sql } from 'kysely'
import pg from 'pg'
import { CommandEventSchema } from '../../src/domain/guide/commands.ts'
import type { PresenceRow } from '../../src/domain/guide/presence.ts'
import type { Db } from '../db/tables.ts'
import type { Logger } from '../log.ts'
import type { BusHandlers, BusMessage, EndedSessions, GuideBus, PresenceChange } from './bus.ts'

/**
 * Guided mode across server processes behind one PostgreSQL (DESIGN.md: "the live channel fans
 * out through PostgreSQL LISTEN/NOTIFY").
 *
 * - Messages: NOTIFY on channel `hongtu_guide`, sent through the pool; each process LISTENs on
 *   a dedicated connection of its own (a pooled one would be handed to other queries). A payload
 *   carries the sender's process id, so a process skips its own messages (it acted on them
 *   already). PostgreSQL refuses payloads of 8000 bytes or more; ours are a few hundred.
 * - Presence: each process keeps its connected people in guide_presence and refreshes their
 *   `seen_at` every few seconds; rows older than {@link STALE_MS} belong to a process that died
 *   and are ignored (and purged later). A process leaving cleanly deletes its rows.
 * - When the listening connection drops, it is reopened with backoff, and `onResync` lets the
 *   service catch up on what it may have missed (the newest commands are in guide_state).
 */
export const CHANNEL = 'hongtu_guide'
const MAX_PAYLOAD_BYTES = 7999
const HEARTBEAT_MS = 5000
export const STALE_MS = 20_000
const PURGE_AFTER_MS = 10 * 60_000
const RECONNECT_MAX_MS = 10_000

export interface PgBusOptions {
  readonly db: Db
  readonly databaseUrl: string
  readonly processId: string
  readonly now: () => Date
  readonly log: Logger
  readonly handlers: BusHandlers
}

export class PgBus implements GuideBus {
  private listener: pg.Client | null = null
  private closed = false
  private reconnectDelayMs = 500
  private reconnectTimer: NodeJS.Timeout | undefined
  private readonly heartbeat: NodeJS.Timeout

  private constructor(private readonly o: PgBusOptions) {
    this.heartbeat = setInterval(() => void this.refresh().catch(() => {}), HEARTBEAT_MS)
    this.heartbeat.unref()
  }

  static async start(options: PgBusOptions): Promise<PgBus> {
    const bus = new PgBus(options)
    try {
      await bus.listen()
    } catch (e) {
      await bus.close()
      throw e
    }
    return bus
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.o.databaseUrl })
    const lost = (why: string) => {
      if (this.listener !== client) return
      this.listener = null
      client.removeAllListeners()
      client.on('error', () => {})
      void client.end().catch(() => {})
      if (this.closed) return
      this.o.log('guide.bus.lost', { reason: why.slice(0, 120) })
      this.scheduleReconnect()
    }
    client.on('error', (e) => lost(e.message))
    client.on('end', () => lost('connection ended'))
    client.on('notification', (n) => {
      if (n.channel === CHANNEL && n.payload) this.receive(n.payload)
    })
    this.listener = client
    try {
      await client.connect()
      await client.query(`LISTEN ${CHANNEL}`)
    } catch (e) {
      lost(e instanceof Error ? e.message : String(e))
      throw e
    }
  }

  private scheduleReconnect() {
    clearTimeout(this.reconnectTimer)
    const delay = this.reconnectDelayMs
    this.reconnectDelayMs = Math.min(RECONNECT_MAX_MS, delay * 2)
    this.reconnectTimer = setTimeout(() => {
      if (this.closed) return
      this.listen().then(
        () => {
          this.reconnectDelayMs = 500
          this.o.log('guide.bus.back', {})
          this.o.handlers.onResync()
        },
        // A failed attempt has already scheduled the next one (see `lost`).
        () => {},
      )
    }, delay)
    this.reconnectTimer.unref()
  }

  private receive(payload: string) {
    let data: { p?: unknown; t?: unknown; c?: unknown; e?: unknown; x?: unknown }
    try {
      data = JSON.parse(payload)
    } catch {
      return
    }
    if (data.p === this.o.processId) return
    if (data.t === 'cmd') {
      const event = CommandEventSchema.safeParse(data.e)
      if (event.success) this.o.handlers.onMessage({ t: 'cmd', e: event.data })
    } else if ((data.t === 'presence' || data.t === 'nudge') && typeof data.c === 'string')
      this.o.handlers.onMessage({ t: data.t, c: data.c })
    else if (data.t === 'ended') {
      const ended = endedSessions(data.x)
      if (ended) this.o.handlers.onMessage({ t: 'ended', x: ended })
    }
  }

  async publish(message: BusMessage): Promise<void> {
    const payload = JSON.stringify({ p: this.o.processId, ...message })
    if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES)
      throw new Error(`guide bus message of ${Buffer.byteLength(payload)} bytes is over NOTIFY's limit`)
    await sql`select pg_notify(${CHANNEL}, ${payload})`.execute(this.o.db)
  }

  async savePresence(classId: string, changes: readonly PresenceChange[]): Promise<void> {
    const gone = changes.filter((c) => c.row === null).map((c) => c.userId)
    if (gone.length > 0)
      await this.o.db
        .deleteFrom('guide_presence')
        .where('process_id', '=', this.o.processId)
        .where('class_id', '=', classId)
        .where('user_id', 'in', gone)
        .execute()
    const seenAt = this.o.now().toISOString()
    const rows = changes.flatMap(({ row }) =>
      row
        ? [
            {
              process_id: this.o.processId,
              class_id: classId,
              user_id: row.userId,
              display_name: row.displayName,
              role: row.role,
              connections: row.connections,
              acked_seq: row.ackedSeq,
              seen_at: seenAt,
            },
          ]
        : [],
    )
    if (rows.length > 0)
      await this.o.db
        .insertInto('guide_presence')
        .values(rows)
        .onConflict((oc) =>
          oc.columns(['process_id', 'class_id', 'user_id']).doUpdateSet((eb) => ({
            display_name: eb.ref('excluded.display_name'),
            role: eb.ref('excluded.role'),
            connections: eb.ref('excluded.connections'),
            acked_seq: eb.ref('excluded.acked_seq'),
            seen_at: eb.ref('excluded.seen_at'),
          })),
        )
        .execute()
  }

  async remotePresence(classId: string): Promise<PresenceRow[]> {
    const since = new Date(this.o.now().getTime() - STALE_MS).toISOString()
    const rows = await this.o.db
      .selectFrom('guide_presence')
      .selectAll()
      .where('class_id', '=', classId)
      .where('process_id', '!=', this.o.processId)
      .where('seen_at', '>', since)
      .execute()
    return rows.map((r) => ({
      userId: r.user_id,
      displayName: r.display_name,
      role: r.role,
      connections: r.connections,
      ackedSeq: r.acked_seq,
    }))
  }

  /** Keeps this process's rows fresh and forgets those of processes long gone. */
  private async refresh(): Promise<void> {
    const now = this.o.now().getTime()
    await this.o.db
      .updateTable('guide_presence')
      .set({ seen_at: new Date(now).toISOString() })
      .where('process_id', '=', this.o.processId)
      .execute()
    await this.o.db
      .deleteFrom('guide_presence')
      .where('seen_at', '<', new Date(now - PURGE_AFTER_MS).toISOString())
      .execute()
  }

  async close(): Promise<void> {
    this.closed = true
    clearInterval(this.heartbeat)
    clearTimeout(this.reconnectTimer)
    const listener = this.listener
    this.listener = null
    await listener?.end().catch(() => {})
    await this.o.db
      .deleteFrom('guide_presence')
      .where('process_id', '=', this.o.processId)
      .execute()
      .catch(() => {})
  }
}

function endedSessions(x: unknown): EndedSessions | undefined {
  if (typeof x !== 'object' || x === null) return undefined
  const { sessionId, userId } = x as { sessionId?: unknown; userId?: unknown }
  if (typeof sessionId === 'string') return { sessionId }
  if (typeof userId === 'string') return { userId }
  return undefined
}

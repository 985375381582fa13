import { randomUUID } from 'node:crypto'
import { activeEvents } from '../../src/domain/guide/active.ts'
import type { ClientMessage, GuideErrorCode, ServerMessage } from '../../src/domain/guide/messages.ts'
import { mergePresence } from '../../src/domain/guide/presence.ts'
import { commandProblem } from '../../src/domain/guide/validate.ts'
import { visibleClass } from '../classes/access.ts'
import { sceneCatalog } from '../classes/scene-catalog.ts'
import type { AppServices } from '../context.ts'
import { ApiError } from '../http/errors.ts'
import { PushLimiter } from '../sync/push-limiter.ts'
import { type BusMessage, type EndedSessions, type GuideBus, localBus } from './bus.ts'
import { GuideContent } from './catalog.ts'
import { type GuideClient, GuideHub } from './hub.ts'
import { PgBus } from './pg-bus.ts'
import { GuideStore } from './store.ts'

/**
 * Guided mode's server side, apart from the WebSocket plumbing (socket.ts): subscriptions and
 * who may lead or follow a class, commands (checked, numbered, stored, fanned out), screens'
 * acknowledgements and the presence list trainers see, and "records changed" nudges.
 *
 * Fan-out: to this process's connections directly, and to other processes through the bus
 * (PostgreSQL LISTEN/NOTIFY; with SQLite there is only this process).
 */
export interface GuideNotifier {
  /** A push committed new records of this member: tell the trainers of their classes. */
  recordsChanged(memberId: string): void
  /** Someone was removed from the class: their connections here stop following or leading it. */
  peopleChanged(classId: string): void
  /**
   * Sessions ended (a logout, a device signed out, a disabled account): connections opened with
   * them close now, on every process, instead of at their next heartbeat.
   */
  sessionsEnded(ended: EndedSessions): void
}

/** A connection may follow or lead this many classes at once. */
export const MAX_SUBSCRIPTIONS = 20
/** Presence is sent to trainers at most this often per class, so 200 acks make a few messages. */
const PRESENCE_DEBOUNCE_MS = 40
/** Presence rows are written for other processes at most this often. */
const PRESENCE_FLUSH_MS = 50
/** "Records changed" at most once a second per class (the first at once, the last not lost). */
const NUDGE_INTERVAL_MS = 1000

type Services = Omit<AppServices, 'guide'>

class GuideRefusal extends Error {
  constructor(
    readonly code: GuideErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message)
  }
}

export class GuideService implements GuideNotifier {
  readonly hub = new GuideHub()
  readonly processId = randomUUID()
  private bus: GuideBus = localBus
  private readonly store: GuideStore
  /**
   * Built when the first trainer subscribes (reading the scenes takes a moment that a server
   * start, or a member's connection, should not pay), so it is ready by their first tap.
   */
  private contentIndex: GuideContent | undefined
  private content(): GuideContent {
    this.contentIndex ??= new GuideContent(this.s.content, sceneCatalog(this.s.config.projectRoot))
    return this.contentIndex
  }
  private readonly limiter: PushLimiter
  private readonly presenceTimers = new Map<string, NodeJS.Timeout>()
  private readonly nudges = new Map<string, { timer: NodeJS.Timeout; again: boolean }>()
  /** With several processes: people whose presence rows are to be written, per class. */
  private readonly dirty = new Map<string, Set<string>>()
  private flushTimer: NodeJS.Timeout | undefined
  private flushing: Promise<void> = Promise.resolve()
  /** SQLite: state writes that follow a command's fan-out; waited for at close. */
  private readonly pendingWrites = new Set<Promise<void>>()
  /** After close, late events (a socket's close, a push) no longer reach the database. */
  private closed = false

  private constructor(private readonly s: Services) {
    this.store = new GuideStore(s.db, s.dialect)
    this.limiter = new PushLimiter(s.config.guideCommandsPerMinute)
  }

  static async start(s: Services): Promise<GuideService> {
    const service = new GuideService(s)
    if (s.dialect === 'postgres' && s.config.databaseUrl)
      service.bus = await PgBus.start({
        db: s.db,
        databaseUrl: s.config.databaseUrl,
        processId: service.processId,
        now: s.now,
        log: s.log,
        handlers: {
          onMessage: (m) => service.fromBus(m),
          onResync: () => void service.resync().catch((e) => service.fail('resync', e)),
        },
      })
    return service
  }

  /** Handles one message of a connection; a refusal is answered with an error, the connection stays. */
  async handle(client: GuideClient & { readonly closed: boolean }, message: ClientMessage): Promise<void> {
    try {
      switch (message.type) {
        case 'subscribe':
          return await this.subscribe(client, message.classId)
        case 'unsubscribe':
          if (this.hub.unsubscribe(client, message.classId))
            this.presenceChanged(message.classId, client.user.id)
          return
        case 'command':
          return await this.command(client, message)
        case 'ack':
          if (this.hub.ack(client, message.classId, message.seq))
            this.presenceChanged(message.classId, client.user.id)
          return
        case 'ping':
          return client.send({ type: 'pong' })
      }
    } catch (e) {
      const ref = message.type === 'command' ? { ref: message.ref } : {}
      const classId = 'classId' in message ? { classId: message.classId } : {}
      if (e instanceof GuideRefusal)
        return client.send({
          type: 'error',
          code: e.code,
          message: e.message,
          ...classId,
          ...ref,
          ...(e.field ? { field: e.field } : {}),
        })
      this.fail(message.type, e)
      client.send({
        type: 'error',
        code: 'internal',
        message: 'something went wrong on the server',
        ...classId,
        ...ref,
      })
    }
  }

  private async subscribe(client: GuideClient & { readonly closed: boolean }, classId: string) {
    if (
      this.hub.roleOf(client, classId) === undefined &&
      this.hub.subscriptionCount(client) >= MAX_SUBSCRIPTIONS
    )
      throw new GuideRefusal('too_many_subscriptions', `at most ${MAX_SUBSCRIPTIONS} classes per connection`)
    let relation: 'admin' | 'trainer' | 'member'
    try {
      relation = (await visibleClass(this.s.db, classId, client.user)).relation
    } catch (e) {
      // Not a member, not a trainer: the same answer as for a class that does not exist.
      if (e instanceof ApiError && e.status === 404) throw new GuideRefusal('not_found', 'no such class')
      throw e
    }
    // A second subscribe (a client that lost track) starts over: it replays the state again.
    this.hub.unsubscribe(client, classId)
    if (client.closed) return
    const role = relation === 'member' ? 'follow' : 'lead'
    if (role === 'lead' && !this.contentIndex) setImmediate(() => this.content())
    this.hub.subscribe(client, classId, role)
    const state = await this.store.state(classId)
    if (client.closed) {
      this.hub.unsubscribe(client, classId)
      return
    }
    this.hub.ready(client, classId, {
      type: 'subscribed',
      classId,
      role,
      seq: state.seq,
      active: activeEvents(state),
    })
    this.presenceChanged(classId, client.user.id)
  }

  /**
   * A subscription's role is decided when it is made; people leave classes after that. This
   * drops every subscription here whose user no longer has that role in the class (removed from
   * it, account role changed), telling them `not_found` as for a class they never had. Run on
   * every heartbeat (guide/socket.ts), at once when this process removes someone from a class,
   * and before each command.
   */
  async recheck(classIds: readonly string[] = this.hub.classIds()): Promise<void> {
    for (const classId of classIds) {
      const subscribers = this.hub.subscribers(classId)
      if (subscribers.length === 0) continue
      const [cls, trainers, members] = await Promise.all([
        this.s.db.selectFrom('classes').select('id').where('id', '=', classId).executeTakeFirst(),
        this.s.db.selectFrom('class_trainers').select('user_id').where('class_id', '=', classId).execute(),
        this.s.db.selectFrom('class_members').select('user_id').where('class_id', '=', classId).execute(),
      ])
      const leads = new Set(trainers.map((t) => t.user_id))
      const follows = new Set(members.map((m) => m.user_id))
      for (const [client, role] of subscribers) {
        const { id, role: account } = client.user
        const now = !cls
          ? undefined
          : account === 'admin' || leads.has(id)
            ? 'lead'
            : follows.has(id)
              ? 'follow'
              : undefined
        if (now === role || !this.hub.unsubscribe(client, classId)) continue
        client.send({ type: 'error', code: 'not_found', message: 'no longer in this class', classId })
        this.presenceChanged(classId, id)
      }
    }
  }

  peopleChanged(classId: string): void {
    if (this.closed) return
    void this.recheck([classId]).catch((e) => this.fail('recheck', e))
  }

  private async command(client: GuideClient, message: Extract<ClientMessage, { type: 'command' }>) {
    const { classId, command } = message
    await this.recheck([classId])
    const role = this.hub.roleOf(client, classId)
    if (!role) throw new GuideRefusal('not_subscribed', 'subscribe to the class first')
    if (role !== 'lead') throw new GuideRefusal('forbidden', 'only the class trainers lead it')
    const cls = await this.s.db.selectFrom('classes').selectAll().where('id', '=', classId).executeTakeFirst()
    if (!cls) throw new GuideRefusal('not_found', 'no such class')
    const problem = commandProblem(command, this.content().catalogOf(cls))
    if (problem) throw new GuideRefusal('invalid_command', problem.message, problem.field)
    if (this.limiter.take(client.user.id, this.s.now().getTime()) !== undefined)
      throw new GuideRefusal('rate_limited', 'too many commands; wait a moment')
    const issuer = { id: client.user.id, displayName: client.user.displayName.slice(0, 80) }
    const { event, persisted } = await this.store.issue(classId, command, issuer, this.s.now())
    client.send({ type: 'sent', ref: message.ref, eventId: event.id })
    this.hub.deliver(event)
    this.schedulePresence(classId)
    this.s.log('guide.command', { class: classId, type: command.type, seq: event.seq, user: client.user.id })
    await this.bus.publish({ t: 'cmd', e: event })
    this.pendingWrites.add(persisted)
    await persisted.finally(() => this.pendingWrites.delete(persisted))
  }

  /** A connection closed. */
  disconnected(client: GuideClient) {
    if (this.closed) return
    for (const classId of this.hub.drop(client)) this.presenceChanged(classId, client.user.id)
  }

  recordsChanged(memberId: string): void {
    if (this.closed) return
    void this.s.db
      .selectFrom('class_members')
      .select('class_id')
      .where('user_id', '=', memberId)
      .execute()
      .then((rows) => {
        for (const { class_id } of rows) this.nudge(class_id)
      })
      .catch((e) => this.fail('records-changed', e))
  }

  private nudge(classId: string) {
    const pending = this.nudges.get(classId)
    if (pending) {
      pending.again = true
      return
    }
    const send = () => {
      this.hub.toLeads(classId, { type: 'records-changed', classId })
      void this.bus.publish({ t: 'nudge', c: classId }).catch((e) => this.fail('nudge', e))
    }
    send()
    const entry = {
      again: false,
      timer: setTimeout(() => {
        this.nudges.delete(classId)
        if (entry.again) this.nudge(classId)
      }, NUDGE_INTERVAL_MS),
    }
    entry.timer.unref()
    this.nudges.set(classId, entry)
  }

  private readonly endedListeners = new Set<(ended: EndedSessions) => void>()

  /** The WebSocket endpoint (socket.ts) listens here to close the connections of ended sessions. */
  onSessionsEnded(listener: (ended: EndedSessions) => void): () => void {
    this.endedListeners.add(listener)
    return () => this.endedListeners.delete(listener)
  }

  sessionsEnded(ended: EndedSessions): void {
    if (this.closed) return
    for (const listener of this.endedListeners) listener(ended)
    void this.bus.publish({ t: 'ended', x: ended }).catch((e) => this.fail('sessions-ended', e))
  }

  private fromBus(message: BusMessage) {
    if (message.t === 'ended') {
      for (const listener of this.endedListeners) listener(message.x)
    } else if (message.t === 'cmd') {
      if (this.hub.deliver(message.e)) this.schedulePresence(message.e.classId)
    } else if (message.t === 'presence') this.schedulePresence(message.c)
    else this.hub.toLeads(message.c, { type: 'records-changed', classId: message.c })
  }

  /** After the bus was cut off: deliver the newest commands it may have missed, refresh presence. */
  private async resync() {
    for (const classId of this.hub.classIds()) {
      const state = await this.store.state(classId)
      for (const event of activeEvents(state)) this.hub.deliver(event)
      this.hub.noteSeq(classId, state.seq)
      this.schedulePresence(classId)
    }
  }

  /** One person's connections to a class changed here: tell this process's trainers and the others. */
  private presenceChanged(classId: string, userId: string) {
    this.schedulePresence(classId)
    if (this.bus === localBus) return
    let users = this.dirty.get(classId)
    if (!users) {
      users = new Set()
      this.dirty.set(classId, users)
    }
    users.add(userId)
    if (!this.flushTimer) {
      this.flushTimer = setTimeout(() => {
        this.flushTimer = undefined
        this.flushing = this.flushing.then(() => this.flushPresence()).catch((e) => this.fail('presence', e))
      }, PRESENCE_FLUSH_MS)
      this.flushTimer.unref()
    }
  }

  /**
   * Writes the changed rows of each class in one statement and tells the other processes once:
   * 200 members acknowledging a command make a few writes, not 200, and the next command's
   * transaction does not queue behind them. Flushes run one after another, so a slow write can
   * never overwrite a newer one.
   */
  private async flushPresence() {
    const dirty = [...this.dirty]
    this.dirty.clear()
    for (const [classId, users] of dirty) {
      const changes = [...users].map((userId) => ({
        userId,
        row: this.hub.presenceRowOf(classId, userId) ?? null,
      }))
      await this.bus.savePresence(classId, changes)
      await this.bus.publish({ t: 'presence', c: classId })
    }
  }

  private schedulePresence(classId: string) {
    if (!this.hub.hasLeads(classId) || this.presenceTimers.has(classId)) return
    const timer = setTimeout(() => {
      this.presenceTimers.delete(classId)
      void this.sendPresence(classId).catch((e) => this.fail('presence', e))
    }, PRESENCE_DEBOUNCE_MS)
    timer.unref()
    this.presenceTimers.set(classId, timer)
  }

  private async sendPresence(classId: string) {
    const rows = [...this.hub.presenceRows(classId), ...(await this.bus.remotePresence(classId))]
    this.hub.toLeads(classId, {
      type: 'presence',
      classId,
      seq: this.hub.seqOf(classId),
      people: mergePresence(rows),
    } satisfies ServerMessage)
  }

  /**
   * Called at each heartbeat. With several processes, the rows of one that died expire without
   * anyone being told: trainers get their list again, without those.
   */
  tick() {
    if (this.bus === localBus) return
    for (const classId of this.hub.classIds()) this.schedulePresence(classId)
  }

  private fail(what: string, e: unknown) {
    this.s.log('guide.error', { what, message: (e instanceof Error ? e.message : String(e)).slice(0, 200) })
  }

  async close(): Promise<void> {
    this.closed = true
    for (const t of this.presenceTimers.values()) clearTimeout(t)
    for (const n of this.nudges.values()) clearTimeout(n.timer)
    this.presenceTimers.clear()
    this.nudges.clear()
    clearTimeout(this.flushTimer)
    await this.flushing.catch(() => {})
    await Promise.allSettled([...this.pendingWrites])
    await this.bus.close()
  }
}

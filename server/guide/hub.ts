import type { CommandEvent } from '../../src/domain/guide/commands.ts'
import type { ServerMessage } from '../../src/domain/guide/messages.ts'
import type { PresenceRole, PresenceRow } from '../../src/domain/guide/presence.ts'
import type { SessionUser } from '../context.ts'

/**
 * The guided-mode connections of this server process, by class: who gets a class's commands,
 * who leads it (gets its presence and "records changed" nudges), and what each screen has
 * acknowledged. Other processes' connections are not here (see bus.ts).
 *
 * A new subscription is `ready` only after its `subscribed` message (with the commands a late
 * joiner replays) has gone out; live commands that arrive meanwhile wait in its queue, so a
 * member never sees a live command before the state it follows from.
 */
export interface GuideClient {
  readonly id: string
  readonly user: SessionUser
  send(message: ServerMessage): void
}

interface Subscription {
  readonly role: PresenceRole
  ackedSeq: number
  ready: boolean
  queue: CommandEvent[]
}

export class GuideHub {
  private readonly classes = new Map<string, Map<GuideClient, Subscription>>()
  /** The newest command number delivered per class, so a copy arriving twice is dropped. */
  private readonly seqs = new Map<string, number>()

  /** Adds a pending subscription; returns false when the client already has one for the class. */
  subscribe(client: GuideClient, classId: string, role: PresenceRole): boolean {
    let subs = this.classes.get(classId)
    if (!subs) {
      subs = new Map()
      this.classes.set(classId, subs)
    }
    if (subs.has(client)) return false
    subs.set(client, { role, ackedSeq: 0, ready: false, queue: [] })
    return true
  }

  /** Sends `subscribed`, then whatever arrived meanwhile and is newer than the replayed state. */
  ready(client: GuideClient, classId: string, subscribed: Extract<ServerMessage, { type: 'subscribed' }>) {
    const sub = this.classes.get(classId)?.get(client)
    if (!sub) return
    this.noteSeq(classId, subscribed.seq)
    client.send(subscribed)
    for (const event of sub.queue) if (event.seq > subscribed.seq) client.send({ type: 'command', event })
    sub.queue = []
    sub.ready = true
  }

  unsubscribe(client: GuideClient, classId: string): boolean {
    const subs = this.classes.get(classId)
    const had = subs?.delete(client) ?? false
    if (subs && subs.size === 0) this.classes.delete(classId)
    return had
  }

  /** Removes a closed connection; returns the classes whose presence changed. */
  drop(client: GuideClient): string[] {
    const changed: string[] = []
    for (const classId of [...this.classes.keys()])
      if (this.unsubscribe(client, classId)) changed.push(classId)
    return changed
  }

  /** The class's subscriptions here, with the role each was made with. */
  subscribers(classId: string): [GuideClient, PresenceRole][] {
    return [...(this.classes.get(classId) ?? [])].map(([client, sub]) => [client, sub.role])
  }

  roleOf(client: GuideClient, classId: string): PresenceRole | undefined {
    return this.classes.get(classId)?.get(client)?.role
  }

  subscriptionCount(client: GuideClient): number {
    let n = 0
    for (const subs of this.classes.values()) if (subs.has(client)) n += 1
    return n
  }

  /** Records a screen's acknowledgement; false when nothing changed. */
  ack(client: GuideClient, classId: string, seq: number): boolean {
    const sub = this.classes.get(classId)?.get(client)
    // A screen cannot have followed a command the class has not had yet.
    const upTo = Math.min(seq, this.seqOf(classId))
    if (!sub || upTo <= sub.ackedSeq) return false
    sub.ackedSeq = upTo
    return true
  }

  seqOf(classId: string): number {
    return this.seqs.get(classId) ?? 0
  }

  noteSeq(classId: string, seq: number) {
    if (seq > this.seqOf(classId)) this.seqs.set(classId, seq)
  }

  /** Sends a command to everyone subscribed to its class here; false for a copy already delivered. */
  deliver(event: CommandEvent): boolean {
    if (event.seq <= this.seqOf(event.classId)) return false
    this.seqs.set(event.classId, event.seq)
    for (const [client, sub] of this.classes.get(event.classId) ?? []) {
      if (sub.ready) client.send({ type: 'command', event })
      else sub.queue.push(event)
    }
    return true
  }

  /** Sends to the class's leaders connected here. */
  toLeads(classId: string, message: ServerMessage) {
    for (const [client, sub] of this.classes.get(classId) ?? [])
      if (sub.role === 'lead' && sub.ready) client.send(message)
  }

  hasLeads(classId: string): boolean {
    for (const sub of this.classes.get(classId)?.values() ?? []) if (sub.role === 'lead') return true
    return false
  }

  hasClass(classId: string): boolean {
    return this.classes.has(classId)
  }

  classIds(): string[] {
    return [...this.classes.keys()]
  }

  /** One row per person connected here to the class. */
  presenceRows(classId: string): PresenceRow[] {
    const byUser = new Map<string, PresenceRow>()
    for (const [client, sub] of this.classes.get(classId) ?? []) {
      const seen = byUser.get(client.user.id)
      byUser.set(client.user.id, {
        userId: client.user.id,
        displayName: client.user.displayName,
        role: seen?.role === 'lead' ? 'lead' : sub.role,
        connections: (seen?.connections ?? 0) + 1,
        ackedSeq: Math.max(seen?.ackedSeq ?? 0, sub.ackedSeq),
      })
    }
    return [...byUser.values()]
  }

  /** This process's row for one person in one class, or undefined when they are not connected here. */
  presenceRowOf(classId: string, userId: string): PresenceRow | undefined {
    return this.presenceRows(classId).find((r) => r.userId === userId)
  }
}

import { type ActiveState, applyEvent, NO_ACTIVE } from '../../domain/guide/active.ts'
import type { CommandEvent, GuideCommand } from '../../domain/guide/commands.ts'
import type { GuideErrorCode, ServerMessage } from '../../domain/guide/messages.ts'
import type { PresencePerson, PresenceRole } from '../../domain/guide/presence.ts'
import {
  type GuideLinkState,
  GuideSocket,
  type SocketEvents,
  type SocketLike,
} from '../../platform/guide/guide-socket.ts'

/**
 * The app's side of guided mode, without React: which classes it follows or leads, what each
 * class was last asked to do (a replica of the server's state, kept by the same reducer), the
 * presence list for the classes it leads, and sending commands and acknowledgements.
 *
 * Followers hear every command of a class they follow through `onFollow` (replayed ones after a
 * (re)connection are marked, and each command is heard once per app session); the screens decide
 * what to do with it (guide-follower.ts, the VR screen). "Records changed" nudges become the
 * window event `hongtu:class-records-changed` that the class dashboard listens to.
 */
export const RECORDS_CHANGED_EVENT = 'hongtu:class-records-changed'

export interface ClassGuideState {
  readonly classId: string
  /** null until the server has answered the subscription. */
  readonly role: PresenceRole | null
  readonly active: ActiveState
  /** Leaders only: who is connected, and what each has acknowledged. */
  readonly presence: readonly PresencePerson[] | null
  /** Leaders only: when a member's new records last arrived (ms, device clock). */
  readonly recordsChangedAt: number | null
  /** Why the subscription was refused (`not_found`), if it was. */
  readonly refused: GuideErrorCode | null
}

export interface GuideSnapshot {
  readonly link: GuideLinkState
  readonly classes: ReadonlyMap<string, ClassGuideState>
}

export type CommandOutcome =
  | { readonly ok: true; readonly eventId: string }
  | { readonly ok: false; readonly code: GuideErrorCode | 'offline' | 'timeout'; readonly message: string }

export type FollowListener = (event: CommandEvent, replayed: boolean) => void

export interface GuideControllerDeps {
  readonly url: string
  readonly openSocket: (url: string, events: SocketEvents) => SocketLike
  readonly recordsChanged: (classId: string) => void
  readonly now?: () => number
}

const COMMAND_TIMEOUT_MS = 8000

export class GuideController {
  private snapshot: GuideSnapshot = { link: { kind: 'stopped' }, classes: new Map() }
  private readonly listeners = new Set<() => void>()
  private readonly followers = new Set<FollowListener>()
  private readonly socket: GuideSocket
  /** Classes the app follows or leads by itself (current classes of the user). */
  private own = new Set<string>()
  /** Classes a screen asked to lead (the lead screen), counted per screen. */
  private readonly asked = new Map<string, number>()
  private readonly pending = new Map<string, { resolve: (o: CommandOutcome) => void; timer: unknown }>()
  /** Per class, the newest command already handed to followers, so none is heard twice. */
  private readonly heard = new Map<string, number>()
  /** Per class, the focus command this screen has followed, and what this connection acknowledged. */
  private readonly followedFocus = new Map<string, number>()
  private readonly acked = new Map<string, number>()
  private refSeq = 0

  constructor(private readonly deps: GuideControllerDeps) {
    this.socket = new GuideSocket({
      url: deps.url,
      open: deps.openSocket,
      onMessage: (m) => this.receive(m),
      onState: (link) => {
        if (link.kind !== 'open') this.failPending('offline', 'the connection to the server was lost')
        this.update({ link })
      },
      ...(deps.now ? { now: deps.now } : {}),
    })
  }

  // --- for React (useSyncExternalStore) ---
  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
  readonly getSnapshot = () => this.snapshot

  onFollow(listener: FollowListener): () => void {
    this.followers.add(listener)
    return () => this.followers.delete(listener)
  }

  /** The user's own classes (today's, from the server's class list). */
  setOwnClasses(classes: readonly { readonly id: string; readonly routeId: string | null }[]) {
    this.own = new Set(classes.map((c) => c.id))
    for (const c of classes) this.routes.set(c.id, c.routeId)
    this.applyClasses()
  }

  /** The route a class travels, when known (for "stop 3" in the banner). */
  routeOf(classId: string): string | null {
    return this.routes.get(classId) ?? null
  }
  private readonly routes = new Map<string, string | null>()

  /** A screen that leads a class keeps it subscribed while it is open; returns the release. */
  lead(classId: string): () => void {
    this.asked.set(classId, (this.asked.get(classId) ?? 0) + 1)
    this.applyClasses()
    return () => {
      const n = (this.asked.get(classId) ?? 1) - 1
      if (n > 0) this.asked.set(classId, n)
      else this.asked.delete(classId)
      this.applyClasses()
    }
  }

  /** Online and logged in: connect when there is anything to follow or lead. */
  setOnline(online: boolean) {
    this.online = online
    this.applyClasses()
  }
  private online = false

  stop() {
    this.online = false
    this.socket.stop()
  }

  command(classId: string, command: GuideCommand): Promise<CommandOutcome> {
    this.refSeq += 1
    const ref = `c${this.refSeq}`
    if (!this.socket.send({ type: 'command', classId, ref, command }))
      return Promise.resolve({ ok: false, code: 'offline', message: 'not connected' })
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(ref)
        resolve({ ok: false, code: 'timeout', message: 'no answer from the server' })
      }, COMMAND_TIMEOUT_MS)
      this.pending.set(ref, { resolve, timer })
    })
  }

  /**
   * The screen now shows what `event` asked for. The trainer's "followed ✓" means "shows where
   * the class is", so the acknowledgement covers the class's newest command only once its
   * current place (the focus) has been followed; a pause or a resume asks nothing of a phone's
   * screen and rides along.
   */
  followed(event: CommandEvent) {
    const { classId } = event
    const { active } = this.classState(classId)
    if (active.focus?.id === event.id) this.followedFocus.set(classId, event.seq)
    this.acknowledge(classId)
  }

  private acknowledge(classId: string) {
    const { active } = this.classState(classId)
    const focusDone = !active.focus || (this.followedFocus.get(classId) ?? 0) >= active.focus.seq
    if (!focusDone || active.seq <= (this.acked.get(classId) ?? 0)) return
    if (this.socket.send({ type: 'ack', classId, seq: active.seq })) this.acked.set(classId, active.seq)
  }

  private applyClasses() {
    const wanted = new Set([...this.own, ...this.asked.keys()])
    this.socket.setClasses(wanted)
    const classes = new Map([...this.snapshot.classes].filter(([id]) => wanted.has(id)))
    if (classes.size !== this.snapshot.classes.size) this.update({ classes })
    if (this.online && wanted.size > 0) this.socket.start()
    else if (this.socket.current.kind !== 'stopped') this.socket.stop()
  }

  private classState(classId: string): ClassGuideState {
    return (
      this.snapshot.classes.get(classId) ?? {
        classId,
        role: null,
        active: NO_ACTIVE,
        presence: null,
        recordsChangedAt: null,
        refused: null,
      }
    )
  }

  private setClass(classId: string, patch: Partial<ClassGuideState>) {
    const classes = new Map(this.snapshot.classes)
    classes.set(classId, { ...this.classState(classId), ...patch })
    this.update({ classes })
  }

  private update(patch: Partial<GuideSnapshot>) {
    this.snapshot = { ...this.snapshot, ...patch }
    for (const l of [...this.listeners]) l()
  }

  private receive(m: ServerMessage) {
    switch (m.type) {
      case 'subscribed': {
        let active: ActiveState = { ...NO_ACTIVE }
        for (const e of m.active) active = applyEvent(active, e)
        this.setClass(m.classId, { role: m.role, active: { ...active, seq: m.seq }, refused: null })
        // A new connection: the server knows nothing this screen acknowledged before.
        this.acked.delete(m.classId)
        if (m.role === 'follow') {
          for (const e of m.active) this.hear(e, true)
          // Reconnected to a class already followed: say so again on the new connection.
          this.acknowledge(m.classId)
        }
        return
      }
      case 'command': {
        const { classId } = m.event
        const before = this.classState(classId)
        this.setClass(classId, { active: applyEvent(before.active, m.event) })
        if (before.role === 'follow') this.hear(m.event, false)
        return
      }
      case 'presence':
        return this.setClass(m.classId, { presence: m.people })
      case 'records-changed':
        this.setClass(m.classId, { recordsChangedAt: (this.deps.now ?? Date.now)() })
        return this.deps.recordsChanged(m.classId)
      case 'sent':
        return this.settle(m.ref, { ok: true, eventId: m.eventId })
      case 'error':
        if (m.ref) return this.settle(m.ref, { ok: false, code: m.code, message: m.message })
        if (m.classId && this.classState(m.classId).role === null)
          this.setClass(m.classId, { refused: m.code })
        return
      case 'pong':
        return
    }
  }

  private hear(event: CommandEvent, replayed: boolean) {
    if (event.seq <= (this.heard.get(event.classId) ?? 0)) return
    this.heard.set(event.classId, event.seq)
    for (const f of [...this.followers]) f(event, replayed)
  }

  private settle(ref: string, outcome: CommandOutcome) {
    const p = this.pending.get(ref)
    if (!p) return
    clearTimeout(p.timer as ReturnType<typeof setTimeout>)
    this.pending.delete(ref)
    p.resolve(outcome)
  }

  private failPending(code: 'offline', message: string) {
    for (const ref of [...this.pending.keys()]) this.settle(ref, { ok: false, code, message })
  }
}

import {
  type ClientMessage,
  GUIDE_WS_PATH,
  parseServerMessage,
  type ServerMessage,
} from '../../domain/guide/messages.ts'
import { backoffDelayMs } from '../../domain/sync/backoff.ts'

/**
 * The guided-mode connection of the app: one WebSocket to our own server (wss on an HTTPS page),
 * subscribed to the classes the app follows or leads. It reconnects by itself with backoff and
 * subscribes again; the server then replays where each class is, so nothing a trainer said while
 * the phone was in a tunnel is lost (only superseded commands are).
 *
 * The page cannot see WebSocket ping frames, so the connection asks `ping` every
 * {@link PING_EVERY_MS} and counts it dead when nothing at all arrived for {@link DEAD_AFTER_MS}.
 * Closing with 4401 (the session ended) stops the retries until `start` is called again.
 */
export type GuideLinkState =
  | { readonly kind: 'stopped' }
  | { readonly kind: 'connecting' }
  | { readonly kind: 'open' }
  | { readonly kind: 'retrying'; readonly attempt: number; readonly nextAt: number }
  | { readonly kind: 'session-ended' }

export const PING_EVERY_MS = 20_000
export const DEAD_AFTER_MS = 45_000
/** A live channel retries sooner than the outbox: 1 s doubling, at most 30 s apart. */
export const RETRY_CAP_MS = 30_000
const CLOSE_SESSION_ENDED = 4401

/** What happens on a socket, as the browser's WebSocket reports it. */
export interface SocketEvents {
  onOpen(): void
  onClose(code: number): void
  onMessage(data: unknown): void
}

/** The part of a WebSocket this uses: {@link browserSocket}, or a test's fake. */
export interface SocketLike {
  readonly isOpen: boolean
  send(data: string): void
  close(code?: number, reason?: string): void
}

/** The browser's WebSocket behind {@link SocketLike}. */
export function browserSocket(url: string, events: SocketEvents): SocketLike {
  const ws = new WebSocket(url)
  ws.onopen = () => events.onOpen()
  ws.onclose = (e) => events.onClose(e.code)
  ws.onmessage = (e) => events.onMessage(e.data)
  // An error is always followed by close, which is where it is handled.
  ws.onerror = () => {}
  return {
    get isOpen() {
      return ws.readyState === WebSocket.OPEN
    },
    send: (data) => ws.send(data),
    close: (code, reason) => ws.close(code, reason),
  }
}

export interface GuideSocketDeps {
  /** The endpoint, e.g. wss://host/api/guide/ws. */
  readonly url: string
  readonly open: (url: string, events: SocketEvents) => SocketLike
  readonly onMessage: (message: ServerMessage) => void
  readonly onState: (state: GuideLinkState) => void
  readonly now?: () => number
  readonly random?: () => number
  readonly setTimer?: (fn: () => void, ms: number) => unknown
  readonly clearTimer?: (handle: unknown) => void
}

/** The endpoint on this page's own origin (ws: or wss: to match http: or https:). */
export function guideUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${GUIDE_WS_PATH}`
}

export class GuideSocket {
  private socket: SocketLike | null = null
  private state: GuideLinkState = { kind: 'stopped' }
  private classes = new Set<string>()
  private attempt = 0
  private retryTimer: unknown = null
  private pingTimer: unknown = null
  private lastHeardAt = 0
  private readonly now: () => number
  private readonly setTimer: (fn: () => void, ms: number) => unknown
  private readonly clearTimer: (handle: unknown) => void

  constructor(private readonly deps: GuideSocketDeps) {
    this.now = deps.now ?? Date.now
    this.setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms))
    this.clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>))
  }

  get current(): GuideLinkState {
    return this.state
  }

  /** Connects (or reconnects now, skipping any wait) unless already open or connecting. */
  start() {
    if (this.state.kind === 'open' || this.state.kind === 'connecting') return
    this.clearTimer(this.retryTimer)
    this.connect()
  }

  /** Closes and stays closed (offline, logged out, nothing to follow). */
  stop() {
    this.clearTimer(this.retryTimer)
    this.clearTimer(this.pingTimer)
    const socket = this.socket
    // Cleared first, so the close it causes is not taken for a lost connection.
    this.socket = null
    socket?.close(1000, 'stopped')
    this.attempt = 0
    this.set({ kind: 'stopped' })
  }

  /** The classes to be subscribed to; applied now when open, else on the next connection. */
  setClasses(classIds: Iterable<string>) {
    const next = new Set(classIds)
    const open = this.state.kind === 'open'
    for (const id of next) if (!this.classes.has(id) && open) this.send({ type: 'subscribe', classId: id })
    for (const id of this.classes) if (!next.has(id) && open) this.send({ type: 'unsubscribe', classId: id })
    this.classes = next
  }

  /** Sends when open; false otherwise (the caller says so rather than queueing a stale command). */
  send(message: ClientMessage): boolean {
    if (!this.socket?.isOpen || this.state.kind !== 'open') return false
    this.socket.send(JSON.stringify(message))
    return true
  }

  private set(state: GuideLinkState) {
    this.state = state
    this.deps.onState(state)
  }

  private connect() {
    this.set({ kind: 'connecting' })
    // Events of a socket this no longer holds (stopped, replaced) are ignored.
    const mine = () => this.socket === socket
    let socket: SocketLike | null = null
    try {
      socket = this.deps.open(this.deps.url, {
        onOpen: () => {
          if (!mine()) return
          this.attempt = 0
          this.lastHeardAt = this.now()
          this.set({ kind: 'open' })
          for (const classId of this.classes) this.send({ type: 'subscribe', classId })
          this.schedulePing()
        },
        onMessage: (data) => {
          if (!mine() || typeof data !== 'string') return
          this.lastHeardAt = this.now()
          const parsed = parseServerMessage(data)
          // A message off the protocol (a newer server?) is skipped, not fatal.
          if (parsed.ok) this.deps.onMessage(parsed.message)
        },
        onClose: (code) => {
          if (!mine()) return
          this.socket = null
          this.clearTimer(this.pingTimer)
          if (code === CLOSE_SESSION_ENDED) return this.set({ kind: 'session-ended' })
          this.retry()
        },
      })
    } catch {
      return this.retry()
    }
    this.socket = socket
  }

  private retry() {
    this.attempt += 1
    const delay = Math.min(RETRY_CAP_MS, backoffDelayMs(this.attempt, this.deps.random))
    this.set({ kind: 'retrying', attempt: this.attempt, nextAt: this.now() + delay })
    this.retryTimer = this.setTimer(() => this.connect(), delay)
  }

  private schedulePing() {
    this.clearTimer(this.pingTimer)
    this.pingTimer = this.setTimer(() => {
      const socket = this.socket
      if (!socket || this.state.kind !== 'open') return
      if (this.now() - this.lastHeardAt > DEAD_AFTER_MS) {
        // Half-open (a phone that changed networks): drop it and start over.
        this.socket = null
        socket.close(4000, 'no answer')
        return this.retry()
      }
      this.send({ type: 'ping' })
      this.schedulePing()
    }, PING_EVERY_MS)
  }
}

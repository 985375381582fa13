import { backoffDelayMs, takeBatch } from '../../domain/sync/backoff.ts'
import type { RecordLog } from '../storage/record-log.ts'

/**
 * The outbox loop (STYLE.md §6, notes/reliability.md P3–P7): an explicit loop that sends the
 * member's pending records in small sequential batches and clears an item only when the
 * server answers `created`, `duplicate` or `held` for that item's id. Everything else keeps it:
 * a bare 200, a captive portal's HTML page, a timeout, a 5xx, a response that names other ids.
 * `conflict`, `deleted`, `invalid` and `forbidden` park the item where the member sees it.
 * 401 and 403 stop the loop until the member logs in again: no automatic retry, items kept.
 */
export type SyncState =
  | { readonly kind: 'idle'; readonly lastSyncAt?: string }
  | { readonly kind: 'syncing' }
  | { readonly kind: 'retrying'; readonly attempt: number; readonly nextAt: number; readonly reason: string }
  | { readonly kind: 'auth-required' }

export interface SyncDeps {
  readonly log: RecordLog
  readonly memberId: string
  /** Sends with the session cookie (the browser's fetch does, for our own origin). */
  readonly fetch: typeof fetch
  readonly endpoint?: string
  readonly now?: () => number
  readonly random?: () => number
  readonly timeoutMs?: number
  readonly setTimer?: (fn: () => void, ms: number) => unknown
  readonly clearTimer?: (handle: unknown) => void
  readonly onState?: (state: SyncState) => void
  /** serverTime − deviceTime, in ms, from each successful answer. */
  readonly onClockOffset?: (offsetMs: number) => void
}

const ACK = new Set(['created', 'duplicate', 'held'])
const PARK = new Set(['conflict', 'deleted', 'invalid', 'forbidden'])

interface PushResult {
  readonly id: string | null
  readonly result: string
  readonly error?: { readonly code?: string; readonly path?: string }
}

/** Reads the answer defensively: anything but the expected JSON shape acknowledges nothing. */
async function readAnswer(
  res: Response,
): Promise<{ results: PushResult[]; serverTime?: string } | undefined> {
  if (!(res.headers.get('content-type') ?? '').includes('application/json')) return undefined
  let body: unknown
  try {
    body = await res.json()
  } catch {
    return undefined
  }
  if (typeof body !== 'object' || body === null || !Array.isArray((body as { results?: unknown }).results))
    return undefined
  const results = ((body as { results: unknown[] }).results ?? []).filter(
    (r): r is PushResult =>
      typeof r === 'object' && r !== null && typeof (r as PushResult).result === 'string',
  )
  const serverTime = (body as { serverTime?: unknown }).serverTime
  return { results, serverTime: typeof serverTime === 'string' ? serverTime : undefined }
}

export class OutboxSync {
  private state: SyncState = { kind: 'idle' }
  private attempt = 0
  private timer: unknown = null
  private running: Promise<void> | null = null
  private stopped = false
  /** Lowered when the server says a batch is too large (413), so the next try fits. */
  private maxItems = 100

  constructor(private readonly deps: SyncDeps) {}

  get current(): SyncState {
    return this.state
  }

  private set(state: SyncState) {
    this.state = state
    this.deps.onState?.(state)
  }

  /** Send now, starting the backoff afresh: on `online`, app focus, or a tap on "sync". */
  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve()
    if (this.state.kind === 'auth-required') return Promise.resolve()
    this.attempt = 0
    this.clearTimer()
    this.running ??= this.drain().finally(() => {
      this.running = null
    })
    return this.running
  }

  /** Resolves when the send in progress (if any) has finished. */
  settled(): Promise<void> {
    return this.running ?? Promise.resolve()
  }

  /** After the member logged in again. */
  resume(): Promise<void> {
    if (this.state.kind === 'auth-required') this.set({ kind: 'idle' })
    return this.kick()
  }

  stop() {
    this.stopped = true
    this.clearTimer()
  }

  private clearTimer() {
    if (this.timer !== null)
      (this.deps.clearTimer ?? clearTimeout)(this.timer as ReturnType<typeof setTimeout>)
    this.timer = null
  }

  private scheduleRetry(reason: string, retryAfterMs?: number) {
    this.attempt += 1
    const delay = Math.max(retryAfterMs ?? 0, backoffDelayMs(this.attempt, this.deps.random))
    const now = this.deps.now?.() ?? Date.now()
    this.set({ kind: 'retrying', attempt: this.attempt, nextAt: now + delay, reason })
    this.timer = (this.deps.setTimer ?? setTimeout)(() => {
      this.timer = null
      this.running ??= this.drain().finally(() => {
        this.running = null
      })
    }, delay)
  }

  /** Sends batches until the outbox is empty, a failure schedules a retry, or auth is needed. */
  private async drain(): Promise<void> {
    const { log, memberId } = this.deps
    for (;;) {
      if (this.stopped) return
      const pending = await log.pending(memberId)
      if (pending.length === 0) {
        this.attempt = 0
        this.set({ kind: 'idle', lastSyncAt: new Date(this.deps.now?.() ?? Date.now()).toISOString() })
        return
      }
      this.set({ kind: 'syncing' })
      const bodies = new Map(pending.map((p) => [p.entry.recordId, JSON.stringify(p.record)]))
      const batch = takeBatch(pending, (p) => (bodies.get(p.entry.recordId) ?? '').length, this.maxItems)
      const sent = new Set(batch.map((p) => p.entry.recordId))
      const outcome = await this.send(
        `{"records":[${batch.map((p) => bodies.get(p.entry.recordId)).join(',')}]}`,
      )
      if (outcome.kind === 'auth') return this.set({ kind: 'auth-required' })
      if (outcome.kind === 'too-large' && batch.length > 1) {
        this.maxItems = Math.max(1, Math.floor(batch.length / 2))
        continue
      }
      if (outcome.kind === 'too-large') return this.scheduleRetry('too-large')
      if (outcome.kind === 'retry') return this.scheduleRetry(outcome.reason, outcome.retryAfterMs)

      const acked: string[] = []
      const parked: { recordId: string; reason: string }[] = []
      for (const r of outcome.results) {
        // Only an answer naming an id we sent in this batch can settle anything.
        if (!r.id || !sent.has(r.id)) continue
        if (ACK.has(r.result)) acked.push(r.id)
        else if (PARK.has(r.result))
          parked.push({
            recordId: r.id,
            reason: [r.result, r.error?.code, r.error?.path].filter(Boolean).join(':'),
          })
      }
      await log.settle(acked, parked)
      if (outcome.serverTime)
        this.deps.onClockOffset?.(Date.parse(outcome.serverTime) - (this.deps.now?.() ?? Date.now()))
      // No item settled: the server answered, but not for these records. Back off rather than spin.
      if (acked.length + parked.length === 0) return this.scheduleRetry('unanswered')
    }
  }

  private async send(
    body: string,
  ): Promise<
    | { kind: 'ok'; results: PushResult[]; serverTime?: string }
    | { kind: 'retry'; reason: string; retryAfterMs?: number }
    | { kind: 'auth' }
    | { kind: 'too-large' }
  > {
    const controller = new AbortController()
    const timeout = setTimeout(() => controller.abort(), this.deps.timeoutMs ?? 30_000)
    try {
      const res = await this.deps.fetch(this.deps.endpoint ?? '/api/sync/push', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        signal: controller.signal,
        credentials: 'same-origin',
      })
      if (res.status === 401 || res.status === 403) return { kind: 'auth' }
      if (res.status === 413) return { kind: 'too-large' }
      if (res.status === 429) {
        const after = Number(res.headers.get('retry-after'))
        return {
          kind: 'retry',
          reason: 'rate-limited',
          retryAfterMs: Number.isFinite(after) ? after * 1000 : undefined,
        }
      }
      if (!res.ok) return { kind: 'retry', reason: `http-${res.status}` }
      const answer = await readAnswer(res)
      if (!answer) return { kind: 'retry', reason: 'not-json' }
      return { kind: 'ok', ...answer }
    } catch {
      return { kind: 'retry', reason: controller.signal.aborted ? 'timeout' : 'network' }
    } finally {
      clearTimeout(timeout)
    }
  }
}

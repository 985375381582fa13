import { backoffDelayMs, takeBatch } from '../../domain/sync/backoff.ts'
import type { RecordLog } from '../storage/record-log.ts'
import { canGzip, gzip } from './gzip-body.ts'
import { MINIMAL_PREFERENCE, readPushAnswer, type SettledAnswer } from './push-answer.ts'

/**
 * The outbox loop (STYLE.md §6, notes/reliability.md P3–P7): an explicit loop that sends the
 * member's pending records in small sequential batches and clears an item only when the
 * server answers `created`, `duplicate` or `held` for that item's id. Everything else keeps it:
 * a bare 200, a captive portal's HTML page, a timeout, a 5xx, a response that names other ids.
 * `conflict`, `deleted`, `invalid` and `forbidden` park the item where the member sees it.
 * 401 and 403 stop the loop until the member logs in again: no automatic retry, items kept.
 *
 * Uploads are strictly one at a time (P7), but the device's own work overlaps them: while a
 * batch is on the wire the next one is read from IndexedDB, and while the next is on the wire
 * the last one's answers are written. A settle that fails only means those records are sent
 * again, and the server answers `duplicate`: nothing is lost or doubled.
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
  /** True when the device knows it has no network: then nothing is sent (network.ts). */
  readonly knownOffline?: () => boolean
}

const MAX_ITEMS = 100
/** A batch that went up in less than this share of the timeout lets the next one be larger. */
const QUICK_SHARE = 0.25

const ACK = new Set(['created', 'duplicate', 'held'])
const PARK = new Set(['conflict', 'deleted', 'invalid', 'forbidden'])

/** A batch ready to go: its record ids in order, and its body as it goes on the wire. */
interface PreparedBatch {
  readonly ids: readonly string[]
  readonly body: string | Uint8Array<ArrayBuffer>
  readonly gzipped: boolean
}

type SendOutcome =
  | { kind: 'ok'; results: readonly SettledAnswer[]; serverTime?: string }
  | { kind: 'retry'; reason: string; retryAfterMs?: number }
  | { kind: 'auth' }
  | { kind: 'too-large' }
  | { kind: 'encoding-refused' }

export class OutboxSync {
  private state: SyncState = { kind: 'idle' }
  private attempt = 0
  private timer: unknown = null
  private running: Promise<void> | null = null
  private stopped = false
  /** Lowered when the server says a batch is too large (413), so the next try fits. */
  private maxItems = MAX_ITEMS
  /**
   * Lowered when a batch could not go up before the timeout (a GPRS-like uplink): resent whole,
   * the same batch timed out for ever and not one record arrived. Halved on each timeout, it
   * grows back after batches that went up quickly (unlike a 413, a slow link can get better).
   */
  private slowLinkItems = MAX_ITEMS

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

  /**
   * The server said this session ended, outside the loop (the start-up check of the session).
   * The loop stops as on a 401 of its own, and a pass already under way cannot then report
   * "idle" and hide it: the member would see "logged in" on a device whose records wait.
   */
  requireAuth() {
    this.clearTimer()
    this.set({ kind: 'auth-required' })
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

  /** Read through a call: the state may change between awaits (requireAuth). */
  private authLost(): boolean {
    return this.state.kind === 'auth-required'
  }

  /** The last batch's answers being written, while the next batch is on the wire. */
  private settling: Promise<void> = Promise.resolve()

  /** Sends batches until the outbox is empty, a failure schedules a retry, or auth is needed. */
  private async drain(): Promise<void> {
    // A push can only fail, and each failure is an error in the console; 'online' kicks the loop.
    if (this.deps.knownOffline?.()) return this.scheduleRetry('network')
    try {
      await this.walk()
    } catch (e) {
      // The device database failed (a read, or writing answers): nothing was removed that was
      // not acknowledged; try again later.
      await this.settling.catch(() => {})
      this.scheduleRetry(e instanceof Error && e.name === 'QuotaExceededError' ? 'storage-full' : 'storage')
    }
  }

  /** Waits for the previous batch's answers to be written (and surfaces a failure to write them). */
  private lastSettle(): Promise<void> {
    const settling = this.settling
    this.settling = Promise.resolve()
    return settling
  }

  /**
   * The next batch, read from the outbox and encoded for the wire: records after `after` in id
   * order, at most `maxItems` and 250 kB of JSON. Null when none are left after the cursor.
   */
  private async prepare(after: string | undefined): Promise<PreparedBatch | null> {
    const most = Math.min(this.maxItems, this.slowLinkItems)
    const pending = await this.deps.log.pending(this.deps.memberId, most, after)
    if (pending.length === 0) return null
    const batch = takeBatch(
      pending.map((p) => JSON.stringify(p.record)),
      (json) => json.length,
      most,
    )
    const json = `{"records":[${batch.join(',')}]}`
    const gzipped = this.gzip
    return {
      ids: pending.slice(0, batch.length).map((p) => p.recordId),
      body: gzipped ? await gzip(json) : json,
      gzipped,
    }
  }

  /**
   * Walks the outbox in id order from a cursor, batch after batch. At the end it looks once more
   * from the start: records the server did not answer, or saved behind the cursor meanwhile.
   */
  private async walk(): Promise<void> {
    let after: string | undefined
    let answeredThisPass = false
    let next: Promise<PreparedBatch | null> | null = null
    for (;;) {
      if (this.stopped || this.authLost()) return this.lastSettle()
      const batch = await (next ?? this.prepare(after))
      next = null
      if (!batch) {
        await this.lastSettle()
        if (this.authLost()) return
        if (after === undefined) {
          this.attempt = 0
          this.set({ kind: 'idle', lastSyncAt: new Date(this.deps.now?.() ?? Date.now()).toISOString() })
          return
        }
        if (!answeredThisPass) return this.scheduleRetry('unanswered')
        after = undefined
        answeredThisPass = false
        continue
      }
      if (this.state.kind !== 'syncing') this.set({ kind: 'syncing' })
      const lastSent = batch.ids.at(-1) as string
      // Read and encode the next batch while this one is on the wire.
      next = this.prepare(lastSent)
      next.catch(() => {})
      const sentAt = performance.now()
      const outcome = await this.send(batch)
      if (outcome.kind !== 'ok') {
        next = null
        await this.lastSettle()
        if (outcome.kind === 'auth') return this.set({ kind: 'auth-required' })
        if (outcome.kind === 'encoding-refused') {
          this.gzip = false
          continue
        }
        if (outcome.kind === 'too-large' && batch.ids.length > 1) {
          this.maxItems = Math.max(1, Math.floor(batch.ids.length / 2))
          continue
        }
        if (outcome.kind === 'retry' && outcome.reason === 'timeout')
          this.slowLinkItems = Math.max(1, Math.floor(batch.ids.length / 2))
        return this.scheduleRetry(
          outcome.kind === 'too-large' ? 'too-large' : outcome.reason,
          outcome.kind === 'retry' ? outcome.retryAfterMs : undefined,
        )
      }

      const acked: string[] = []
      const parked: { recordId: string; reason: string }[] = []
      for (const r of outcome.results) {
        if (ACK.has(r.result)) acked.push(r.id)
        else if (PARK.has(r.result))
          parked.push({
            recordId: r.id,
            reason: [r.result, r.error?.code, r.error?.path].filter(Boolean).join(':'),
          })
      }
      await this.lastSettle()
      this.settling = this.deps.log.settle(acked, parked)
      this.settling.catch(() => {})
      if (outcome.serverTime)
        this.deps.onClockOffset?.(Date.parse(outcome.serverTime) - (this.deps.now?.() ?? Date.now()))
      // No item settled: the server answered, but not for these records. Back off rather than spin.
      if (acked.length + parked.length === 0) {
        next = null
        await this.lastSettle()
        return this.scheduleRetry('unanswered')
      }
      if (performance.now() - sentAt < this.timeoutMs * QUICK_SHARE)
        this.slowLinkItems = Math.min(MAX_ITEMS, this.slowLinkItems * 2)
      answeredThisPass = true
      after = lastSent
    }
  }

  private get timeoutMs(): number {
    return this.deps.timeoutMs ?? 30_000
  }

  /** Compressed unless the server refused that once (415); the minimal answer asked for. */
  private gzip = canGzip()

  private async send({ ids, body, gzipped }: PreparedBatch): Promise<SendOutcome> {
    const controller = new AbortController()
    const timeout = setTimeout(() => controller.abort(), this.timeoutMs)
    try {
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        prefer: MINIMAL_PREFERENCE,
      }
      if (gzipped) headers['content-encoding'] = 'gzip'
      const res = await this.deps.fetch(this.deps.endpoint ?? '/api/sync/push', {
        method: 'POST',
        headers,
        body,
        signal: controller.signal,
        credentials: 'same-origin',
      })
      if (res.status === 401 || res.status === 403) return { kind: 'auth' }
      if (res.status === 413) return { kind: 'too-large' }
      if (res.status === 415 && gzipped) return { kind: 'encoding-refused' }
      if (res.status === 429) {
        const after = Number(res.headers.get('retry-after'))
        return {
          kind: 'retry',
          reason: 'rate-limited',
          retryAfterMs: Number.isFinite(after) ? after * 1000 : undefined,
        }
      }
      if (!res.ok) return { kind: 'retry', reason: `http-${res.status}` }
      const answer = await readPushAnswer(res, ids)
      if (answer.kind !== 'answer') return { kind: 'retry', reason: 'not-json' }
      return { kind: 'ok', results: answer.results, serverTime: answer.serverTime }
    } catch {
      return { kind: 'retry', reason: controller.signal.aborted ? 'timeout' : 'network' }
    } finally {
      clearTimeout(timeout)
    }
  }
}

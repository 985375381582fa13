import { type ClassDetail, fetchClass, fetchRecordsPage } from './api.ts'
import type { ClassSnapshot } from './class-cache.ts'
import { type CachedRecord, mergePulled, readPulled } from './pulled-records.ts'

/**
 * Keeps one class's dashboard data current: the device copy first (works offline), then a full
 * pull from the server, then a pull after the cursor each time `refresh()` is called (the
 * screen calls it on a timer while visible and online, and on a class-records nudge).
 *
 * A full pull (cursor 0) happens on start and whenever the roster changed: a member added later
 * brings records from before the cursor, and a held record released later keeps its old server
 * position, so only a full pull sees those.
 */

export type FeedState =
  | { readonly status: 'loading' }
  /** Data to show; `connection` says whether the last pull reached the server. */
  | {
      readonly status: 'ready'
      readonly snapshot: ClassSnapshot
      readonly connection: 'live' | 'offline' | 'error'
      readonly pulling: boolean
    }
  /** Offline with no copy on this device. */
  | { readonly status: 'offline-empty' }
  | { readonly status: 'logged-out' }
  /** A member of the class (403) or not allowed to see it at all (404, like a missing class). */
  | { readonly status: 'forbidden' }
  | { readonly status: 'not-found' }
  | { readonly status: 'error'; readonly httpStatus: number }

export interface FeedStore {
  load(classId: string, ownerId: string): Promise<ClassSnapshot | undefined>
  save(snapshot: ClassSnapshot): Promise<void>
  drop(classId: string): Promise<void>
}

export interface FeedDeps {
  readonly store: FeedStore
  readonly fetch?: typeof fetch
  readonly now?: () => Date
  readonly isOnline?: () => boolean
}

/** A pull answered without news is saved only this often (it only moves "last updated"). */
const QUIET_SAVE_MS = 60_000
const MAX_PAGES = 200

type PullFailure = Extract<Awaited<ReturnType<typeof fetchRecordsPage>>, { ok: false }>

export class ClassFeed {
  private state: FeedState = { status: 'loading' }
  private readonly listeners = new Set<(s: FeedState) => void>()
  private snapshot: ClassSnapshot | undefined
  private running = false
  private again: 'full' | 'after-cursor' | null = null
  private stopped = false
  private lastSavedAt = 0
  private connection: 'live' | 'offline' | 'error' = 'offline'

  constructor(
    readonly classId: string,
    readonly ownerId: string,
    private readonly deps: FeedDeps,
  ) {}

  get current(): FeedState {
    return this.state
  }

  subscribe(listener: (s: FeedState) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  async start(): Promise<void> {
    this.snapshot = await this.deps.store.load(this.classId, this.ownerId).catch(() => undefined)
    if (this.snapshot) this.set({ ...this.readyState('offline'), pulling: true })
    await this.pull('full')
  }

  stop(): void {
    this.stopped = true
    this.listeners.clear()
  }

  /** Pulls what is new; a call while a pull runs is remembered and runs after it, once. */
  refresh(): Promise<void> {
    return this.pull('after-cursor')
  }

  /**
   * Reads the class and all its records again: after this device changed the class (its name,
   * dates or roster), which a pull after the cursor does not see. A member taken off the roster
   * brings no record to notice, and new dates move which untagged records belong to the class.
   */
  reload(): Promise<void> {
    return this.pull('full')
  }

  private async pull(kind: 'full' | 'after-cursor'): Promise<void> {
    if (this.running) {
      this.again = this.again === 'full' || kind === 'full' ? 'full' : 'after-cursor'
      return
    }
    this.running = true
    try {
      await this.pullOnce(this.snapshot ? kind : 'full')
    } finally {
      this.running = false
      const next = this.again
      this.again = null
      if (next && !this.stopped) await this.pull(next)
    }
  }

  private async pullOnce(kind: 'full' | 'after-cursor'): Promise<void> {
    if (this.deps.isOnline && !this.deps.isOnline()) return this.fail({ ok: false, kind: 'offline' })
    if (this.snapshot) this.set({ ...this.readyState(this.connection), pulling: true })
    let detail = this.snapshot?.detail
    let full = kind === 'full' || !detail
    if (full || !detail) {
      const got = await fetchClass(this.classId, this.deps.fetch)
      if (!got.ok) return this.fail(got)
      detail = got.value
    }
    let pulled = await this.pullPages(full ? '0' : (this.snapshot?.cursor ?? '0'))
    if ('kind' in pulled) return this.fail(pulled)

    // Someone on the roster we do not know yet: read the roster again, then everything.
    const known = new Set(detail.members.map((m) => m.id))
    if (!full && pulled.records.some((r) => !known.has(r.record.memberId))) {
      const got = await fetchClass(this.classId, this.deps.fetch)
      if (!got.ok) return this.fail(got)
      detail = got.value
      full = true
      pulled = await this.pullPages('0')
      if ('kind' in pulled) return this.fail(pulled)
    }
    if (this.stopped) return

    const now = (this.deps.now?.() ?? new Date()).toISOString()
    const before = this.snapshot
    const changed = full || pulled.records.length > 0 || rosterChanged(before?.detail, detail)
    // Unchanged data keeps its identity, so a screen recomputes its figures only on news.
    const records =
      before && !changed ? before.records : mergePulled(full ? [] : (before?.records ?? []), pulled.records)
    if (before && !changed) detail = before.detail
    this.snapshot = {
      classId: this.classId,
      ownerId: this.ownerId,
      detail,
      records,
      cursor: pulled.cursor,
      pulledAt: now,
    }
    this.set({ ...this.readyState('live'), pulling: false })
    if (changed || Date.now() - this.lastSavedAt > QUIET_SAVE_MS) {
      this.lastSavedAt = Date.now()
      await this.deps.store.save(this.snapshot).catch(() => undefined)
    }
  }

  private async pullPages(from: string): Promise<{ records: CachedRecord[]; cursor: string } | PullFailure> {
    const records: CachedRecord[] = []
    let cursor = from
    for (let page = 0; page < MAX_PAGES; page++) {
      const got = await fetchRecordsPage(this.classId, cursor, this.deps.fetch)
      if (!got.ok) return got
      for (const raw of got.value.records) {
        const r = readPulled(raw)
        if (r) records.push(r)
      }
      const moved = got.value.cursor !== cursor
      cursor = got.value.cursor
      if (!got.value.more || !moved) break
    }
    return { records, cursor }
  }

  private readyState(connection: 'live' | 'offline' | 'error') {
    this.connection = connection
    return { status: 'ready' as const, snapshot: this.snapshot as ClassSnapshot, connection, pulling: false }
  }

  private fail(f: PullFailure): void {
    if (this.stopped) return
    if (f.kind === 'forbidden' || f.kind === 'not-found') {
      // The class is gone or no longer ours: its copy must not stay readable here.
      this.snapshot = undefined
      void this.deps.store.drop(this.classId).catch(() => undefined)
    }
    this.set(this.failedState(f))
  }

  private failedState(f: PullFailure): FeedState {
    switch (f.kind) {
      case 'offline':
        return this.snapshot ? this.readyState('offline') : { status: 'offline-empty' }
      case 'logged-out':
        return { status: 'logged-out' }
      case 'forbidden':
      case 'not-found':
        return { status: f.kind }
      default:
        return this.snapshot
          ? this.readyState('error')
          : { status: 'error', httpStatus: f.kind === 'error' || f.kind === 'invalid' ? f.status : 0 }
    }
  }

  private set(s: FeedState): void {
    if (this.stopped) return
    this.state = s
    for (const l of this.listeners) l(s)
  }
}

function rosterChanged(a: ClassDetail | undefined, b: ClassDetail): boolean {
  if (!a) return true
  const ids = (d: ClassDetail) => d.members.map((m) => `${m.id}/${m.branchId ?? ''}`).join(',')
  return ids(a) !== ids(b) || a.class.name !== b.class.name
}

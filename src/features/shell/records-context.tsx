import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import type { PayloadOf, RecordKind } from '../../domain/records/kinds.ts'
import { type Progress, projectProgress } from '../../domain/records/progress.ts'
import type { AnyRecord } from '../../domain/records/record.ts'
import type { LocalMember } from '../../platform/member.ts'
import type { SessionInfo } from '../../platform/session.ts'
import { afterSettle } from '../../platform/storage/after-settle.ts'
import type {
  AppendContext,
  ChangeScope,
  OutboxSummary,
  RecordLog,
  Settled,
} from '../../platform/storage/record-log.ts'
import type { SyncState } from '../../platform/sync/outbox-sync.ts'
import { useContentState } from './content-context.tsx'
import { useOutboxSync } from './use-outbox-sync.ts'

/** The pause before a re-read that changes during a re-read asked for (see below). */
const FOLLOW_UP_REREAD_MS = 300
/**
 * The outbox is counted again once a sync has been quiet this long, and at least this often
 * while one runs. Counting is a walk over the member's whole outbox: in Chromium's on-disk
 * IndexedDB, 45–65 ms for 10,000 entries on the CI machine (far more on a phone). Counted after
 * every batch, it took 86% of a 10,000-record drain's time; each batch's answers now adjust
 * the count on screen instead.
 */
const OUTBOX_QUIET_MS = 1000
const OUTBOX_MAX_WAIT_MS = 10_000
/** Batches' answers reach the screen together, at most this often: each is a re-render of it. */
const SETTLED_SHOWN_EVERY_MS = 250

/**
 * The record log as the screens see it: who records (the logged-in member, or this device's
 * local member before anyone logs in), their records and progress (recomputed after every
 * committed write, in this tab or another), the sync state, and `append`.
 */
export type RecordsState =
  | { readonly status: 'opening' }
  | { readonly status: 'ready' }
  | { readonly status: 'error'; readonly error: string }
  | { readonly status: 'closed-for-update' }

export interface Member {
  readonly memberId: string
  readonly displayName: string
  readonly kind: 'account' | 'local'
}

interface RecordsContextValue {
  readonly state: RecordsState
  readonly log: RecordLog | null
  readonly member: Member | null
  readonly session: SessionInfo | null
  readonly localMember: LocalMember | null
  readonly records: readonly AnyRecord[]
  /**
   * What waits to be sent and what the server refused (a summary: never the whole outbox).
   * During a sync it follows each batch's answers and is read again once the sync pauses, so it
   * may trail the database by a moment: a decision that deletes records takes `recountOutbox`.
   */
  readonly outbox: OutboxSummary
  /** Reads the outbox summary from the device database now (and shows it). */
  readonly recountOutbox: () => Promise<OutboxSummary>
  readonly progress: Progress
  readonly sync: SyncState
  readonly lastSyncAt?: string
  /** serverTime − deviceTime from the last sync answer, or null while none is known. */
  readonly clockOffsetMs: number | null
  readonly append: <K extends RecordKind>(
    kind: K,
    payload: PayloadOf<K>,
    ctx: Omit<AppendContext, 'memberId' | 'contentVersion'>,
  ) => Promise<AnyRecord>
  readonly rename: (name: string) => Promise<void>
  readonly syncNow: () => void
  readonly setSession: (session: SessionInfo | null) => Promise<void>
  readonly authRequired: () => void
  /** After the member logged in again on an expired session: syncing picks up where it stopped. */
  readonly resumeAfterLogin: () => void
}

const RecordsContext = createContext<RecordsContextValue | null>(null)
const CHANNEL = 'hongtu-records'
const EMPTY = projectProgress([])
const SESSION = 'session'
const NO_OUTBOX: OutboxSummary = { pending: 0, parked: [] }

export function RecordsProvider({ children }: { children: ReactNode }) {
  const { state: contentState } = useContentState()
  const contentVersion = contentState.status === 'ready' ? contentState.content.pack.version : null
  const [state, setState] = useState<RecordsState>({ status: 'opening' })
  const [log, setLog] = useState<RecordLog | null>(null)
  const [localMember, setLocalMember] = useState<LocalMember | null>(null)
  const [session, setSessionState] = useState<SessionInfo | null>(null)
  const [records, setRecords] = useState<readonly AnyRecord[]>([])
  const [outbox, setOutbox] = useState<OutboxSummary>(NO_OUTBOX)

  const member = useMemo<Member | null>(() => {
    if (session) return { memberId: session.userId, displayName: session.displayName, kind: 'account' }
    return localMember ? { ...localMember, kind: 'local' } : null
  }, [session, localMember])
  const sync = useOutboxSync(log, session?.userId ?? null)

  useEffect(() => {
    let live = true
    let opened: RecordLog | null = null
    // Loaded lazily: the record log brings the record validators (zod), which the first
    // screen does not need.
    void import('../../platform/storage/record-log.ts')
      .then(({ RecordLog }) =>
        RecordLog.open({
          onVersionChange: () => {
            setState({ status: 'closed-for-update' })
            // A newer version of the app opened the database in another tab: follow it.
            setTimeout(() => location.reload(), 1500)
          },
        }),
      )
      .then(async (l) => {
        opened = l
        const { loadOrCreateLocalMember } = await import('../../platform/member.ts')
        const [local, saved] = await Promise.all([
          loadOrCreateLocalMember(l),
          l.getMeta<SessionInfo>(SESSION),
        ])
        if (!live) return l.close()
        setLog(l)
        setLocalMember(local)
        setSessionState(saved ?? null)
        setState({ status: 'ready' })
      })
      .catch(
        (e: unknown) =>
          live && setState({ status: 'error', error: e instanceof Error ? e.message : String(e) }),
      )
    return () => {
      live = false
      opened?.close()
    }
  }, [])

  const memberId = member?.memberId
  /** Re-reads the member's records (parsing each) and outbox summary, or only the summary when only the outbox changed. */
  const refresh = useCallback(
    async (scope: ChangeScope = 'all') => {
      if (!log || !memberId) return
      if (scope === 'outbox') return setOutbox(await log.outboxSummary(memberId))
      const [r, o] = await Promise.all([log.records(memberId), log.outboxSummary(memberId)])
      setRecords(r)
      setOutbox(o)
    },
    [log, memberId],
  )

  useEffect(() => {
    if (!log) return
    // One re-read at a time, plus one after it if anything changed meanwhile: a sync settling
    // batch after batch must not queue a full re-read of the member's records per batch. The
    // follow-up waits a moment, so that back-to-back re-reads of a long outbox do not take the
    // database from the drain itself (the count on screen lags a sync by at most that moment).
    let running = false
    let disposed = false
    let again: ChangeScope | null = null
    const reread = (scope: ChangeScope = 'all') => {
      // Settings changed (last sync time, clock offset): nothing on screen comes from records.
      if (scope === 'meta') return
      if (running) {
        again = again === 'all' || scope === 'all' ? 'all' : 'outbox'
        return
      }
      running = true
      void refresh(scope).finally(() => {
        running = false
        const next = again
        again = null
        if (next) setTimeout(() => !disposed && reread(next), FOLLOW_UP_REREAD_MS)
      })
    }
    // A settled batch: its answers say how the count changed; the outbox is read again only
    // when the sync pauses (or every OUTBOX_MAX_WAIT_MS), for the oldest waiting record and to
    // correct the count should another tab have changed it meanwhile.
    let quiet: ReturnType<typeof setTimeout> | undefined
    let deferredSince: number | undefined
    let unshown: Settled | null = null
    let showing: ReturnType<typeof setTimeout> | undefined
    const showSettled = (settled: Settled) => {
      unshown = unshown
        ? { acked: unshown.acked + settled.acked, parked: [...unshown.parked, ...settled.parked] }
        : settled
      showing ??= setTimeout(() => {
        const shown = unshown
        unshown = null
        showing = undefined
        if (shown && !disposed) setOutbox((o) => afterSettle(o, shown))
      }, SETTLED_SHOWN_EVERY_MS)
    }
    const rereadOutboxWhenQuiet = () => {
      const now = Date.now()
      deferredSince ??= now
      clearTimeout(quiet)
      quiet = setTimeout(
        () => {
          deferredSince = undefined
          if (!disposed) reread('outbox')
        },
        Math.max(0, Math.min(OUTBOX_QUIET_MS, deferredSince + OUTBOX_MAX_WAIT_MS - now)),
      )
    }
    // The login is kept in the device database, shared by every tab: when another tab logs out
    // or in, this one follows, or it would go on saving (and sending, with the new login's
    // cookie) records of someone no longer logged in.
    const rereadSession = () =>
      void log.getMeta<SessionInfo>(SESSION).then((saved) => {
        if (disposed) return
        setSessionState((now) =>
          JSON.stringify(now ?? null) === JSON.stringify(saved ?? null) ? now : (saved ?? null),
        )
      })
    const onChange = (scope: ChangeScope, settled?: Settled) => {
      if (scope === 'meta') rereadSession()
      if (scope !== 'outbox') return reread(scope)
      if (settled) showSettled(settled)
      rereadOutboxWhenQuiet()
    }
    reread()
    const channel = 'BroadcastChannel' in window ? new BroadcastChannel(CHANNEL) : null
    channel?.addEventListener('message', (e: MessageEvent) =>
      onChange(e.data === 'outbox' || e.data === 'meta' ? e.data : 'all'),
    )
    const unsubscribe = log.subscribe((scope, settled) => {
      onChange(scope, settled)
      channel?.postMessage(scope)
    })
    return () => {
      disposed = true
      clearTimeout(quiet)
      clearTimeout(showing)
      unsubscribe()
      channel?.close()
    }
  }, [log, refresh])

  const recountOutbox = useCallback(async () => {
    if (!log || !memberId) return NO_OUTBOX
    const summary = await log.outboxSummary(memberId)
    setOutbox(summary)
    return summary
  }, [log, memberId])

  const { syncNow, clockOffsetMs } = sync
  const append = useCallback<RecordsContextValue['append']>(
    async (kind, payload, ctx) => {
      if (!log || !member || !contentVersion) throw new Error('record log not open')
      const record = await log.append(kind, payload, {
        clockOffsetMs,
        ...ctx,
        memberId: member.memberId,
        contentVersion,
      })
      syncNow()
      return record
    },
    [log, member, contentVersion, clockOffsetMs, syncNow],
  )

  const rename = useCallback(
    async (name: string) => {
      if (!log || !localMember) return
      const { renameLocalMember } = await import('../../platform/member.ts')
      setLocalMember(await renameLocalMember(log, localMember, name))
    },
    [log, localMember],
  )

  const setSession = useCallback(
    async (next: SessionInfo | null) => {
      if (!log) return
      await log.setMeta(SESSION, next ?? undefined)
      setSessionState(next)
    },
    [log],
  )

  // At start, when online: is the remembered session still valid on the server?
  const { authRequired } = sync
  const sessionUser = session?.userId
  useEffect(() => {
    if (!log || !sessionUser) return
    let live = true
    void import('../../platform/session.ts').then(async ({ whoAmI }) => {
      const answer = await whoAmI()
      if (!live) return
      if (answer === 'expired' || (typeof answer === 'object' && answer.userId !== sessionUser))
        authRequired()
    })
    return () => {
      live = false
    }
  }, [log, sessionUser, authRequired])

  const progress = useMemo(() => (records.length ? projectProgress(records) : EMPTY), [records])
  const value = useMemo(
    () => ({
      state,
      log,
      member,
      session,
      localMember,
      records,
      outbox,
      recountOutbox,
      progress,
      sync: sync.state,
      lastSyncAt: sync.lastSyncAt,
      clockOffsetMs,
      append,
      rename,
      syncNow,
      setSession,
      authRequired: sync.authRequired,
      resumeAfterLogin: sync.resumeAfterLogin,
    }),
    [
      state,
      log,
      member,
      session,
      localMember,
      records,
      outbox,
      recountOutbox,
      progress,
      sync.state,
      sync.lastSyncAt,
      clockOffsetMs,
      sync.authRequired,
      sync.resumeAfterLogin,
      append,
      rename,
      syncNow,
      setSession,
    ],
  )
  return <RecordsContext.Provider value={value}>{children}</RecordsContext.Provider>
}

export function useRecords(): RecordsContextValue {
  const ctx = useContext(RecordsContext)
  if (!ctx) throw new Error('useRecords outside RecordsProvider')
  return ctx
}

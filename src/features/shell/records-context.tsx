import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import type { PayloadOf, RecordKind } from '../../domain/records/kinds.ts'
import { type Progress, projectProgress } from '../../domain/records/progress.ts'
import type { AnyRecord } from '../../domain/records/record.ts'
import type { LocalMember } from '../../platform/member.ts'
import type { AppendContext, OutboxEntry, RecordLog } from '../../platform/storage/record-log.ts'
import { useContentState } from './content-context.tsx'

/**
 * The record log as the screens see it: the member, their records and progress (a projection
 * recomputed after every committed write, in this tab or another), and `append`.
 */
export type RecordsState =
  | { readonly status: 'opening' }
  | { readonly status: 'ready' }
  | { readonly status: 'error'; readonly error: string }
  | { readonly status: 'closed-for-update' }

interface RecordsContextValue {
  readonly state: RecordsState
  readonly log: RecordLog | null
  readonly member: LocalMember | null
  readonly records: readonly AnyRecord[]
  readonly outbox: readonly OutboxEntry[]
  readonly progress: Progress
  readonly append: <K extends RecordKind>(
    kind: K,
    payload: PayloadOf<K>,
    ctx: Omit<AppendContext, 'memberId' | 'contentVersion'>,
  ) => Promise<AnyRecord>
  readonly rename: (name: string) => Promise<void>
}

const RecordsContext = createContext<RecordsContextValue | null>(null)
const CHANNEL = 'hongtu-records'
const EMPTY = projectProgress([])

export function RecordsProvider({ children }: { children: ReactNode }) {
  const { state: contentState } = useContentState()
  const contentVersion = contentState.status === 'ready' ? contentState.content.pack.version : null
  const [state, setState] = useState<RecordsState>({ status: 'opening' })
  const [log, setLog] = useState<RecordLog | null>(null)
  const [member, setMember] = useState<LocalMember | null>(null)
  const [records, setRecords] = useState<readonly AnyRecord[]>([])
  const [outbox, setOutbox] = useState<readonly OutboxEntry[]>([])

  useEffect(() => {
    let live = true
    let opened: RecordLog | null = null
    // Loaded lazily: the record log brings the record validators (zod), which the first
    // screen does not need.
    const modules = Promise.all([
      import('../../platform/storage/record-log.ts'),
      import('../../platform/member.ts'),
    ])
    modules
      .then(([{ RecordLog }]) =>
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
        const m = await loadOrCreateLocalMember(l)
        if (!live) return l.close()
        setLog(l)
        setMember(m)
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

  const refresh = useCallback(async () => {
    if (!log || !member) return
    const [r, o] = await Promise.all([log.records(member.memberId), log.outbox(member.memberId)])
    setRecords(r)
    setOutbox(o)
  }, [log, member])

  useEffect(() => {
    if (!log) return
    void refresh()
    const channel = 'BroadcastChannel' in window ? new BroadcastChannel(CHANNEL) : null
    channel?.addEventListener('message', () => void refresh())
    const unsubscribe = log.subscribe(() => {
      void refresh()
      channel?.postMessage('changed')
    })
    return () => {
      unsubscribe()
      channel?.close()
    }
  }, [log, refresh])

  const append = useCallback<RecordsContextValue['append']>(
    async (kind, payload, ctx) => {
      if (!log || !member || !contentVersion) throw new Error('record log not open')
      return log.append(kind, payload, { ...ctx, memberId: member.memberId, contentVersion })
    },
    [log, member, contentVersion],
  )

  const rename = useCallback(
    async (name: string) => {
      if (!log || !member) return
      const { renameLocalMember } = await import('../../platform/member.ts')
      setMember(await renameLocalMember(log, member, name))
    },
    [log, member],
  )

  const progress = useMemo(() => (records.length ? projectProgress(records) : EMPTY), [records])
  const value = useMemo(
    () => ({ state, log, member, records, outbox, progress, append, rename }),
    [state, log, member, records, outbox, progress, append, rename],
  )
  return <RecordsContext.Provider value={value}>{children}</RecordsContext.Provider>
}

export function useRecords(): RecordsContextValue {
  const ctx = useContext(RecordsContext)
  if (!ctx) throw new Error('useRecords outside RecordsProvider')
  return ctx
}

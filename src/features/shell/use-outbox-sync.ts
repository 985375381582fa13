import { useCallback, useEffect, useRef, useState } from 'react'
import { knownOffline } from '../../platform/network.ts'
import type { RecordLog } from '../../platform/storage/record-log.ts'
import { OutboxSync, type SyncState } from '../../platform/sync/outbox-sync.ts'
import { pullNew } from '../../platform/sync/pull.ts'

const LAST_SYNC = 'lastSyncAt'
/** serverTime − deviceTime in ms, in the device database's meta store (domain/sync/server-time.ts). */
export const CLOCK_OFFSET_META = 'clockOffsetMs'
/** Device clock offsets are kept to about a second: corrected times need no finer. */
const CLOCK_OFFSET_TOLERANCE_MS = 1000

/** After syncs that follow saves, the member's other devices are looked at no oftener than this. */
const PULL_AFTER_SAVES_MS = 60_000

/**
 * Runs the outbox loop for the logged-in member (none for the local member: its records
 * wait on the device until someone logs in and claims them). Sends at start, after each save,
 * when the network comes back, and when the app is brought to the front (P5). After a sync
 * that emptied the outbox it fetches what the member's other devices sent (pull.ts): always
 * when the app starts, comes back online or to the front, and at most once a minute otherwise.
 */
export function useOutboxSync(log: RecordLog | null, memberId: string | null) {
  const [state, setState] = useState<SyncState>({ kind: 'idle' })
  const [lastSyncAt, setLastSyncAt] = useState<string | undefined>()
  const [clockOffsetMs, setClockOffsetMs] = useState<number | null>(null)
  const sync = useRef<OutboxSync | null>(null)

  useEffect(() => {
    if (!log) return
    void log.getMeta<string>(LAST_SYNC).then(setLastSyncAt)
    void log.getMeta<number>(CLOCK_OFFSET_META).then((o) => setClockOffsetMs(o ?? null))
  }, [log])

  useEffect(() => {
    if (!log || !memberId) return
    let savedOffset: number | undefined
    let pullWanted = true
    let lastPullAt = 0
    let pulling = false
    const followOtherDevices = () => {
      if (pulling || (!pullWanted && Date.now() - lastPullAt < PULL_AFTER_SAVES_MS)) return
      pulling = true
      pullWanted = false
      lastPullAt = Date.now()
      // A failed pull changes nothing here; the next sync tries again.
      void pullNew(log, memberId)
        .catch(() => 0)
        .finally(() => {
          pulling = false
        })
    }
    const engine = new OutboxSync({
      log,
      memberId,
      fetch: (input, init) => fetch(input, init),
      knownOffline,
      onState: (s) => {
        setState(s)
        if (s.kind === 'idle' && s.lastSyncAt) {
          setLastSyncAt(s.lastSyncAt)
          // A full disk refuses this small write too: the time on screen is right, and the
          // next sync writes it again.
          log.setMeta(LAST_SYNC, s.lastSyncAt).catch(() => {})
          followOtherDevices()
        }
      },
      onClockOffset: (offset) => {
        // Every answer carries the offset, jittering by the round trip; store it only when it
        // moved by more than that (a write per batch would be a durable transaction per batch,
        // and a re-render of every screen, for nothing).
        const rounded = Math.round(offset)
        if (savedOffset !== undefined && Math.abs(rounded - savedOffset) < CLOCK_OFFSET_TOLERANCE_MS) return
        savedOffset = rounded
        setClockOffsetMs(rounded)
        log.setMeta(CLOCK_OFFSET_META, rounded).catch(() => {
          // Not kept (a full disk): written again with the next answer.
          savedOffset = undefined
        })
      },
    })
    sync.current = engine
    const kick = () => void engine.kick()
    const kickAndLook = () => {
      pullWanted = true
      kick()
    }
    const onVisible = () => document.visibilityState === 'visible' && kickAndLook()
    window.addEventListener('online', kickAndLook)
    document.addEventListener('visibilitychange', onVisible)
    // Refusals that may have gone away (record-log.ts retryRefused) get one more try now.
    void log
      .retryRefused(memberId)
      .catch(() => 0)
      .finally(kick)
    return () => {
      engine.stop()
      sync.current = null
      window.removeEventListener('online', kickAndLook)
      document.removeEventListener('visibilitychange', onVisible)
    }
  }, [log, memberId])

  const syncNow = useCallback(() => void sync.current?.kick(), [])
  const resumeAfterLogin = useCallback(() => {
    // The screens' "log in again" may come from the start-up session check, not from the loop.
    setState({ kind: 'idle' })
    void sync.current?.resume()
  }, [])
  // Through the loop when there is one, so that a pass finishing afterwards does not say "idle".
  const authRequired = useCallback(() => {
    if (sync.current) sync.current.requireAuth()
    else setState({ kind: 'auth-required' })
  }, [])
  return { state, lastSyncAt, clockOffsetMs, syncNow, resumeAfterLogin, authRequired }
}

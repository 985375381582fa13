import { useEffect, useRef, useState } from 'react'
import { dropClassSnapshot, loadClassSnapshot, saveClassSnapshot } from './class-cache.ts'
import { ClassFeed, type FeedState } from './class-feed.ts'

/** How often the dashboard asks for new records while it is visible and online. */
export const POLL_MS = 5_000
/** Dispatched by the guided-mode client when the server says a class's records changed. */
export const CLASS_RECORDS_CHANGED = 'hongtu:class-records-changed'

const store = { load: loadClassSnapshot, save: saveClassSnapshot, drop: dropClassSnapshot }

/**
 * One class's dashboard data for a screen: the device copy, then live. Polls every 5 s while the
 * page is visible and the browser says it is online, and at once when the page becomes visible,
 * the connection returns, or a class-records nudge for this class arrives.
 */
export function useClassFeed(
  classId: string,
  ownerId: string | null,
): { state: FeedState; refresh: () => void; reload: () => void } {
  const [state, setState] = useState<FeedState>({ status: 'loading' })
  const feedRef = useRef<ClassFeed | null>(null)

  useEffect(() => {
    if (!ownerId) return
    const feed = new ClassFeed(classId, ownerId, { store, isOnline: () => navigator.onLine })
    feedRef.current = feed
    const unsubscribe = feed.subscribe(setState)
    setState(feed.current)
    void feed.start()

    const visible = () => document.visibilityState === 'visible'
    const timer = window.setInterval(() => {
      if (visible() && navigator.onLine) void feed.refresh()
    }, POLL_MS)
    const now = () => void feed.refresh()
    const onVisible = () => visible() && now()
    const onNudge = (e: Event) => {
      const detail = (e as CustomEvent<{ classId?: unknown }>).detail
      if (detail?.classId === classId) now()
    }
    window.addEventListener('online', now)
    window.addEventListener('offline', now)
    document.addEventListener('visibilitychange', onVisible)
    window.addEventListener(CLASS_RECORDS_CHANGED, onNudge)
    return () => {
      window.clearInterval(timer)
      window.removeEventListener('online', now)
      window.removeEventListener('offline', now)
      document.removeEventListener('visibilitychange', onVisible)
      window.removeEventListener(CLASS_RECORDS_CHANGED, onNudge)
      unsubscribe()
      feed.stop()
      feedRef.current = null
    }
  }, [classId, ownerId])

  return {
    state,
    refresh: () => void feedRef.current?.refresh(),
    reload: () => void feedRef.current?.reload(),
  }
}

import { useEffect } from 'react'

/**
 * Keeps the screen on while `active` (the trainer's phone must not dim while members queue to
 * scan). Where the Screen Wake Lock API is missing or refused, nothing happens: the trainer can
 * still tap the screen.
 */
export function useWakeLock(active: boolean): void {
  useEffect(() => {
    if (!active || !('wakeLock' in navigator)) return
    let sentinel: WakeLockSentinel | undefined
    let live = true
    const acquire = () => {
      if (document.visibilityState !== 'visible') return
      navigator.wakeLock
        .request('screen')
        .then((s) => {
          if (live) sentinel = s
          else void s.release()
        })
        .catch(() => {})
    }
    acquire()
    // The lock is released whenever the page is hidden; take it again on return.
    document.addEventListener('visibilitychange', acquire)
    return () => {
      live = false
      document.removeEventListener('visibilitychange', acquire)
      void sentinel?.release().catch(() => {})
    }
  }, [active])
}

import { useEffect } from 'react'
import { owedLogoutOnThisDevice } from '../../platform/owed-logout.ts'

/**
 * Finishes on the server a logout made while it could not be reached (platform/owed-logout.ts):
 * at start, when the network comes back, and when the app is brought to the front (a phone
 * that regained its network while the app was in the background may never say 'online'). The
 * login screen sends it too, before any login. With nothing owed, each is one localStorage read.
 */
export function useOwedLogout(): void {
  useEffect(() => {
    const owed = owedLogoutOnThisDevice()
    const send = () => void owed.send()
    const onVisible = () => document.visibilityState === 'visible' && send()
    window.addEventListener('online', send)
    document.addEventListener('visibilitychange', onVisible)
    send()
    return () => {
      window.removeEventListener('online', send)
      document.removeEventListener('visibilitychange', onVisible)
    }
  }, [])
}

import { useEffect, useState } from 'react'
import { useStrings } from '../../i18n/i18n.tsx'
import { noteSwRegistration } from '../../platform/sw-registration.ts'

/**
 * Service-worker lifecycle as the member sees it. A new version never reloads the page by
 * itself (a draft or an unsynced record may be open): it waits here until the member says so.
 */
type SwState =
  | { kind: 'idle' }
  | { kind: 'offline-ready' }
  | { kind: 'update-ready'; apply: () => Promise<void> }

export function UpdatePrompt() {
  const t = useStrings()
  const [state, setState] = useState<SwState>({ kind: 'idle' })
  useEffect(() => {
    if (!('serviceWorker' in navigator) || import.meta.env.DEV) return
    let cancelled = false
    void import('virtual:pwa-register').then(({ registerSW }) => {
      if (cancelled) return
      const update = registerSW({
        onNeedRefresh: () =>
          setState({
            kind: 'update-ready',
            apply: async () => {
              // workbox-window reloads only when this page was controlled at load; on the very
              // first visit it was not, so reload ourselves once the new version takes control.
              navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), {
                once: true,
              })
              await update(true)
            },
          }),
        onOfflineReady: () => setState({ kind: 'offline-ready' }),
        // What the route screens say about working offline follows the worker's install.
        onRegisteredSW: (scriptUrl, registration) =>
          registration && noteSwRegistration({ kind: 'registered', registration, scriptUrl }),
        onRegisterError: (error: unknown) => noteSwRegistration({ kind: 'failed', error }),
      })
    })
    return () => {
      cancelled = true
    }
  }, [])

  if (state.kind === 'idle') return null
  return (
    <div className="toast" role="status">
      {state.kind === 'offline-ready' ? (
        <>
          <span>{t.offlineReady}</span>
          <button type="button" onClick={() => setState({ kind: 'idle' })}>
            {t.dismiss}
          </button>
        </>
      ) : (
        <>
          <span>{t.updateReady}</span>
          <button type="button" onClick={() => void state.apply()}>
            {t.updateNow}
          </button>
          <button type="button" onClick={() => setState({ kind: 'idle' })}>
            {t.updateLater}
          </button>
        </>
      )}
    </div>
  )
}

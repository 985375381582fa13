import { useStrings } from '../../i18n/i18n.tsx'
import { StatusMessage } from '../../ui/StatusMessage.tsx'
import { Link, paths } from '../shell/router.tsx'
import type { FeedState } from './class-feed.ts'
import { useTrainerStrings } from './strings.ts'

/** A class screen with nothing to show yet, or not allowed: says why and what to do. */
export function FeedProblem({ state, onRetry }: { state: FeedState; onRetry: () => void }) {
  const s = useTrainerStrings()
  const t = useStrings()
  switch (state.status) {
    case 'loading':
    case 'ready':
      return <StatusMessage title={s.loading} level={1} />
    case 'offline-empty':
      return (
        <StatusMessage title={s.offlineNoCopy} level={1}>
          <button type="button" onClick={onRetry}>
            {s.retry}
          </button>
        </StatusMessage>
      )
    case 'logged-out':
      return (
        <StatusMessage title={s.loginNeededTitle} level={1} tone="error">
          <p>{s.loginNeededBody}</p>
          <Link to={paths.login()} className="button-link primary">
            {s.logIn}
          </Link>
        </StatusMessage>
      )
    case 'forbidden':
    case 'not-found':
      // A class one may not see and a missing one look the same (the server answers 404 alike).
      return (
        <StatusMessage title={t.notFoundTitle} level={1} tone="error">
          <p>{t.notFoundBody}</p>
          <Link to={paths.trainer()}>{s.homeTitle}</Link>
        </StatusMessage>
      )
    case 'error':
      return (
        <StatusMessage title={s.loadError(state.httpStatus)} level={1} tone="error">
          <button type="button" onClick={onRetry}>
            {s.retry}
          </button>
        </StatusMessage>
      )
  }
}

import { PreferencesProvider, useStrings } from '../../i18n/i18n.tsx'
import { StatusMessage } from '../../ui/StatusMessage.tsx'
import { RouteScreen } from '../routes/RouteScreen.tsx'
import { RoutesListScreen } from '../routes/RoutesListScreen.tsx'
import { SiteScreen } from '../sites/SiteScreen.tsx'
import { ContentProvider, useContent, useContentState } from './content-context.tsx'
import { Header } from './Header.tsx'
import { Link, paths, useAppRoute } from './router.tsx'
import { UpdatePrompt } from './UpdatePrompt.tsx'

function NotFound() {
  const t = useStrings()
  return (
    <StatusMessage title={t.notFoundTitle} tone="error" level={1}>
      <p>{t.notFoundBody}</p>
      <Link to={paths.routes()}>{t.backToRoutes}</Link>
    </StatusMessage>
  )
}

function Screen() {
  const route = useAppRoute()
  const content = useContent()
  switch (route.name) {
    case 'routes':
      return <RoutesListScreen />
    case 'route': {
      const r = content.route(route.id)
      return r ? <RouteScreen key={r.id} route={r} /> : <NotFound />
    }
    case 'site': {
      const s = content.site(route.id)
      return s ? <SiteScreen key={s.id} site={s} /> : <NotFound />
    }
    case 'not-found':
      return <NotFound />
  }
}

function Main() {
  const t = useStrings()
  const { state, retry } = useContentState()
  return (
    <main id="main">
      {state.status === 'loading' && <StatusMessage title={t.loading} />}
      {state.status === 'error' && (
        <StatusMessage title={t.loadFailedTitle} tone="error">
          <p>{t.loadFailedBody}</p>
          <button type="button" onClick={retry}>
            {t.retry}
          </button>
        </StatusMessage>
      )}
      {state.status === 'ready' && <Screen />}
    </main>
  )
}

export function App() {
  return (
    <PreferencesProvider>
      <ContentProvider>
        <Header />
        <Main />
        <UpdatePrompt />
      </ContentProvider>
    </PreferencesProvider>
  )
}

import { lazy, Suspense } from 'react'
import { PreferencesProvider, useStrings } from '../../i18n/i18n.tsx'
import { StatusMessage } from '../../ui/StatusMessage.tsx'
import { RouteScreen } from '../routes/RouteScreen.tsx'
import { RoutesListScreen } from '../routes/RoutesListScreen.tsx'
import { SiteScreen } from '../sites/SiteScreen.tsx'
import { ContentProvider, useContent, useContentState } from './content-context.tsx'
import { Header } from './Header.tsx'
import { RecordsProvider, useRecords } from './records-context.tsx'
import { Link, paths, useAppRoute } from './router.tsx'
import { UpdatePrompt } from './UpdatePrompt.tsx'

// Screens past the first load their own code (and the record validators) on demand.
const CheckinScreen = lazy(() => import('../checkin/CheckinScreen.tsx'))
const LessonScreen = lazy(() => import('../lesson/LessonScreen.tsx'))
const PassportScreen = lazy(() => import('../passport/PassportScreen.tsx'))
const QrLinkScreen = lazy(() => import('../qr/QrLinkScreen.tsx'))
const ScanScreen = lazy(() => import('../qr/ScanScreen.tsx'))
const LoginScreen = lazy(() => import('../account/LoginScreen.tsx'))
// The VR classroom: the list carries no 3D code; a scene's screen loads three/r3f/XR itself.
const VrListScreen = lazy(() => import('../vr/VrListScreen.tsx'))
const VrSceneRoute = lazy(() => import('../vr/VrSceneRoute.tsx'))

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
    case 'checkin': {
      const s = content.site(route.siteId)
      return s ? <CheckinScreen key={s.id} site={s} /> : <NotFound />
    }
    case 'lesson': {
      const l = content.lesson(route.id)
      return l ? <LessonScreen key={l.id} lesson={l} /> : <NotFound />
    }
    case 'passport':
      return <PassportScreen />
    case 'qr':
      return <QrLinkScreen key={route.token} token={route.token} />
    case 'scan':
      return <ScanScreen />
    case 'login':
      return <LoginScreen />
    case 'vr':
      return <VrListScreen />
    case 'vr-scene':
      return <VrSceneRoute key={route.id} id={route.id} notFound={<NotFound />} />
    case 'not-found':
      return <NotFound />
  }
}

/** The device database is shared by every tab: say plainly when it is unavailable here. */
function StorageNotice() {
  const t = useStrings()
  const { state } = useRecords()
  if (state.status === 'closed-for-update') return <StatusMessage title={t.storageClosedForUpdate} />
  if (state.status === 'error')
    return (
      <StatusMessage title={t.storageUnavailableTitle} tone="error">
        <p>{t.storageUnavailableBody}</p>
      </StatusMessage>
    )
  return null
}

function Main() {
  const t = useStrings()
  const { state, retry } = useContentState()
  return (
    <main id="main">
      <StorageNotice />
      {state.status === 'loading' && <StatusMessage title={t.loading} />}
      {state.status === 'error' && (
        <StatusMessage title={t.loadFailedTitle} tone="error">
          <p>{t.loadFailedBody}</p>
          <button type="button" onClick={retry}>
            {t.retry}
          </button>
        </StatusMessage>
      )}
      {state.status === 'ready' && (
        <Suspense fallback={<StatusMessage title={t.loading} />}>
          <Screen />
        </Suspense>
      )}
    </main>
  )
}

export function App() {
  return (
    <PreferencesProvider>
      <ContentProvider>
        <RecordsProvider>
          <Header />
          <Main />
          <UpdatePrompt />
        </RecordsProvider>
      </ContentProvider>
    </PreferencesProvider>
  )
}

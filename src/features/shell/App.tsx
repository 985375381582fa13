import { lazy, Suspense } from 'react'
import { PreferencesProvider, useStrings } from '../../i18n/i18n.tsx'
import { StatusMessage } from '../../ui/StatusMessage.tsx'
import { GuideBannerSlot, GuideProvider } from '../guide/GuideProvider.tsx'
import { RoutesListScreen } from '../routes/RoutesListScreen.tsx'
import { ContentProvider, useContent, useContentState } from './content-context.tsx'
import { Header } from './Header.tsx'
import { RecordsProvider, useRecords } from './records-context.tsx'
import { Link, paths, useAppRoute } from './router.tsx'
import { UpdatePrompt } from './UpdatePrompt.tsx'
import { useOwedLogout } from './use-owed-logout.ts'
import { useScreenTitle } from './useScreenTitle.ts'

// Screens past the first load their own code (and the record validators) on demand; the service
// worker precaches every chunk, so offline they open as fast as the first.
const RouteScreen = lazy(() => import('../routes/RouteScreen.tsx').then((m) => ({ default: m.RouteScreen })))
const SiteScreen = lazy(() => import('../sites/SiteScreen.tsx').then((m) => ({ default: m.SiteScreen })))
const CheckinScreen = lazy(() => import('../checkin/CheckinScreen.tsx'))
const LessonScreen = lazy(() => import('../lesson/LessonScreen.tsx'))
const PassportScreen = lazy(() => import('../passport/PassportScreen.tsx'))
const QrLinkScreen = lazy(() => import('../qr/QrLinkScreen.tsx'))
const ScanScreen = lazy(() => import('../qr/ScanScreen.tsx'))
const LoginScreen = lazy(() => import('../account/LoginScreen.tsx'))
// The VR classroom: the list carries no 3D code; a scene's screen loads three/r3f/XR itself.
const VrListScreen = lazy(() => import('../vr/VrListScreen.tsx'))
const VrSceneRoute = lazy(() => import('../vr/VrSceneRoute.tsx'))
// Classes: a member's classes and the trainer's codes they scan; the trainer's own screens.
const MyClassesScreen = lazy(() => import('../classes/MyClassesScreen.tsx'))
const MyClassScreen = lazy(() => import('../classes/MyClassScreen.tsx'))
const AttestLinkScreen = lazy(() => import('../attest/AttestLinkScreen.tsx'))
const TrainerHomeScreen = lazy(() => import('../trainer/TrainerHomeScreen.tsx'))
const NewClassScreen = lazy(() => import('../trainer/NewClassScreen.tsx'))
const ClassDashboardScreen = lazy(() => import('../trainer/ClassDashboardScreen.tsx'))
const TraineeScreen = lazy(() => import('../trainer/TraineeScreen.tsx'))
const CoverageScreen = lazy(() => import('../trainer/CoverageScreen.tsx'))
const AttestDisplayScreen = lazy(() => import('../attest/AttestDisplayScreen.tsx'))
const LeadScreen = lazy(() => import('../guide/LeadScreen.tsx'))
const LearningEffectScreen = lazy(() => import('../effect/LearningEffectScreen.tsx'))
// Accounts: the member's own (password, devices) and the admin's (all accounts, rosters).
const AccountScreen = lazy(() => import('../account/AccountScreen.tsx'))
const AccountsAdminScreen = lazy(() => import('../admin/AccountsAdminScreen.tsx'))

function NotFound() {
  const t = useStrings()
  const heading = useScreenTitle(`${t.notFoundTitle} · ${t.appName}`)
  return (
    <StatusMessage title={t.notFoundTitle} tone="error" level={1} headingRef={heading}>
      <p>{t.notFoundBody}</p>
      <Link to={paths.routes()} className="back-link">
        {t.backToRoutes}
      </Link>
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
      // Not keyed by scene: the route keeps a scene on screen until its headset session has
      // ended (VrSceneRoute.tsx), and keys each scene's screen itself.
      return <VrSceneRoute id={route.id} notFound={<NotFound />} />
    case 'my-classes':
      return <MyClassesScreen />
    case 'my-class':
      return <MyClassScreen key={route.id} classId={route.id} />
    case 'attest-link':
      return <AttestLinkScreen key={route.token} token={route.token} />
    case 'trainer':
      return <TrainerHomeScreen />
    case 'trainer-new-class':
      return <NewClassScreen />
    case 'trainer-class':
      return <ClassDashboardScreen key={route.id} classId={route.id} />
    case 'trainer-member':
      return (
        <TraineeScreen
          key={`${route.classId}/${route.memberId}`}
          classId={route.classId}
          memberId={route.memberId}
        />
      )
    case 'trainer-attest':
      return <AttestDisplayScreen key={route.classId} classId={route.classId} />
    case 'trainer-lead':
      return <LeadScreen key={route.classId} classId={route.classId} />
    case 'trainer-effect':
      return <LearningEffectScreen key={route.classId} classId={route.classId} />
    case 'coverage':
      return <CoverageScreen />
    case 'account':
      return <AccountScreen />
    case 'admin-accounts':
      return <AccountsAdminScreen />
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
  // Outside every provider: a logout owed to the server is sent whatever the screen and state.
  useOwedLogout()
  return (
    <PreferencesProvider>
      <ContentProvider>
        <RecordsProvider>
          <GuideProvider>
            <Header />
            <GuideBannerSlot />
            <Main />
            <UpdatePrompt />
          </GuideProvider>
        </RecordsProvider>
      </ContentProvider>
    </PreferencesProvider>
  )
}

import { Localized, usePreferences, useStrings } from '../../i18n/i18n.tsx'
import type { ClassSummary } from '../../platform/classes/class-store.ts'
import { formatDateTime } from '../../ui/format.ts'
import { StatusMessage } from '../../ui/StatusMessage.tsx'
import { PasswordGivenGate } from '../account/PasswordGivenGate.tsx'
import { useContent } from '../shell/content-context.tsx'
import { useRecords } from '../shell/records-context.tsx'
import { Link, paths } from '../shell/router.tsx'
import { useScreenTitle } from '../shell/useScreenTitle.ts'
import { formatClassDate, useClassesStrings } from './strings.ts'
import { useMyClasses } from './useMyClasses.ts'

/** `/classes`: the classes the logged-in user attends or trains, also offline (as last saved). */
export default function MyClassesScreen() {
  const s = useClassesStrings()
  const t = useStrings()
  const { prefs } = usePreferences()
  const heading = useScreenTitle(`${s.listTitle} · ${t.appName}`)
  const { state: records, session } = useRecords()
  const userId = records.status === 'opening' ? undefined : (session?.userId ?? null)
  const { state, retry } = useMyClasses(userId)

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {s.listTitle}
      </h1>
      <PasswordGivenGate />
      <p className="lead">{s.listIntro}</p>
      {state.status === 'loading' && <StatusMessage title={s.loading} />}
      {state.status === 'login' && (
        <StatusMessage title={s.loginNeeded}>
          <Link to={paths.login()} className="button-link primary">
            {s.logIn}
          </Link>
        </StatusMessage>
      )}
      {state.status === 'offline-none' && <StatusMessage title={s.offlineNoList} tone="error" />}
      {state.status === 'error' && (
        <StatusMessage title={s.loadFailed} tone="error">
          <button type="button" onClick={retry}>
            {s.retry}
          </button>
        </StatusMessage>
      )}
      {state.status === 'ready' && (
        <>
          {state.from === 'device' && (
            <p className="status-line warn" role="status">
              {s.offlineList(formatDateTime(state.fetchedAt, prefs.lang))}
            </p>
          )}
          {state.classes.length === 0 ? (
            <p>{s.none}</p>
          ) : (
            <ul className="card-list" data-testid="my-classes">
              {state.classes.map((c) => (
                <ClassCard key={c.id} cls={c} downloaded={state.downloaded.has(c.id)} />
              ))}
            </ul>
          )}
        </>
      )}
    </>
  )
}

function ClassCard({ cls, downloaded }: { cls: ClassSummary; downloaded: boolean }) {
  const s = useClassesStrings()
  const { prefs } = usePreferences()
  const content = useContent()
  const route = cls.routeId ? content.route(cls.routeId) : undefined
  return (
    <li className="card">
      <h2>
        <Link to={paths.myClass(cls.id)}>{cls.name}</Link>
      </h2>
      <p className="meta">
        {s.dates(formatClassDate(cls.startsOn, prefs.lang), formatClassDate(cls.endsOn, prefs.lang))} ·{' '}
        {s.relation[cls.relation]}
      </p>
      {route && (
        <p>
          {s.labelled(s.route)}
          <Localized text={route.title} />
        </p>
      )}
      {downloaded && <p className="meta">✓ {s.downloadedBadge}</p>}
      {cls.relation === 'trainer' && (
        <p>
          <Link to={paths.trainerAttest(cls.id)}>{s.showCode}</Link>
        </p>
      )}
    </li>
  )
}

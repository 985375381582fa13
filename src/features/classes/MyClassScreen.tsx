import { useState } from 'react'
import { sceneEntry } from '../../../scenes/registry.ts'
import { Localized, useLocalizedString, usePreferences, useStrings } from '../../i18n/i18n.tsx'
import type { DownloadedClass } from '../../platform/classes/class-store.ts'
import { formatDateTime } from '../../ui/format.ts'
import { StatusMessage } from '../../ui/StatusMessage.tsx'
import { placeName } from '../attest/place.ts'
import { useContent } from '../shell/content-context.tsx'
import { useRecords } from '../shell/records-context.tsx'
import { Link, paths } from '../shell/router.tsx'
import { useScreenTitle } from '../shell/useScreenTitle.ts'
import { ClassOffline } from './ClassOffline.tsx'
import { formatList } from './list-format.tsx'
import { formatClassDate, useClassesStrings } from './strings.ts'
import { useClassInfo } from './useClassInfo.ts'

/**
 * `/classes/:id`: one class as its member sees it — dates, route, VR scenes, trainers, the
 * presence confirmations saved so far, and the download for offline use. Its trainers and
 * admins see the same facts with the way to the class's own screens instead of the member's
 * sections (they do not scan their own code, nor download the class to verify it).
 */
export default function MyClassScreen({ classId }: { classId: string }) {
  const s = useClassesStrings()
  const t = useStrings()
  const { prefs } = usePreferences()
  const content = useContent()
  const { state: records, session } = useRecords()
  const userId = records.status === 'opening' ? undefined : (session?.userId ?? null)
  const { info } = useClassInfo(classId, userId)
  const [justDownloaded, setJustDownloaded] = useState<DownloadedClass | undefined>()
  const name = info.status === 'ready' ? info.cls.name : s.classTitle
  const heading = useScreenTitle(`${name} · ${t.appName}`)

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {name}
      </h1>
      {info.status === 'loading' && <StatusMessage title={s.loading} />}
      {info.status === 'login' && (
        <StatusMessage title={s.loginNeeded}>
          <Link to={paths.login()} className="button-link primary">
            {s.logIn}
          </Link>
        </StatusMessage>
      )}
      {info.status === 'not-found' && <StatusMessage title={s.notFound} tone="error" />}
      {info.status === 'unavailable-offline' && <StatusMessage title={s.unavailableOffline} tone="error" />}
      {info.status === 'error' && <StatusMessage title={s.loadFailed} tone="error" />}
      {info.status === 'ready' && userId && (
        <>
          {info.from === 'device' && (
            <p className="status-line warn" role="status">
              {s.fromDevice}
            </p>
          )}
          <p className="meta">
            {s.dates(
              formatClassDate(info.cls.startsOn, prefs.lang),
              formatClassDate(info.cls.endsOn, prefs.lang),
            )}{' '}
            · {s.relation[info.cls.relation]}
          </p>
          {info.cls.relation !== 'member' && <StaffTools classId={classId} relation={info.cls.relation} />}
          <ClassContents routeId={info.cls.routeId} sceneIds={info.cls.sceneIds} trainers={info.trainers} />
          {info.cls.relation === 'member' && (
            <>
              <MyAttestations classId={classId} />
              <ClassOffline
                userId={userId}
                classId={classId}
                route={info.cls.routeId ? content.route(info.cls.routeId) : undefined}
                downloaded={justDownloaded ?? info.downloaded}
                onDownloaded={setJustDownloaded}
              />
            </>
          )}
        </>
      )}
      <p>
        <Link to={paths.myClasses()} className="back-link">
          {s.backToList}
        </Link>
      </p>
    </>
  )
}

/**
 * The class's own screens for its staff. The presence code is the trainers' alone: the server
 * hands the signing key to the class's trainers, not to admins.
 */
function StaffTools({ classId, relation }: { classId: string; relation: 'trainer' | 'admin' }) {
  const s = useClassesStrings()
  return (
    <nav aria-label={s.staffTools} className="class-tools">
      <p className="actions">
        <Link to={paths.trainerClass(classId)} className="button-link primary">
          {s.openDashboard}
        </Link>
        <Link to={paths.trainerLead(classId)} className="button-link">
          {s.leadMode}
        </Link>
        {relation === 'trainer' && (
          <Link to={paths.trainerAttest(classId)} className="button-link">
            {s.showCode}
          </Link>
        )}
      </p>
    </nav>
  )
}

function ClassContents({
  routeId,
  sceneIds,
  trainers,
}: {
  routeId: string | null
  sceneIds: readonly string[]
  trainers: readonly { id: string; displayName: string }[]
}) {
  const s = useClassesStrings()
  const { prefs } = usePreferences()
  const content = useContent()
  const route = routeId ? content.route(routeId) : undefined
  const scenes = sceneIds.flatMap((id) => sceneEntry(id)?.data ?? [])
  return (
    <dl className="facts">
      <dt>{s.route}</dt>
      <dd>
        {route ? (
          <Link to={paths.route(route.id)}>
            <Localized text={route.title} />
          </Link>
        ) : (
          s.noRoute
        )}
      </dd>
      {scenes.length > 0 && (
        <>
          <dt>{s.scenes}</dt>
          <dd>
            <ul>
              {scenes.map((scene) => (
                <li key={scene.id}>
                  <Link to={paths.vrScene(scene.id)}>
                    <Localized text={scene.title} />
                  </Link>
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
      {trainers.length > 0 && (
        <>
          <dt>{s.trainers}</dt>
          <dd>
            {formatList(
              trainers.map((p) => p.displayName),
              prefs.lang,
            )}
          </dd>
        </>
      )}
    </dl>
  )
}

/** The member's attestation records of this class on this device, newest first. */
function MyAttestations({ classId }: { classId: string }) {
  const s = useClassesStrings()
  const { prefs } = usePreferences()
  const text = useLocalizedString()
  const content = useContent()
  const { records } = useRecords()
  const mine = records
    .flatMap((r) => (r.kind === 'attestation' && r.payload.classId === classId ? [r] : []))
    .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt))
  return (
    <section aria-labelledby="my-attestations-heading">
      <h2 id="my-attestations-heading">{s.myAttestations}</h2>
      {mine.length === 0 ? (
        <p>{s.noAttestations}</p>
      ) : (
        <ul data-testid="my-attestations">
          {mine.map((r) => {
            const at = r.payload.siteId ? { site: r.payload.siteId } : { lesson: r.payload.lessonId ?? '' }
            return (
              <li key={r.id}>
                {s.attestedAt(placeName(at, content, text), formatDateTime(r.occurredAt, prefs.lang))}
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}

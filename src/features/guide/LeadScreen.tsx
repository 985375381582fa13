import { useCallback, useEffect, useState, useSyncExternalStore } from 'react'
import { StatusMessage } from '../../ui/StatusMessage.tsx'
import { useRecords } from '../shell/records-context.tsx'
import { Link, paths } from '../shell/router.tsx'
import { useOnline } from '../shell/SyncProblem.tsx'
import { useScreenTitle } from '../shell/useScreenTitle.ts'
import { useGuide } from './GuideProvider.tsx'
import type { GuideLive } from './guide-live.ts'
import { LeadCommands } from './LeadCommands.tsx'
import { LeadPeople } from './LeadPeople.tsx'
import { LeadStatus } from './LeadStatus.tsx'
import { type LeadClass, loadLeadClass } from './lead-class.ts'
import { useGuideStrings } from './strings.ts'
import './guide.css'

/**
 * /trainer/classes/:id/lead: the trainer's tablet in guided mode. One button per command
 * (the class's stops, lessons and VR scenes), the connection state, the current command with how
 * many have followed it, and the members with who is connected and who has followed.
 */
export default function LeadScreen({ classId }: { classId: string }) {
  const t = useGuideStrings()
  const { session } = useRecords()
  const live = useGuide()
  const [cls, setCls] = useState<LeadClass | 'loading' | 'not-found' | 'failed'>('loading')
  const heading = useScreenTitle(typeof cls === 'object' ? t.leadTitle(cls.name) : t.leadTitle(''))
  const userId = session?.userId
  const online = useOnline()

  const load = useCallback(() => {
    if (!userId) return
    setCls('loading')
    void loadLeadClass(classId).then(setCls)
  }, [classId, userId])
  useEffect(load, [load])

  if (!session)
    return (
      <StatusMessage title={t.leadTitle('')} level={1}>
        <Link to={paths.login()}>{t.link['session-ended']}</Link>
      </StatusMessage>
    )
  if (cls === 'not-found') return <StatusMessage title={t.notFound} tone="error" level={1} />
  if (cls === 'failed')
    return (
      <StatusMessage title={t.loadFailed} tone="error" level={1}>
        {/* The dashboard works offline from its copy; leading cannot, and says why. */}
        {!online && <p>{t.leadNeedsNetwork}</p>}
        <button type="button" onClick={load}>
          {t.retry}
        </button>
      </StatusMessage>
    )
  return (
    <article className="lead-screen">
      <h1 ref={heading} tabIndex={-1}>
        {t.leadTitle(typeof cls === 'object' ? cls.name : '')}
      </h1>
      <p className="lead">{t.leadIntro}</p>
      {typeof cls === 'object' && live && <Lead cls={cls} live={live} />}
    </article>
  )
}

function Lead({ cls, live }: { cls: LeadClass; live: GuideLive }) {
  const { controller } = live
  useEffect(() => controller.lead(cls.id), [controller, cls.id])
  const snapshot = useSyncExternalStore(controller.subscribe, controller.getSnapshot)
  const state = snapshot.classes.get(cls.id)
  return (
    <>
      <LeadStatus cls={cls} link={snapshot.link} state={state} />
      {/* On a tablet, who follows stays in view beside the many commands (guide.css). */}
      <div className="lead-layout">
        <div>
          <LeadCommands
            cls={cls}
            controller={controller}
            state={state}
            enabled={snapshot.link.kind === 'open'}
          />
        </div>
        <div className="lead-layout-side">
          <LeadPeople cls={cls} state={state} />
        </div>
      </div>
    </>
  )
}

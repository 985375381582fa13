import { Link, paths } from '../shell/router.tsx'
import type { LessonMode, StudyMode } from './lesson-mode.ts'
import { useLessonStrings } from './strings.ts'

/** Shown instead of the lesson while the member may not take it yet: offers remote study or a check-in. */
export function ModeGate({
  mode,
  siteId,
  onStudyRemotely,
}: {
  mode: Extract<LessonMode, { kind: 'choose' | 'checkin-required' }>
  siteId: string
  onStudyRemotely: () => void
}) {
  const s = useLessonStrings()
  const choose = mode.kind === 'choose'
  return (
    <section className="lesson-gate" aria-labelledby="lesson-gate-title">
      <h2 id="lesson-gate-title">{choose ? s.chooseTitle : s.checkinRequiredTitle}</h2>
      <p>{choose ? s.chooseBody : s.checkinRequiredBody}</p>
      <div className="lesson-actions">
        {choose && (
          <button type="button" className="lesson-primary" onClick={onStudyRemotely}>
            {s.startRemote}
          </button>
        )}
        <Link to={paths.checkin(siteId)} className="lesson-button-link">
          {s.goCheckin}
        </Link>
      </div>
    </section>
  )
}

/** One line saying how this lesson is being recorded, with the way to switch to on site. */
export function ModeNote({
  mode,
  confirmed,
  siteId,
}: {
  mode: StudyMode
  /** On site because the trainer confirmed the member's presence, not by a check-in. */
  confirmed: boolean
  siteId: string
}) {
  const s = useLessonStrings()
  const note = mode === 'remote' ? s.remoteNote : confirmed ? s.onsiteConfirmedNote : s.onsiteNote
  return (
    <p className="lesson-mode-note">
      <strong>{s.modeTitle(mode)}</strong> · {note}
      {mode === 'remote' && (
        <>
          {' '}
          <Link to={paths.checkin(siteId)}>{s.goCheckin}</Link>
        </>
      )}
    </p>
  )
}

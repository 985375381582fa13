import { usePreferences } from '../../i18n/i18n.tsx'
import type { GuideLinkState } from '../../platform/guide/guide-socket.ts'
import { formatClockTime } from '../../ui/format.ts'
import { describeCommand, useGuideText } from './describe.ts'
import { followedOf } from './followed.ts'
import type { ClassGuideState } from './guide-controller.ts'
import type { LeadClass } from './lead-class.ts'

/** The connection, the command the class is on, and how many members have followed it. */
export function LeadStatus({
  cls,
  link,
  state,
}: {
  cls: LeadClass
  link: GuideLinkState
  state: ClassGuideState | undefined
}) {
  const { t, names } = useGuideText()
  const { lang } = usePreferences().prefs
  const focus = state?.active.focus ?? null
  const paused = state?.active.pause !== null && state?.active.pause !== undefined
  const { seq, followed, total } = followedOf(cls, state)
  const changedAt = state?.recordsChangedAt
  return (
    <section className="lead-status" aria-label={t.link.open}>
      <p data-testid="lead-link" data-state={link.kind}>
        {t.link[link.kind]}
      </p>
      <p data-testid="lead-current">
        {t.current}
        {focus ? describeCommand(focus.command, t, names) : t.none}
        {paused && ` · ${t.describe.vrPause(true)}`}
      </p>
      {seq > 0 && <p data-testid="lead-followed">{t.followedCount(followed, total)}</p>}
      <p role="status" data-testid="lead-records">
        {changedAt ? t.recordsChanged(formatClockTime(changedAt, lang)) : ''}
      </p>
    </section>
  )
}

import { useEffect, useState } from 'react'
import { Localized, useLocalizedString, usePreferences, useStrings } from '../../i18n/i18n.tsx'
import { formatDateTime } from '../../ui/format.ts'
import { StatusMessage } from '../../ui/StatusMessage.tsx'
import { useContent } from '../shell/content-context.tsx'
import { useRecords } from '../shell/records-context.tsx'
import { Link, paths } from '../shell/router.tsx'
import { useScreenTitle } from '../shell/useScreenTitle.ts'
import { QrRefusalMessage } from './QrRefusal.tsx'
import { formatQrDate, useQrStrings } from './strings.ts'
import { type QrCheckinVerdict, qrCheckinPayload, verifyCheckinToken } from './verify-scanned.ts'
import './qr.css'

/**
 * `/q/<token>`: what a phone's camera app opens from a site plaque, and where the in-app
 * scanner leads. Verifies the code offline, shows the site and one big confirm button, and
 * saves a `checkin` record (method qr) — saying 已保存 only once the record and its outbox entry
 * are committed. A member who already has this site's stamp is told so, and no second record
 * is written.
 */

type Phase =
  | { readonly name: 'verifying' }
  | { readonly name: 'refused'; readonly verdict: Extract<QrCheckinVerdict, { ok: false }> }
  | { readonly name: 'ready'; readonly verdict: Extract<QrCheckinVerdict, { ok: true }> }
  | { readonly name: 'saving'; readonly verdict: Extract<QrCheckinVerdict, { ok: true }> }
  | { readonly name: 'saved'; readonly verdict: Extract<QrCheckinVerdict, { ok: true }> }
  | { readonly name: 'save-failed'; readonly verdict: Extract<QrCheckinVerdict, { ok: true }> }

export default function QrLinkScreen({ token }: { token: string }) {
  const s = useQrStrings()
  const t = useStrings()
  const content = useContent()
  const heading = useScreenTitle(`${s.title} · ${t.appName}`)
  const [phase, setPhase] = useState<Phase>({ name: 'verifying' })

  useEffect(() => {
    let live = true
    void verifyCheckinToken(token, content.pack, { now: new Date() }).then(
      (verdict) => live && setPhase(verdict.ok ? { name: 'ready', verdict } : { name: 'refused', verdict }),
    )
    return () => {
      live = false
    }
  }, [token, content.pack])

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {s.title}
      </h1>
      {phase.name === 'verifying' && <StatusMessage title={s.verifying} />}
      {phase.name === 'refused' && (
        <>
          <QrRefusalMessage refusal={phase.verdict} />
          <ul className="qr-next">
            <li>
              <Link to={paths.scan()}>{s.scanAnother}</Link>
            </li>
            <li>
              <Link to={paths.routes()}>{s.backToRoutes}</Link>
            </li>
          </ul>
        </>
      )}
      {phase.name !== 'verifying' && phase.name !== 'refused' && (
        <Confirm phase={phase} setPhase={setPhase} />
      )}
    </>
  )
}

function Confirm({
  phase,
  setPhase,
}: {
  phase: Extract<Phase, { verdict: { ok: true } }>
  setPhase: (p: Phase) => void
}) {
  const s = useQrStrings()
  const { prefs } = usePreferences()
  const text = useLocalizedString()
  const content = useContent()
  const { state, log, member, progress, append } = useRecords()
  const { verdict } = phase
  const site = verdict.site
  const stamp = progress.stamps.get(site.id)
  const [already, setAlready] = useState(false)

  const confirm = async () => {
    if (!log || !member) return
    setPhase({ name: 'saving', verdict })
    try {
      // Checked again at the tap: the code may have expired while the screen was open.
      const again = await verifyCheckinToken(verdict.token, content.pack, { now: new Date() })
      if (!again.ok) return setPhase({ name: 'refused', verdict: again })
      // The projection may not have loaded yet: ask the log itself before writing a second stamp.
      const mine = await log.records(member.memberId)
      if (mine.some((r) => r.kind === 'checkin' && r.payload.siteId === site.id)) {
        setAlready(true)
        return setPhase({ name: 'ready', verdict })
      }
      await append('checkin', qrCheckinPayload(verdict), {})
      setPhase({ name: 'saved', verdict })
    } catch {
      setPhase({ name: 'save-failed', verdict })
    }
  }

  const siteInfo = (
    <section className="qr-site card" aria-label={s.siteCode(text(site.name))}>
      <h2>
        <Localized text={site.name} />
      </h2>
      <p className="meta">
        <Localized text={site.region} />
      </p>
      <p className="meta">{s.validUntil(formatQrDate(verdict.claims.exp, prefs.lang))}</p>
    </section>
  )

  if (phase.name === 'saved')
    return (
      <>
        {siteInfo}
        <StatusMessage title={s.saved}>
          <p>{s.savedBody(text(site.name))}</p>
        </StatusMessage>
        <NextSteps siteId={site.id} lessonIds={site.lessons} />
      </>
    )

  if (stamp || already)
    return (
      <>
        {siteInfo}
        <StatusMessage title={s.alreadyTitle}>
          {stamp && <p>{s.alreadyBody(formatDateTime(stamp.at, prefs.lang))}</p>}
        </StatusMessage>
        <NextSteps siteId={site.id} lessonIds={site.lessons} />
      </>
    )

  const storageReady = state.status === 'ready' && log && member
  return (
    <>
      {siteInfo}
      {phase.name === 'save-failed' && (
        <StatusMessage title={s.saveFailed} tone="error">
          <p>{s.saveFailedBody}</p>
        </StatusMessage>
      )}
      {state.status === 'opening' && <p role="status">{s.storageOpening}</p>}
      {(state.status === 'error' || state.status === 'closed-for-update') && (
        <p className="qr-problem" role="alert">
          {s.storageUnavailable}
        </p>
      )}
      <button
        type="button"
        className="qr-confirm"
        onClick={() => void confirm()}
        disabled={!storageReady || phase.name === 'saving'}
      >
        {phase.name === 'saving' ? s.saving : s.confirm}
      </button>
      <p className="hint">{s.confirmHint}</p>
    </>
  )
}

function NextSteps({ siteId, lessonIds }: { siteId: string; lessonIds: readonly string[] }) {
  const s = useQrStrings()
  const text = useLocalizedString()
  const content = useContent()
  const lessons = lessonIds.flatMap((id) => content.lesson(id) ?? [])
  return (
    <ul className="qr-next">
      {lessons.map((lesson) => (
        <li key={lesson.id}>
          <Link to={paths.lesson(lesson.id)}>{s.openLesson(text(lesson.title))}</Link>
        </li>
      ))}
      <li>
        <Link to={paths.site(siteId)}>{s.openSite}</Link>
      </li>
    </ul>
  )
}

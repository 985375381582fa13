import { useEffect, useRef, useState } from 'react'
import { Link, paths } from '../shell/router.tsx'
import { type ApiResult, type ClassDetail, type RosterUploadResult, uploadRoster } from './api.ts'
import { useTrainerStrings } from './strings.ts'

/**
 * After a class is created: the way to its dashboard, and the roster file's outcome. The server
 * adds a roster file's members all or none, so after a refusal the trainer fixes the file and
 * sends it again here; the class itself already exists.
 */
export function ClassCreated({
  detail,
  roster,
}: {
  detail: ClassDetail
  roster: ApiResult<RosterUploadResult> | null
}) {
  const s = useTrainerStrings()
  const [outcome, setOutcome] = useState(roster)
  const [sending, setSending] = useState(false)
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])

  const resend = async (file: File | undefined) => {
    if (!file) return
    setSending(true)
    setOutcome(await uploadRoster(detail.class.id, file))
    setSending(false)
  }

  return (
    <section className="status-line ok" aria-labelledby="class-created">
      <h2 id="class-created" ref={heading} tabIndex={-1}>
        {s.created}
      </h2>
      <p>{detail.class.name}</p>
      {outcome?.ok && <p role="status">{s.rosterUploaded(outcome.value.added)}</p>}
      {outcome?.ok && outcome.value.warnings.length > 0 && (
        <ul>
          {outcome.value.warnings.map((w) => (
            <li key={`${w.line}-${w.message}`}>{s.rosterLine(w.line, w.message)}</li>
          ))}
        </ul>
      )}
      {outcome && !outcome.ok && (
        <div role="alert">
          <p className="field-error">{s.rosterFailed}</p>
          {outcome.kind === 'invalid' && outcome.problems.length > 0 ? (
            <ul>
              {outcome.problems.map((p) => (
                <li key={`${p.line}-${p.message}`}>{s.rosterLine(p.line, p.message)}</li>
              ))}
            </ul>
          ) : (
            <p>{outcome.kind === 'invalid' ? s.serverSays(outcome.message) : s.needsOnline}</p>
          )}
          <div className="field">
            <label htmlFor="roster-again">{s.rosterCsv}</label>
            <input
              id="roster-again"
              type="file"
              accept=".csv,text/csv"
              disabled={sending}
              onChange={(e) => void resend(e.target.files?.[0])}
            />
          </div>
        </div>
      )}
      <p className="actions">
        <Link to={paths.trainerClass(detail.class.id)} className="button-link primary">
          {s.openDashboard}
        </Link>
      </p>
    </section>
  )
}

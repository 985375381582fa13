import { useId, useState } from 'react'
import { type ApiResult, type RosterUploadResult, uploadRoster } from './api.ts'
import { rosterNoteText, useTrainerStrings } from './strings.ts'

/**
 * A roster file (CSV: 姓名, 党员编号, 党支部) sent to a class, and what became of it: added N,
 * already in the class M, warnings by line; or, since the server adds all rows or none, every
 * refused line with its reason (said from the server's code, naming the column), and the file
 * input again to send the corrected file.
 *
 * `offer: 'always'` shows the file input from the start (the class dashboard); `'after-failure'`
 * only once an upload failed (after creating a class, which sent the file chosen in the form).
 */
export function RosterUpload({
  classId,
  initial = null,
  offer,
  disabled = false,
  onUploaded,
}: {
  classId: string
  initial?: ApiResult<RosterUploadResult> | null
  offer: 'always' | 'after-failure'
  disabled?: boolean
  onUploaded?: (result: RosterUploadResult) => void
}) {
  const s = useTrainerStrings()
  const id = useId()
  const [outcome, setOutcome] = useState(initial)
  const [sending, setSending] = useState(false)

  const send = async (input: HTMLInputElement) => {
    const file = input.files?.[0]
    if (!file) return
    setSending(true)
    const answer = await uploadRoster(classId, file)
    setSending(false)
    setOutcome(answer)
    // The same file, corrected and chosen again, must fire a change.
    input.value = ''
    if (answer.ok) onUploaded?.(answer.value)
  }

  const showInput = offer === 'always' || (outcome !== null && !outcome.ok)
  return (
    <div className="roster-upload">
      {outcome?.ok && (
        <div role="status">
          <p>{s.rosterResult(outcome.value.added, outcome.value.alreadyMembers)}</p>
          {outcome.value.warnings.length > 0 && (
            <>
              <p>{s.rosterWarnings}</p>
              <ul>
                {outcome.value.warnings.map((w) => (
                  <li key={`${w.line}-${w.message}`}>{rosterNoteText(s, w)}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {outcome && !outcome.ok && (
        <div role="alert">
          {outcome.kind === 'invalid' && outcome.problems.length > 0 ? (
            <>
              <p className="field-error">{s.rosterRefused}</p>
              <ul>
                {outcome.problems.map((p) => (
                  <li key={`${p.line}-${p.message}`}>{rosterNoteText(s, p)}</li>
                ))}
              </ul>
            </>
          ) : (
            <p className="field-error">
              {outcome.kind === 'invalid'
                ? s.serverSays(outcome.message)
                : outcome.kind === 'offline'
                  ? s.rosterFailedOffline
                  : s.rosterFailedOther}
            </p>
          )}
        </div>
      )}
      {showInput && (
        <div className="field">
          <label htmlFor={`${id}-file`}>{s.rosterCsv}</label>
          <span className="hint" id={`${id}-hint`}>
            {s.rosterUploadHint}
          </span>
          <input
            id={`${id}-file`}
            type="file"
            accept=".csv,text/csv"
            aria-describedby={`${id}-hint`}
            disabled={disabled || sending}
            onChange={(e) => void send(e.currentTarget)}
          />
          {sending && (
            <p className="meta" role="status">
              {s.rosterUploading}
            </p>
          )}
        </div>
      )}
    </div>
  )
}

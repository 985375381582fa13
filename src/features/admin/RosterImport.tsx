import { useEffect, useId, useRef, useState } from 'react'
import { tableToCsv } from '../../domain/archive/csv-writer.ts'
import type { ApiFailure } from '../../platform/api-call.ts'
import { saveFile } from '../../ui/save-file.ts'
import { guardLeaving } from '../shell/router.tsx'
import { importRoster, type RosterImport as Outcome } from './api.ts'
import { failureText } from './failure-text.ts'
import type { IssuedPassword } from './IssuedPasswords.tsx'
import { useAdminStrings } from './strings.ts'

type Step =
  | { readonly kind: 'idle' }
  | { readonly kind: 'checking' }
  | { readonly kind: 'preview'; readonly file: File; readonly outcome: Outcome }
  | { readonly kind: 'importing'; readonly file: File; readonly outcome: Outcome }
  | { readonly kind: 'done'; readonly outcome: Outcome }
  | { readonly kind: 'failed'; readonly failure: ApiFailure }

/**
 * A roster file in two steps: the server checks it and says what it would do (nothing written),
 * then, asked, imports it whole. A refused file lists every problem by line in the admin's
 * words, and the file input stays, for the corrected file. The new accounts' passwords go to
 * `onIssued`, the page's one place for them.
 */
export function RosterImport({
  offline,
  onIssued,
  onChanged,
}: {
  offline: boolean
  onIssued: (passwords: readonly IssuedPassword[]) => void
  onChanged: () => void
}) {
  const s = useAdminStrings()
  const id = useId()
  const [step, setStep] = useState<Step>({ kind: 'idle' })
  // The file input is gone once a file is chosen: what replaced it takes the focus.
  const outcomeRef = useRef<HTMLDivElement>(null)
  // After an import that made accounts, the focus goes to their passwords instead (IssuedPasswords).
  const focusOutcome =
    step.kind === 'preview' ||
    step.kind === 'failed' ||
    (step.kind === 'done' && step.outcome.created.length === 0)
  useEffect(() => {
    if (focusOutcome) outcomeRef.current?.focus()
  }, [focusOutcome])

  const check = async (input: HTMLInputElement) => {
    const file = input.files?.[0]
    // The same file, corrected and chosen again, must fire a change.
    input.value = ''
    if (!file) return
    setStep({ kind: 'checking' })
    const r = await importRoster(file, true)
    setStep(r.ok ? { kind: 'preview', file, outcome: r.value } : { kind: 'failed', failure: r })
  }

  const commit = async (file: File, preview: Outcome) => {
    setStep({ kind: 'importing', file, outcome: preview })
    const r = await importRoster(file, false)
    if (!r.ok) return setStep({ kind: 'failed', failure: r })
    setStep({ kind: 'done', outcome: r.value })
    onIssued(
      r.value.created.flatMap((c) =>
        c.password
          ? [
              {
                displayName: c.displayName,
                username: c.username,
                password: c.password,
                branch: c.branch,
                role: c.role,
              },
            ]
          : [],
      ),
    )
    onChanged()
  }

  const busy = step.kind === 'checking' || step.kind === 'importing'
  // Leaving while the server makes the accounts would lose their passwords: it cannot be undone.
  const importing = step.kind === 'importing'
  useEffect(() => (importing ? guardLeaving(() => s.leaveWhileImporting) : undefined), [importing, s])
  return (
    <section aria-labelledby={`${id}-title`} className="admin-section">
      <h2 id={`${id}-title`}>{s.rosterTitle}</h2>
      <p className="hint">{s.rosterIntro}</p>
      <p>
        <button type="button" onClick={() => downloadTemplate(s)}>
          {s.rosterTemplate}
        </button>
      </p>
      <div ref={outcomeRef} tabIndex={-1} className="roster-outcome">
        {(step.kind === 'preview' || step.kind === 'importing') && (
          <Preview
            outcome={step.outcome}
            busy={step.kind === 'importing'}
            onImport={() => void commit(step.file, step.outcome)}
            onCancel={() => setStep({ kind: 'idle' })}
          />
        )}
        {step.kind === 'checking' && <p role="status">{s.rosterChecking}</p>}
        {step.kind === 'done' && (
          <p role="status" className="status-line ok">
            {s.rosterDone(step.outcome.created.length, step.outcome.updated.length, step.outcome.unchanged)}
          </p>
        )}
        {step.kind === 'failed' && <Refusal failure={step.failure} />}
      </div>
      {step.kind !== 'preview' && step.kind !== 'importing' && (
        <div className="field">
          <label htmlFor={`${id}-file`}>{s.rosterFile}</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".csv,text/csv"
            disabled={busy || offline}
            onChange={(e) => void check(e.currentTarget)}
          />
        </div>
      )}
    </section>
  )
}

/**
 * A file to fill in: the header the import reads and nothing else (an example line left in by
 * mistake would become an account).
 */
function downloadTemplate(s: ReturnType<typeof useAdminStrings>) {
  const csv = tableToCsv({ header: s.templateHeader, rows: [] })
  saveFile(csv, 'text/csv;charset=utf-8', s.templateFile)
}

function Preview({
  outcome,
  busy,
  onImport,
  onCancel,
}: {
  outcome: Outcome
  busy: boolean
  onImport: () => void
  onCancel: () => void
}) {
  const s = useAdminStrings()
  const changes = outcome.created.length + outcome.updated.length
  // An alert, so it is read out: the file input that was pressed to get here is gone.
  return (
    <div role="alert" className="notice" data-testid="roster-preview">
      {changes === 0 ? (
        <p>{s.rosterNothing}</p>
      ) : (
        <p>{s.rosterPreview(outcome.created.length, outcome.updated.length, outcome.unchanged)}</p>
      )}
      {outcome.created.length > 0 && (
        <details>
          <summary>{s.rosterCreatedList(outcome.created.length)}</summary>
          <ul className="roster-changes">
            {outcome.created.map((c) => (
              <li key={c.username}>{s.rosterNew(c.displayName, c.username, c.branch, s.roleName(c.role))}</li>
            ))}
          </ul>
        </details>
      )}
      {outcome.updated.length > 0 && (
        <>
          <p>{s.rosterUpdatedList}</p>
          <ul className="roster-changes">
            {outcome.updated.map((u) => (
              <li key={u.username}>{s.rosterChange(u.displayName, u.username, u.changed)}</li>
            ))}
          </ul>
        </>
      )}
      {busy && <p role="status">{s.rosterImporting}</p>}
      <p className="actions">
        {changes > 0 && (
          <button type="button" className="primary" disabled={busy} onClick={onImport}>
            {busy ? s.rosterImportingShort : s.rosterImport(outcome.created.length)}
          </button>
        )}
        <button type="button" disabled={busy} onClick={onCancel}>
          {changes > 0 ? s.rosterCancel : s.cancel}
        </button>
      </p>
    </div>
  )
}

function Refusal({ failure }: { failure: ApiFailure }) {
  const s = useAdminStrings()
  if (failure.kind === 'invalid' && failure.problems.length > 0)
    return (
      <div role="alert" className="roster-problems">
        <p className="field-error">{s.rosterRefused(failure.problems.length)}</p>
        <ul>
          {failure.problems.map((p) => (
            <li key={`${p.line}-${p.code}-${p.column}`}>
              {s.rosterProblem(
                p.line,
                typeof p.values.name === 'string' ? p.values.name : null,
                (p.code && s.problemText(p.code, p.column ?? '', p.values)) ?? p.message,
              )}
            </li>
          ))}
        </ul>
      </div>
    )
  return (
    <p role="alert" className="field-error">
      {failureText(s, failure)}
    </p>
  )
}

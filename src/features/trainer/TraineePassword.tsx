import { useEffect, useRef, useState } from 'react'
import type { ApiResult } from '../../platform/api-call.ts'
import { AskTwice } from './AskTwice.tsx'
import { resetMemberPassword } from './api.ts'
import { useTrainerStrings } from './strings.ts'

/**
 * A member who forgot their password, on a field trip with their trainer: the trainer makes a
 * new one (asked twice: it logs the member out everywhere) and reads it out. Shown once, here;
 * the server keeps only its hash.
 */
export function TraineePassword({
  classId,
  memberId,
  name,
  online,
}: {
  classId: string
  memberId: string
  name: string
  online: boolean
}) {
  const s = useTrainerStrings()
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<ApiResult<{ username: string; password: string }> | null>(null)
  const askRef = useRef<HTMLDivElement>(null)
  const shownRef = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  // The question, then the password, replace the button pressed: each takes the focus.
  useEffect(() => {
    if (asking) askRef.current?.focus()
  }, [asking])
  useEffect(() => {
    if (outcome?.ok) shownRef.current?.focus()
  }, [outcome])

  const reset = async () => {
    setBusy(true)
    const r = await resetMemberPassword(classId, memberId)
    setBusy(false)
    setAsking(false)
    setOutcome(r)
  }

  return (
    <section aria-labelledby="trainee-password">
      <h2 id="trainee-password">{s.passwordTitle}</h2>
      {outcome?.ok ? (
        <div role="status" className="notice" tabIndex={-1} ref={shownRef}>
          <p>{s.passwordShown(name)}</p>
          <p>{s.passwordUsername(outcome.value.username)}</p>
          <p className="new-password" data-testid="new-password">
            {outcome.value.password}
          </p>
          <p>{s.passwordAfter}</p>
        </div>
      ) : (
        <>
          <p className="hint">{s.passwordIntro}</p>
          {outcome && !outcome.ok && (
            <p role="alert" className="field-error">
              {outcome.kind === 'offline'
                ? s.passwordOffline
                : outcome.kind === 'forbidden'
                  ? s.passwordNeedsAdmin
                  : outcome.kind === 'invalid'
                    ? s.serverSays(outcome.message)
                    : s.loadError(outcome.kind === 'error' ? outcome.status : 0)}
            </p>
          )}
          {asking ? (
            <AskTwice
              question={s.passwordQuestion(name)}
              yes={s.passwordYes}
              working={s.passwordWorking}
              cancel={s.passwordCancel}
              busy={busy}
              disabled={!online}
              onYes={() => void reset()}
              onCancel={() => {
                setAsking(false)
                requestAnimationFrame(() => buttonRef.current?.focus())
              }}
              focusRef={askRef}
            />
          ) : (
            <p className="actions">
              <button type="button" ref={buttonRef} disabled={!online} onClick={() => setAsking(true)}>
                {s.passwordReset}
              </button>
            </p>
          )}
          {!online && <p className="hint">{s.passwordOffline}</p>}
        </>
      )}
    </section>
  )
}

import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { newPasswordProblem, PASSWORD_MIN } from '../../domain/accounts/password-rules.ts'
import { useRecords } from '../shell/records-context.tsx'
import { changePassword } from './account-api.ts'
import { type AccountScreenStrings, useAccountScreenStrings } from './account-screen-strings.ts'

type Say = (t: AccountScreenStrings) => string

type Field = 'currentPassword' | 'newPassword' | 'confirmPassword'

/**
 * The member's own password: the current one, the new one twice. What the form can tell (too
 * short, the two copies differ) it says before sending, at the field; what only the server knows
 * (the current password is wrong) comes back to the same place. On success the fields empty and
 * the member hears how many other devices were logged out.
 */
export function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const s = useAccountScreenStrings()
  const { session, setSession } = useRecords()
  const ids = useId()
  const [values, setValues] = useState<Record<Field, string>>({
    currentPassword: '',
    newPassword: '',
    confirmPassword: '',
  })
  const [show, setShow] = useState(false)
  const [busy, setBusy] = useState(false)
  // What to say, not the words said: switching the language re-says it.
  const [error, setError] = useState<{ field: Field | null; say: Say } | null>(null)
  /** How many other devices the change logged out, once it is done. */
  const [done, setDone] = useState<number | null>(null)
  const errorRef = useRef<HTMLParagraphElement>(null)
  const doneRef = useRef<HTMLParagraphElement>(null)

  // The fields just emptied: the outcome is where the member's attention goes next.
  useEffect(() => {
    if (done !== null) doneRef.current?.focus()
  }, [done])

  const fail = (field: Field | null, say: Say) => {
    setError({ field, say })
    // After the render that shows it: the message is read, and the field is the next stop.
    requestAnimationFrame(() => errorRef.current?.focus())
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setDone(null)
    setError(null)
    if (!values.currentPassword) return fail('currentPassword', (t) => t.enterCurrent)
    const problem = newPasswordProblem(values.currentPassword, values.newPassword, values.confirmPassword)
    if (problem)
      return fail(
        problem.field,
        problem.kind === 'mismatch'
          ? (t) => t.mismatch
          : problem.kind === 'same-as-current'
            ? (t) => t.sameAsCurrent
            : (t) => t.tooShort(PASSWORD_MIN),
      )
    setBusy(true)
    const r = await changePassword(values.currentPassword, values.newPassword)
    setBusy(false)
    if (r.ok) {
      setValues({ currentPassword: '', newPassword: '', confirmPassword: '' })
      // The password is the member's own now: the app stops asking for a change.
      if (session?.passwordGiven) await setSession({ ...session, passwordGiven: false })
      setDone(r.value)
      onChanged()
      return
    }
    if (r.kind === 'invalid' && r.code === 'wrong_password')
      return fail('currentPassword', (t) => t.wrongCurrent)
    if (r.kind === 'invalid' && r.code === 'rate_limited') return fail(null, (t) => t.tooMany)
    if (r.kind === 'invalid' && r.field === 'newPassword')
      return fail('newPassword', (t) => t.serverSays(r.message))
    if (r.kind === 'invalid') return fail(null, (t) => t.serverSays(r.message))
    if (r.kind === 'offline') return fail(null, (t) => t.needsOnline)
    if (r.kind === 'logged-out') return fail(null, (t) => t.loggedOut)
    const status = r.kind === 'error' ? r.status : 0
    fail(null, (t) => t.serverError(status))
  }

  const input = (field: Field, label: string, autoComplete: string, hint?: string) => {
    const id = `${ids}-${field}`
    const hintId = hint ? `${id}-hint` : undefined
    const errorId = error?.field === field ? `${ids}-error` : undefined
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        {hint && (
          <span className="hint" id={hintId}>
            {hint}
          </span>
        )}
        <input
          id={id}
          type={show ? 'text' : 'password'}
          autoComplete={autoComplete}
          value={values[field]}
          aria-invalid={errorId ? true : undefined}
          aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
          onChange={(e) => {
            const value = e.target.value
            setValues((v) => ({ ...v, [field]: value }))
            if (error?.field === field) setError(null)
          }}
        />
        {errorId && (
          <p id={errorId} className="field-error" role="alert" tabIndex={-1} ref={errorRef}>
            {error?.say(s)}
          </p>
        )}
      </div>
    )
  }

  return (
    <section aria-labelledby={`${ids}-title`} className="account-section">
      <h2 id={`${ids}-title`}>{s.passwordTitle}</h2>
      <p className="hint">{s.passwordIntro}</p>
      <form className="trainer-form" onSubmit={(e) => void submit(e)} noValidate>
        {/* Password managers file the new password under this name. */}
        <input type="hidden" name="username" autoComplete="username" value={session?.username ?? ''} />
        {input('currentPassword', s.currentPassword, 'current-password')}
        {input('newPassword', s.newPassword, 'new-password', s.newPasswordHint(PASSWORD_MIN))}
        {input('confirmPassword', s.confirmPassword, 'new-password')}
        <label className="check">
          <input type="checkbox" checked={show} onChange={(e) => setShow(e.target.checked)} />
          {s.showPasswords}
        </label>
        {error && error.field === null && (
          <p className="status-line warn" role="alert" tabIndex={-1} ref={errorRef}>
            {error.say(s)}
          </p>
        )}
        {done !== null && (
          <p className="status-line ok" role="status" tabIndex={-1} ref={doneRef}>
            {s.passwordChanged(done)}
          </p>
        )}
        <p className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? s.changingPassword : s.changePassword}
          </button>
        </p>
      </form>
    </section>
  )
}

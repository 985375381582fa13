import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { BranchInput, RoleSelect } from './AccountFields.tsx'
import { type Account, createAccount, type Role } from './api.ts'
import { failureText } from './failure-text.ts'
import type { IssuedPassword } from './IssuedPasswords.tsx'
import { type AdminStrings, useAdminStrings } from './strings.ts'

type Say = (t: AdminStrings) => string

type Field = 'displayName' | 'username' | 'branch'

/** The server's rule for a login name (server/admin/users.ts), said before sending. */
const USERNAME = /^[\p{L}\p{N}._-]{2,64}$/u

/**
 * One account by hand: name, username (the member number), role, branch. The server makes the
 * password; it goes to `onIssued`. Errors the form can see are said at their field before
 * sending, and the server's (a taken username) come back to the same place.
 */
export function NewAccountForm({
  offline,
  branches,
  onIssued,
  onCreated,
}: {
  offline: boolean
  /** Branch names the accounts have now, offered as the admin types. */
  branches: readonly string[]
  onIssued: (passwords: readonly IssuedPassword[]) => void
  onCreated: (account: Account) => void
}) {
  const s = useAdminStrings()
  const id = useId()
  const [draft, setDraft] = useState({ displayName: '', username: '', role: 'member' as Role, branch: '' })
  // What to say, not the words said: switching the language re-says it.
  const [errors, setErrors] = useState<Partial<Record<Field, Say>>>({})
  const [problem, setProblem] = useState<Say | null>(null)
  /** The name of the account just made. */
  const [done, setDone] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const problemRef = useRef<HTMLParagraphElement>(null)
  // A refusal not about one field (offline, say): said where the focus goes, the button being off.
  useEffect(() => {
    if (problem) problemRef.current?.focus()
  }, [problem])

  const set = (change: Partial<typeof draft>) => {
    setDraft((d) => ({ ...d, ...change }))
    setErrors((e) => {
      const next = { ...e }
      for (const k of Object.keys(change)) delete next[k as Field]
      // The branch's need depends on the role.
      if ('role' in change) delete next.branch
      return next
    })
  }

  // An error is said at its field; the first such field takes the focus, so it is read out with it.
  const focusFirst = (found: Partial<Record<Field, Say>>) => {
    const first = (['displayName', 'username', 'branch'] as const).find((f) => found[f])
    if (first) requestAnimationFrame(() => document.getElementById(`${id}-${first}`)?.focus())
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setDone(null)
    setProblem(null)
    const displayName = draft.displayName.trim()
    const username = draft.username.trim()
    const branch = draft.branch.trim()
    const found: Partial<Record<Field, Say>> = {}
    if (!displayName) found.displayName = (t) => t.nameNeeded
    if (!USERNAME.test(username.normalize('NFKC'))) found.username = (t) => t.usernameInvalid
    if (draft.role === 'member' && !branch) found.branch = (t) => t.branchNeeded
    setErrors(found)
    if (Object.keys(found).length > 0) return focusFirst(found)
    setBusy(true)
    const r = await createAccount({
      displayName,
      username,
      role: draft.role,
      ...(branch ? { branch } : {}),
      // The field is the member number, as on a roster: coverage lists members by it.
      ...(draft.role === 'member' ? { memberNumber: username } : {}),
    })
    setBusy(false)
    if (r.ok) {
      setDraft({
        displayName: '',
        username: '',
        role: draft.role,
        branch: draft.role === 'member' ? branch : '',
      })
      setDone(r.value.account.displayName)
      if (r.value.password)
        onIssued([
          {
            displayName: r.value.account.displayName,
            username: r.value.account.username,
            password: r.value.password,
            branch: r.value.account.branch,
            role: r.value.account.role,
          },
        ])
      onCreated(r.value.account)
      return
    }
    const fieldError = (field: Field, say: Say) => {
      const found = { [field]: say }
      setErrors(found)
      focusFirst(found)
    }
    if (r.kind === 'invalid' && r.field === 'username')
      return fieldError(
        'username',
        /taken/.test(r.message) ? (t) => t.usernameTaken : (t) => t.usernameInvalid,
      )
    if (r.kind === 'invalid' && r.field === 'memberNumber')
      return fieldError('username', (t) => t.memberNumberTaken)
    if (r.kind === 'invalid' && (r.field === 'branch' || r.field === 'displayName')) {
      const message = r.message
      return fieldError(r.field, (t) => t.serverSays(message))
    }
    setProblem(() => (t: AdminStrings) => failureText(t, r))
  }

  const fieldProps = (f: Field, hint?: string) => {
    const describedBy = [errors[f] ? `${id}-${f}-error` : '', hint ? `${id}-${f}-hint` : ''].filter(Boolean)
    return {
      id: `${id}-${f}`,
      'aria-invalid': errors[f] ? true : undefined,
      'aria-describedby': describedBy.join(' ') || undefined,
    }
  }
  const errorLine = (f: Field) =>
    errors[f] ? (
      <p id={`${id}-${f}-error`} className="field-error">
        {errors[f]?.(s)}
      </p>
    ) : null

  return (
    <section aria-labelledby={`${id}-title`} className="admin-section">
      <h2 id={`${id}-title`}>{s.newTitle}</h2>
      <form className="trainer-form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-displayName`}>{s.fieldName}</label>
          <input
            {...fieldProps('displayName')}
            value={draft.displayName}
            maxLength={80}
            autoComplete="off"
            onChange={(e) => set({ displayName: e.target.value })}
          />
          {errorLine('displayName')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-username`}>{s.fieldUsername}</label>
          <span className="hint" id={`${id}-username-hint`}>
            {s.fieldUsernameHint}
          </span>
          <input
            {...fieldProps('username', s.fieldUsernameHint)}
            value={draft.username}
            maxLength={64}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            onChange={(e) => set({ username: e.target.value })}
          />
          {errorLine('username')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>{s.fieldRole}</label>
          <RoleSelect id={`${id}-role`} value={draft.role} onChange={(role) => set({ role })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-branch`}>{s.fieldBranch}</label>
          <span className="hint" id={`${id}-branch-hint`}>
            {s.fieldBranchHint}
          </span>
          <BranchInput
            {...fieldProps('branch', s.fieldBranchHint)}
            value={draft.branch}
            branches={branches}
            onChange={(branch) => set({ branch })}
          />
          {errorLine('branch')}
        </div>
        {problem && (
          <p role="alert" className="status-line warn" tabIndex={-1} ref={problemRef}>
            {problem(s)}
          </p>
        )}
        {done && (
          <p role="status" className="status-line ok">
            {s.created(done)}
          </p>
        )}
        <p className="actions">
          <button type="submit" className="primary" disabled={busy || offline}>
            {busy ? s.creating : s.create}
          </button>
        </p>
      </form>
    </section>
  )
}

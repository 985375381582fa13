import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { BranchInput, RoleSelect } from './AccountFields.tsx'
import { type Account, updateAccount } from './api.ts'
import { failureText } from './failure-text.ts'
import { type AdminStrings, useAdminStrings } from './strings.ts'

/**
 * An account's name, role and branch, changed in place: a typo in a name, a member moved to
 * another 党支部, a member who becomes a trainer. The server keeps the rules (a member has a
 * branch; an admin keeps their own role) and its refusals are said at their field.
 */
export function AccountEditForm({
  account,
  self,
  branches,
  onSaved,
  onCancel,
}: {
  account: Account
  self: boolean
  branches: readonly string[]
  onSaved: (account: Account) => void
  onCancel: () => void
}) {
  const s = useAdminStrings()
  const id = useId()
  const [draft, setDraft] = useState({
    displayName: account.displayName,
    role: account.role,
    branch: account.branch ?? '',
  })
  const [error, setError] = useState<{
    field: 'displayName' | 'branch' | null
    say: (t: AdminStrings) => string
  } | null>(null)
  const [busy, setBusy] = useState(false)
  const firstRef = useRef<HTMLInputElement>(null)
  useEffect(() => firstRef.current?.focus(), [])
  // An error at a field takes the focus there, so it is read out with the field.
  useEffect(() => {
    if (error?.field)
      document.getElementById(`${id}-${error.field === 'displayName' ? 'name' : 'branch'}`)?.focus()
  }, [error, id])

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const displayName = draft.displayName.trim()
    const branch = draft.branch.trim()
    if (!displayName) return setError({ field: 'displayName', say: (t) => t.nameNeeded })
    if (draft.role === 'member' && !branch) return setError({ field: 'branch', say: (t) => t.branchNeeded })
    setBusy(true)
    const r = await updateAccount(account.id, { displayName, role: draft.role, branch: branch || null })
    setBusy(false)
    if (r.ok) return onSaved(r.value)
    if (r.kind === 'invalid' && (r.field === 'displayName' || r.field === 'branch'))
      return setError({ field: r.field, say: (t) => t.serverSays(r.message) })
    setError({ field: null, say: (t) => failureText(t, r) })
  }

  const errorFor = (field: 'displayName' | 'branch') =>
    error?.field === field ? (
      <p id={`${id}-${field}-error`} className="field-error" role="alert">
        {error.say(s)}
      </p>
    ) : null
  const invalid = (field: 'displayName' | 'branch') =>
    error?.field === field ? { 'aria-invalid': true, 'aria-describedby': `${id}-${field}-error` } : {}

  return (
    <form className="trainer-form account-edit" onSubmit={(e) => void submit(e)} noValidate>
      <div className="field">
        <label htmlFor={`${id}-name`}>{s.fieldName}</label>
        <input
          id={`${id}-name`}
          ref={firstRef}
          value={draft.displayName}
          maxLength={80}
          autoComplete="off"
          onChange={(e) => setDraft((d) => ({ ...d, displayName: e.target.value }))}
          {...invalid('displayName')}
        />
        {errorFor('displayName')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-role`}>{s.fieldRole}</label>
        {/* An admin's own role is not changed here: they would lose this page mid-task. */}
        <RoleSelect
          id={`${id}-role`}
          value={draft.role}
          disabled={self}
          onChange={(role) => setDraft((d) => ({ ...d, role }))}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-branch`}>{s.fieldBranch}</label>
        <BranchInput
          id={`${id}-branch`}
          value={draft.branch}
          branches={branches}
          onChange={(branch) => setDraft((d) => ({ ...d, branch }))}
          {...invalid('branch')}
        />
        {errorFor('branch')}
      </div>
      {draft.role !== account.role && (
        <p className="hint" role="note">
          {draft.role === 'member' ? `${s.roleToMemberNote}${s.roleChangeNote}` : s.roleChangeNote}
        </p>
      )}
      {error?.field === null && (
        <p role="alert" className="status-line warn">
          {error.say(s)}
        </p>
      )}
      <p className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? s.saving : s.save}
        </button>
        <button type="button" disabled={busy} onClick={onCancel}>
          {s.cancel}
        </button>
      </p>
    </form>
  )
}

import { useDeferredValue, useEffect, useId, useRef, useState } from 'react'
import { Link, paths } from '../shell/router.tsx'
import { AskTwice } from '../trainer/AskTwice.tsx'
import { AccountEditForm } from './AccountEditForm.tsx'
import { type Account, type Role, resetPassword, revokeAccountSessions, setAccountDisabled } from './api.ts'
import { failureText } from './failure-text.ts'
import type { IssuedPassword } from './IssuedPasswords.tsx'
import { type AdminStrings, useAdminStrings } from './strings.ts'

/** Enough to find someone by scrolling; more is a search's job (an organisation has thousands). */
const SHOWN = 100

/** Name, username, member number or branch contain every word typed (case and width folded). */
export function matchesSearch(a: Account, query: string): boolean {
  const fold = (t: string) => t.normalize('NFKC').toLowerCase()
  const hay = fold([a.displayName, a.username, a.memberNumber ?? '', a.branch ?? ''].join(' '))
  return fold(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => hay.includes(word))
}

/** As an organiser reads a roster: branch by branch, names in pinyin order, no-branch last. */
function byBranchThenName(a: Account, b: Account): number {
  if (a.branch !== b.branch) {
    if (a.branch === null) return 1
    if (b.branch === null) return -1
    return a.branch.localeCompare(b.branch, 'zh-CN')
  }
  return a.displayName.localeCompare(b.displayName, 'zh-CN')
}

/**
 * Every account, searchable, each with what an admin does to one: a new password (shown once,
 * through `onIssued`), disabling or enabling, logging out every device. Each asks twice; the
 * admin's own account is left to "my account" (disabling it here would lock them out).
 */
export function AccountList({
  accounts,
  selfId,
  branches,
  onIssued,
  onChanged,
}: {
  accounts: readonly Account[]
  selfId: string
  branches: readonly string[]
  onIssued: (passwords: readonly IssuedPassword[]) => void
  onChanged: (account: Account) => void
}) {
  const s = useAdminStrings()
  const id = useId()
  const [query, setQuery] = useState('')
  const [role, setRole] = useState<Role | ''>('')
  const deferredQuery = useDeferredValue(query)
  const [open, setOpen] = useState<string | null>(null)

  const matching = accounts
    .filter((a) => (role === '' || a.role === role) && matchesSearch(a, deferredQuery))
    .sort(byBranchThenName)
  const shown = matching.slice(0, SHOWN)
  return (
    <section aria-labelledby={`${id}-title`} className="admin-section">
      <h2 id={`${id}-title`}>{s.listTitle}</h2>
      <div className="account-filters">
        <div className="field">
          <label htmlFor={`${id}-search`}>{s.search}</label>
          <input id={`${id}-search`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>{s.roleFilter}</label>
          <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as Role | '')}>
            <option value="">{s.allRoles}</option>
            {(['member', 'trainer', 'admin'] as const).map((r) => (
              <option key={r} value={r}>
                {s.roleName(r)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p role="status" className="hint">
        {matching.length === 0 ? s.noMatch : s.listCount(shown.length, matching.length)}
      </p>
      <ul className="account-list" data-testid="account-list">
        {shown.map((a) => (
          <li key={a.id} className={a.disabled ? 'disabled' : undefined}>
            <div className="account-line">
              <p>
                <strong>{a.displayName}</strong>
                {a.id === selfId && s.yourself}
                <br />
                <span className="hint">
                  {[
                    a.username,
                    // A member number other than the login name is what a roster lists them by.
                    ...(a.memberNumber && a.memberNumber.toLowerCase() !== a.username
                      ? [s.memberNumber(a.memberNumber)]
                      : []),
                    s.roleName(a.role),
                    a.branch ?? s.noBranch,
                    a.disabled ? s.disabled : s.active,
                    ...(a.passwordGiven && !a.disabled ? [s.passwordNotChanged] : []),
                  ].join(' · ')}
                </span>
              </p>
              <button
                type="button"
                aria-expanded={open === a.id}
                aria-label={s.actionsFor(a.displayName)}
                onClick={() => setOpen(open === a.id ? null : a.id)}
              >
                {s.manage}
              </button>
            </div>
            {open === a.id && (
              <AccountActions
                account={a}
                self={a.id === selfId}
                branches={branches}
                onIssued={onIssued}
                onChanged={onChanged}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}

type Action = 'reset' | 'disable' | 'revoke'

function AccountActions({
  account,
  self,
  branches,
  onIssued,
  onChanged,
}: {
  account: Account
  self: boolean
  branches: readonly string[]
  onIssued: (passwords: readonly IssuedPassword[]) => void
  onChanged: (account: Account) => void
}) {
  const s = useAdminStrings()
  const [editing, setEditing] = useState(false)
  const [asking, setAsking] = useState<Action | null>(null)
  const [busy, setBusy] = useState(false)
  // `focus`: false when the focus goes elsewhere (a new password: to the passwords at the top).
  const [outcome, setOutcome] = useState<{
    ok: boolean
    say: (t: AdminStrings) => string
    focus?: false
  } | null>(null)
  const askRef = useRef<HTMLDivElement>(null)
  const outcomeRef = useRef<HTMLParagraphElement>(null)
  const actionsRef = useRef<HTMLDivElement>(null)
  // After a question or the form is put away: back to the first action, not the page top.
  const backToActions = () =>
    requestAnimationFrame(() => actionsRef.current?.querySelector<HTMLElement>('button, a')?.focus())
  // The question and then the outcome replace the button pressed: each takes the focus in turn.
  useEffect(() => {
    if (asking) askRef.current?.focus()
  }, [asking])
  useEffect(() => {
    if (outcome && outcome.focus !== false) outcomeRef.current?.focus()
  }, [outcome])
  const name = account.displayName
  const editButton = (
    <button
      type="button"
      onClick={() => {
        setOutcome(null)
        setEditing(true)
      }}
    >
      {s.edit}
    </button>
  )
  if (editing)
    return (
      <div className="account-actions" ref={actionsRef}>
        <AccountEditForm
          account={account}
          self={self}
          branches={branches}
          onSaved={(saved) => {
            onChanged(saved)
            setEditing(false)
            setOutcome({ ok: true, say: (t) => t.saved(saved.displayName) })
          }}
          onCancel={() => {
            setEditing(false)
            backToActions()
          }}
        />
      </div>
    )
  const outcomeLine = outcome && (
    <p
      role={outcome.ok ? 'status' : 'alert'}
      className={`status-line ${outcome.ok ? 'ok' : 'warn'}`}
      tabIndex={-1}
      ref={outcomeRef}
    >
      {outcome.say(s)}
    </p>
  )
  // Resetting or disabling oneself here would end this very session mid-task.
  if (self)
    return (
      <div className="account-actions" ref={actionsRef}>
        {outcomeLine}
        <p className="actions">{editButton}</p>
        <p>
          {s.selfActions}{' '}
          <Link to={paths.account()} className="button-link">
            {s.toMyAccount}
          </Link>
        </p>
      </div>
    )

  const run = async (action: Action | 'enable') => {
    setBusy(true)
    setOutcome(null)
    if (action === 'reset') {
      const r = await resetPassword(account.id)
      if (r.ok && r.value.password) {
        onIssued([
          {
            displayName: r.value.account.displayName,
            username: r.value.account.username,
            password: r.value.password,
            branch: r.value.account.branch,
            role: r.value.account.role,
          },
        ])
        setOutcome({ ok: true, say: (t) => t.resetDone(name), focus: false })
      } else setOutcome({ ok: false, say: (t) => (r.ok ? t.serverError(200) : failureText(t, r)) })
    } else if (action === 'revoke') {
      const r = await revokeAccountSessions(account.id)
      setOutcome(
        r.ok
          ? { ok: true, say: (t) => t.revokeDone(name, r.value) }
          : { ok: false, say: (t) => failureText(t, r) },
      )
    } else {
      const r = await setAccountDisabled(account.id, action === 'disable')
      if (r.ok) {
        onChanged(r.value)
        setOutcome({
          ok: true,
          say: (t) => (action === 'disable' ? t.disableDone(name) : t.enableDone(name)),
        })
      } else setOutcome({ ok: false, say: (t) => failureText(t, r) })
    }
    setBusy(false)
    setAsking(null)
  }

  const ask = (action: Action) => {
    setOutcome(null)
    setAsking(action)
  }

  return (
    <div className="account-actions" ref={actionsRef}>
      {outcomeLine}
      {asking ? (
        <AskTwice
          question={
            asking === 'reset'
              ? s.resetQuestion(name)
              : asking === 'disable'
                ? `${s.disableQuestion(name)}${account.role === 'member' ? '' : s.disableTrainerNote}`
                : s.revokeQuestion(name)
          }
          yes={asking === 'reset' ? s.resetYes : asking === 'disable' ? s.disableYes : s.revokeYes}
          working={
            asking === 'reset' ? s.resetWorking : asking === 'disable' ? s.disableWorking : s.revokeWorking
          }
          cancel={s.cancel}
          busy={busy}
          onYes={() => void run(asking)}
          onCancel={() => {
            setAsking(null)
            backToActions()
          }}
          focusRef={askRef}
        />
      ) : (
        <p className="actions">
          {editButton}
          <button type="button" onClick={() => ask('reset')}>
            {s.resetPassword}
          </button>
          {account.disabled ? (
            <button type="button" disabled={busy} onClick={() => void run('enable')}>
              {s.enable}
            </button>
          ) : (
            <button type="button" onClick={() => ask('disable')}>
              {s.disable}
            </button>
          )}
          <button type="button" onClick={() => ask('revoke')}>
            {s.revoke}
          </button>
        </p>
      )}
    </div>
  )
}

import { useId, useState } from 'react'
import { focusOnMount } from '../../ui/focus-on-mount.ts'
import { type LoggedOut, LogoutControl, loggedOutText } from '../account/LogoutControl.tsx'
import { useAccountStrings } from '../account/strings.ts'
import { useRecords } from '../shell/records-context.tsx'
import { Link, paths } from '../shell/router.tsx'
import { usePassportStrings } from './strings.ts'

export function MemberName() {
  const a = useAccountStrings()
  const { member, session, localMember, rename } = useRecords()
  const [draft, setDraft] = useState<string | null>(null)
  const [loggedOut, setLoggedOut] = useState<LoggedOut | null>(null)
  const id = useId()
  if (session)
    return (
      <section aria-label={a.account}>
        <p className="status-line ok">{a.loggedInAs(session.displayName, session.username)}</p>
        <p>
          <Link to={paths.account()} className="button-link">
            {a.accountLink}
          </Link>
        </p>
        <LogoutControl onLoggedOut={setLoggedOut} />
      </section>
    )
  if (!member || !localMember) return null
  const value = draft ?? localMember.displayName
  return (
    <>
      {loggedOut !== null && (
        <p role="status" className="status-line ok" tabIndex={-1} ref={focusOnMount}>
          {loggedOutText(a, loggedOut)}
        </p>
      )}
      <MemberNameForm
        id={id}
        value={value}
        onChange={setDraft}
        changed={draft !== null}
        onSave={() => void rename(value).then(() => setDraft(null))}
      />
    </>
  )
}

function MemberNameForm({
  id,
  value,
  changed,
  onChange,
  onSave,
}: {
  id: string
  value: string
  changed: boolean
  onChange: (v: string) => void
  onSave: () => void
}) {
  const ps = usePassportStrings()
  return (
    <form
      className="member-name"
      onSubmit={(e) => {
        e.preventDefault()
        onSave()
      }}
    >
      <label htmlFor={id}>{ps.passportName}</label>
      <input
        id={id}
        value={value}
        placeholder={ps.passportNamePlaceholder}
        maxLength={40}
        onChange={(e) => onChange(e.target.value)}
      />
      <button type="submit" disabled={!changed}>
        {ps.passportSaveName}
      </button>
    </form>
  )
}

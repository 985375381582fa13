import { useCallback, useEffect, useRef, useState } from 'react'
import type { ApiResult } from '../../platform/api-call.ts'
import { StatusMessage } from '../../ui/StatusMessage.tsx'
import { useRecords } from '../shell/records-context.tsx'
import { guardLeaving, Link, paths } from '../shell/router.tsx'
import { ScreenHeading } from '../trainer/ScreenHeading.tsx'
import { AccountList } from './AccountList.tsx'
import { type Account, fetchAccounts } from './api.ts'
import { failureText } from './failure-text.ts'
import { type IssuedPassword, IssuedPasswords } from './IssuedPasswords.tsx'
import { NewAccountForm } from './NewAccountForm.tsx'
import { RosterImport } from './RosterImport.tsx'
import { useAdminStrings } from './strings.ts'
import '../trainer/trainer.css'
import './admin.css'

/**
 * /admin/accounts (账号管理), for admins: import a roster, make one account, and look after
 * every account (a forgotten password, a lost phone, someone who left). Online only: accounts
 * live on the server, and a password made there is shown here once.
 */
export default function AccountsAdminScreen(_props: Record<string, never>) {
  const s = useAdminStrings()
  const { state, session } = useRecords()
  if (state.status === 'opening') return <StatusMessage title={s.loading} level={1} />
  if (session?.role !== 'admin')
    return (
      <>
        <ScreenHeading title={s.title} />
        <StatusMessage title={s.onlyAdmins} tone="error">
          {!session && (
            <Link to={paths.login(paths.adminAccounts())} className="button-link primary">
              {s.logIn}
            </Link>
          )}
        </StatusMessage>
      </>
    )
  return <Accounts selfId={session.userId} />
}

function Accounts({ selfId }: { selfId: string }) {
  const s = useAdminStrings()
  const [accounts, setAccounts] = useState<ApiResult<Account[]> | null>(null)
  const [issued, setIssued] = useState<readonly IssuedPassword[]>([])
  const issuedRef = useRef<HTMLElement>(null)

  const load = useCallback(async () => {
    setAccounts(await fetchAccounts())
  }, [])
  useEffect(() => {
    void load()
  }, [load])

  const onIssued = (passwords: readonly IssuedPassword[]) => {
    if (passwords.length === 0) return
    // A second reset of the same account makes the first password useless: show the live one only.
    setIssued((before) => [
      ...passwords,
      ...before.filter((b) => !passwords.some((p) => p.username === b.username)),
    ])
  }

  // Leaving through a link would lose the passwords for good, as a reload would (beforeunload).
  const unsaved = issued.length
  useEffect(() => (unsaved > 0 ? guardLeaving(() => s.leaveQuestion(unsaved)) : undefined), [unsaved, s])
  const replace = (account: Account) =>
    setAccounts((r) =>
      r?.ok ? { ok: true, value: r.value.map((a) => (a.id === account.id ? account : a)) } : r,
    )

  // Known offline (the list could not load): the forms are off until a retry reaches the server.
  const offline = accounts !== null && !accounts.ok && accounts.kind === 'offline'
  const branches = accounts?.ok
    ? [...new Set(accounts.value.flatMap((a) => (a.branch ? [a.branch] : [])))].sort((a, b) =>
        a.localeCompare(b, 'zh-CN'),
      )
    : []

  return (
    <>
      <ScreenHeading title={s.title} />
      <p className="lead">{s.intro}</p>
      {/* Up here, before the forms: offline, none of them can work (said first, not after them). */}
      {accounts && !accounts.ok && (
        <StatusMessage title={failureText(s, accounts)} tone="error">
          <button type="button" onClick={() => void load()}>
            {s.retry}
          </button>
        </StatusMessage>
      )}
      <IssuedPasswords
        issued={issued}
        onClose={() => {
          setIssued([])
          // The panel and the button pressed are gone: the page's heading is where to go on from.
          document.querySelector<HTMLElement>('main h1')?.focus()
        }}
        focusRef={issuedRef}
      />
      <RosterImport offline={offline} onIssued={onIssued} onChanged={() => void load()} />
      <NewAccountForm
        offline={offline}
        branches={branches}
        onIssued={onIssued}
        onCreated={() => void load()}
      />
      {accounts === null && <StatusMessage title={s.loading} />}
      {accounts?.ok && (
        <AccountList
          accounts={accounts.value}
          selfId={selfId}
          branches={branches}
          onIssued={onIssued}
          onChanged={replace}
        />
      )}
    </>
  )
}

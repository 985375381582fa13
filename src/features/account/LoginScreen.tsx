import { type FormEvent, useId, useState } from 'react'
import { owedLogoutOnThisDevice } from '../../platform/owed-logout.ts'
import { type LoginResult, login } from '../../platform/session.ts'
import { pullAll } from '../../platform/sync/pull.ts'
import { focusOnMount } from '../../ui/focus-on-mount.ts'
import { useRecords } from '../shell/records-context.tsx'
import { afterLogin, Link } from '../shell/router.tsx'
import { useScreenTitle } from '../shell/useScreenTitle.ts'
import { ClaimPrompt } from './ClaimPrompt.tsx'
import { type LoggedOut, LogoutControl, loggedOutText } from './LogoutControl.tsx'
import { type AccountStrings, useAccountStrings } from './strings.ts'

// What to say, not the words said: switching the language re-says it.
type Say = (t: AccountStrings) => string

type Step =
  | { kind: 'form'; problem?: Exclude<LoginResult, { kind: 'ok' }> }
  | { kind: 'submitting' }
  | { kind: 'claim'; count: number }
  | { kind: 'done'; say?: Say }

/** Logging in: the form, then (once) the question whether records made before are the member's. */
export default function LoginScreen() {
  const s = useAccountStrings()
  const heading = useScreenTitle(s.title)
  const { log, session, localMember, setSession, syncNow, sync, resumeAfterLogin } = useRecords()
  // The session ended on the server (expired, or ended from another device) while records wait:
  // the same member logs in again here, and syncing picks up; nothing on the device changes.
  const expired = session !== null && sync.kind === 'auth-required'
  const [step, setStep] = useState<Step>({ kind: 'form' })
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const ids = { user: useId(), pass: useId(), problem: useId() }

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!log) return
    setStep({ kind: 'submitting' })
    // A logout this device still owes the server (made offline) goes first: the login replaces
    // the cookie, and the session it named would then stay alive on the server for months.
    if ((await owedLogoutOnThisDevice().send()) === 'owed')
      return setStep({ kind: 'form', problem: { kind: 'offline' } })
    const result = await login(expired ? session.username : username.trim(), password)
    if (result.kind !== 'ok') return setStep({ kind: 'form', problem: result })
    setPassword('')
    if (expired) {
      await setSession(result.session)
      resumeAfterLogin()
      return setStep({ kind: 'done', say: (t) => t.reLoggedIn })
    }
    await setSession(result.session)
    // A second device, or one whose storage was cleared: bring the member's records back.
    let restored = 0
    if ((await log.records(result.session.userId)).length === 0)
      restored = await pullAll(log, result.session.userId).catch(() => 0)
    const unclaimed = localMember ? (await log.outbox(localMember.memberId)).length : 0
    if (unclaimed > 0) return setStep({ kind: 'claim', count: unclaimed })
    syncNow()
    setStep({ kind: 'done', say: restored > 0 ? (t) => t.restored(restored) : undefined })
  }

  const loggedOut = (outcome: LoggedOut) => setStep({ kind: 'done', say: (t) => loggedOutText(t, outcome) })
  const problem = step.kind === 'form' ? step.problem : undefined
  const problemText =
    problem?.kind === 'invalid-credentials'
      ? s.invalid
      : problem?.kind === 'rate-limited'
        ? s.rateLimited
        : problem?.kind === 'offline'
          ? s.offline
          : problem?.kind === 'error'
            ? s.error(problem.status)
            : undefined

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {s.title}
      </h1>
      {step.kind === 'claim' && session && localMember ? (
        <ClaimPrompt
          count={step.count}
          from={localMember.memberId}
          to={session.userId}
          onDone={(claimed) =>
            setStep({ kind: 'done', say: claimed === undefined ? undefined : (t) => t.claimed(claimed) })
          }
        />
      ) : session && !expired && step.kind !== 'submitting' ? (
        <>
          {/* Shown in place of the form (or the question) the member just answered. */}
          <p role="status" className="status-line ok" tabIndex={-1} ref={focusOnMount}>
            {s.loggedInAs(session.displayName, session.username)}
          </p>
          {step.kind === 'done' && step.say && <p role="status">{step.say(s)}</p>}
          <p className="actions">
            <Link to={afterLogin(location.search, session.role)} className="button-link primary">
              {s.continue}
            </Link>
          </p>
          <LogoutControl onLoggedOut={loggedOut} />
        </>
      ) : (
        <form
          className="login-form"
          onSubmit={(e) => void submit(e)}
          aria-describedby={problemText ? ids.problem : undefined}
        >
          {step.kind === 'done' && step.say && (
            <p role="status" tabIndex={-1} ref={focusOnMount}>
              {step.say(s)}
            </p>
          )}
          {expired ? (
            <p className="status-line warn">
              {s.authRequired} {s.accountOf(session.displayName, session.username)}
            </p>
          ) : (
            <p className="lead">{s.intro}</p>
          )}
          {problemText && (
            <p id={ids.problem} role="alert" className="status-line warn">
              {problemText}
            </p>
          )}
          <label htmlFor={ids.user}>{s.username}</label>
          {/* Logging in again is for the same member: their records wait under this account. */}
          <input
            id={ids.user}
            name="username"
            autoComplete="username"
            required
            readOnly={expired}
            value={expired ? session.username : username}
            onChange={(e) => setUsername(e.target.value)}
          />
          <label htmlFor={ids.pass}>{s.password}</label>
          <input
            id={ids.pass}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          {/* Off until the device database is open (a moment after the page starts, longer on a
              slow phone): a login pressed before it would have nowhere to keep the session. */}
          <button type="submit" className="primary big" disabled={!log || step.kind === 'submitting'}>
            {step.kind === 'submitting' ? s.submitting : expired ? s.reLogin : s.submit}
          </button>
        </form>
      )}
      {expired && step.kind !== 'submitting' && <LogoutControl onLoggedOut={loggedOut} />}
    </>
  )
}

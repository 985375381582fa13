import { useState } from 'react'
import { useRecords } from '../shell/records-context.tsx'
import { Link, paths } from '../shell/router.tsx'
import { useAccountStrings } from './strings.ts'

/** "Later" lasts until the app is next opened: the question comes back, the password does not change by itself. */
const laterKey = (userId: string) => `hongtu.password-given.later.${userId}`

function saidLater(userId: string): boolean {
  try {
    return sessionStorage.getItem(laterKey(userId)) === '1'
  } catch {
    return false
  }
}

/**
 * Asks a member whose password someone else set (an admin's new account or reset, a trainer's
 * reset on a field trip, a roster import) to change it to one only they know. The screens people
 * land on show it right under their heading, where focus lands and reading starts; never a
 * check-in, a lesson or a scene. It goes once the password
 * is changed here; a change on another device logs this one out, and the next login brings the
 * server's word.
 */
export function PasswordGivenNotice() {
  const s = useAccountStrings()
  const { session } = useRecords()
  const [later, setLater] = useState(false)
  if (!session?.passwordGiven || later || saidLater(session.userId)) return null
  const putOff = () => {
    try {
      sessionStorage.setItem(laterKey(session.userId), '1')
    } catch {
      // Storage refused (a private window): it still goes away for now.
    }
    setLater(true)
    // The button is gone: the screen's heading is where reading goes on.
    requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus())
  }
  return (
    <div className="notice password-given">
      <p>{s.passwordGiven}</p>
      <p className="actions">
        <Link to={paths.account()} className="button-link primary">
          {s.passwordGivenChange}
        </Link>
        <button type="button" onClick={putOff}>
          {s.passwordGivenLater}
        </button>
      </p>
    </div>
  )
}

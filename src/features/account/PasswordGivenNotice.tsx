import { useState } from 'react'
import { usePreferences } from '../../i18n/i18n.tsx'
import { useRecords } from '../shell/records-context.tsx'
import { Link, paths } from '../shell/router.tsx'

/** Its own words, so that they load with it (PasswordGivenGate), not with every screen. */
const WORDS = {
  'zh-CN': {
    question: '你现在的密码是管理员或带教老师为你设置的。请改成只有你自己知道的密码。',
    change: '修改密码',
    later: '以后再说',
  },
  en: {
    question:
      'Your current password was set for you by an administrator or a trainer. Please change it to one only you know.',
    change: 'Change password',
    later: 'Later',
  },
} as const

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
 * land on show it right under their heading (through PasswordGivenGate, which decides whether),
 * where focus lands and reading starts; never a check-in, a lesson or a scene. It goes once the
 * password is changed here; a change on another device logs this one out, and the next login
 * brings the server's word.
 */
export default function PasswordGivenNotice() {
  const s = WORDS[usePreferences().prefs.lang]
  const { session } = useRecords()
  const [later, setLater] = useState(false)
  if (!session || later || saidLater(session.userId)) return null
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
      <p>{s.question}</p>
      <p className="actions">
        <Link to={paths.account()} className="button-link primary">
          {s.change}
        </Link>
        <button type="button" onClick={putOff}>
          {s.later}
        </button>
      </p>
    </div>
  )
}

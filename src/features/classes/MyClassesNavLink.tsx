import { useEffect } from 'react'
import { usePreferences } from '../../i18n/i18n.tsx'
import { useRecords } from '../shell/records-context.tsx'
import { Link, paths } from '../shell/router.tsx'

/**
 * 我的班次 in the header, for anyone logged in. It also keeps the device's class store to the
 * logged-in user (shared devices, P11): once the session is known, other users' downloaded
 * classes and signing keys are deleted. The label lives here so the first screen does not load
 * the class screens' strings, and the store is imported only when needed.
 */
export function MyClassesNavLink() {
  const { prefs } = usePreferences()
  const { state, session } = useRecords()
  const userId = session?.userId ?? null
  useEffect(() => {
    if (state.status !== 'ready') return
    void import('../../platform/classes/class-store.ts')
      .then(async (m) => (await m.sharedClassStore()).forgetOthers(userId))
      .catch(() => {})
  }, [state.status, userId])
  if (!session) return null
  return <Link to={paths.myClasses()}>{prefs.lang === 'en' ? 'My classes' : '我的班次'}</Link>
}

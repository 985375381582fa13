import { usePreferences } from '../../i18n/i18n.tsx'
import { useRecords } from '../shell/records-context.tsx'
import { Link, paths } from '../shell/router.tsx'

/**
 * The header's link to "my account" (the password, the devices), once logged in. Its label
 * lives here, not in strings.ts, so the first screen does not load the account screen's strings.
 */
export function AccountNavLink() {
  const { prefs } = usePreferences()
  const { session } = useRecords()
  if (!session) return null
  return <Link to={paths.account()}>{prefs.lang === 'en' ? 'My account' : '我的账号'}</Link>
}

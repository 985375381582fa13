import { usePreferences } from '../../i18n/i18n.tsx'
import { useRecords } from '../shell/records-context.tsx'
import { Link, paths } from '../shell/router.tsx'

/**
 * The header's link to the accounts page (账号管理), for admins only, as the server answers it
 * to admins alone. Its label lives here, not in strings.ts, so the first screen does not load the
 * admin page's strings.
 */
export function AccountsNavLink() {
  const { prefs } = usePreferences()
  const { session } = useRecords()
  if (session?.role !== 'admin') return null
  return <Link to={paths.adminAccounts()}>{prefs.lang === 'en' ? 'Accounts' : '账号管理'}</Link>
}

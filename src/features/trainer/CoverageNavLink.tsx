import { usePreferences } from '../../i18n/i18n.tsx'
import { useRecords } from '../shell/records-context.tsx'
import { Link, paths } from '../shell/router.tsx'

/**
 * The header's link to coverage (全覆盖), for admins only: the server answers coverage to admins
 * alone (GET /api/coverage), so nobody else is shown a way there. Its label lives here, not in
 * strings.ts, so the first screen does not load the trainer screens' strings.
 */
export function CoverageNavLink() {
  const { prefs } = usePreferences()
  const { session } = useRecords()
  if (session?.role !== 'admin') return null
  return <Link to={paths.coverage()}>{prefs.lang === 'en' ? 'Coverage' : '培训覆盖'}</Link>
}

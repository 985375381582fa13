import { useEffect } from 'react'
import { usePreferences } from '../../i18n/i18n.tsx'
import { useRecords } from '../shell/records-context.tsx'
import { Link, paths } from '../shell/router.tsx'
import { trainerCacheOwner } from './cache-owner.ts'

/**
 * The header's "带教" link, for trainers and admins only. It also guards the trainer cache on a
 * shared device (P11): once the device knows who is logged in, a class cache pulled for anyone
 * else (or for someone who logged out) is deleted. Its label lives here, not in strings.ts, so
 * the first screen does not load the trainer screens' strings.
 */
export function TrainerNavLink() {
  const { prefs } = usePreferences()
  const { state, session } = useRecords()
  const userId = session?.userId ?? null
  useEffect(() => {
    if (state.status !== 'ready') return
    const owner = trainerCacheOwner()
    if (owner === null || owner === userId) return
    void import('./class-cache.ts').then((m) => m.forgetTrainerCache(userId))
  }, [state.status, userId])
  if (session?.role !== 'trainer' && session?.role !== 'admin') return null
  return <Link to={paths.trainer()}>{prefs.lang === 'en' ? 'Training' : '带教'}</Link>
}

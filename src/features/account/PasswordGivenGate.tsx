import { lazy, Suspense } from 'react'
import { useRecords } from '../shell/records-context.tsx'

const PasswordGivenNotice = lazy(() => import('./PasswordGivenNotice.tsx'))

/**
 * Where a landing screen may ask for a password change: the question's code and words load
 * only for the few members it is for (every screen's first load, the VR one too, stays lighter).
 */
export function PasswordGivenGate() {
  const { session, sync } = useRecords()
  // Logged out by the server (a reset ends every session): changing needs a login first.
  if (!session?.passwordGiven || sync.kind === 'auth-required') return null
  return (
    <Suspense fallback={null}>
      <PasswordGivenNotice />
    </Suspense>
  )
}

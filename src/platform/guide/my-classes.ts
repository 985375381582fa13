import { knownOffline } from '../network.ts'

/**
 * The user's classes as the server lists them (GET /api/classes), read defensively: anything but
 * the expected JSON (offline, a captive portal's page, 401) is `null`, and the caller keeps what
 * it had.
 */
export interface ClassRef {
  readonly id: string
  readonly name: string
  readonly relation: 'admin' | 'trainer' | 'member'
  readonly routeId: string | null
  readonly startsOn: string
  readonly endsOn: string
}

const isClassRef = (v: unknown): v is ClassRef => {
  const c = v as Partial<ClassRef> | null
  return (
    typeof c === 'object' &&
    c !== null &&
    typeof c.id === 'string' &&
    typeof c.name === 'string' &&
    (c.relation === 'admin' || c.relation === 'trainer' || c.relation === 'member') &&
    (typeof c.routeId === 'string' || c.routeId === null) &&
    typeof c.startsOn === 'string' &&
    typeof c.endsOn === 'string'
  )
}

export async function fetchMyClasses(doFetch: typeof fetch = fetch): Promise<ClassRef[] | null> {
  if (knownOffline()) return null
  try {
    const res = await doFetch('/api/classes', { credentials: 'same-origin' })
    if (!res.ok || !(res.headers.get('content-type') ?? '').includes('application/json')) return null
    const body = (await res.json()) as { classes?: unknown }
    return Array.isArray(body.classes) ? body.classes.filter(isClassRef) : null
  } catch {
    return null
  }
}

/**
 * The class a trainer leads, as the lead screen needs it (GET /api/classes/:id): its name, route,
 * VR scenes and members. Read defensively; a class this user may not lead is `not-found`, like
 * the API's 404 for a class one may not see.
 */
export interface LeadClass {
  readonly id: string
  readonly name: string
  readonly routeId: string | null
  /** The class's VR scenes; empty when it has none (then it is not led in VR at all). */
  readonly sceneIds: readonly string[]
  readonly members: readonly { readonly id: string; readonly displayName: string }[]
}

export async function loadLeadClass(
  classId: string,
  doFetch: typeof fetch = fetch,
): Promise<LeadClass | 'not-found' | 'failed'> {
  let res: Response
  try {
    res = await doFetch(`/api/classes/${encodeURIComponent(classId)}`, { credentials: 'same-origin' })
  } catch {
    return 'failed'
  }
  if (res.status === 404 || res.status === 403) return 'not-found'
  if (!res.ok || !(res.headers.get('content-type') ?? '').includes('application/json')) return 'failed'
  const body = (await res.json().catch(() => null)) as {
    class?: { id?: unknown; name?: unknown; routeId?: unknown; sceneIds?: unknown; relation?: unknown }
    members?: unknown
  } | null
  const c = body?.class
  if (!c || typeof c.id !== 'string' || typeof c.name !== 'string') return 'failed'
  // Members see the class too, but only its trainers and admins lead it.
  if (c.relation === 'member') return 'not-found'
  const members = Array.isArray(body?.members)
    ? body.members.filter(
        (m): m is { id: string; displayName: string } =>
          typeof m?.id === 'string' && typeof m?.displayName === 'string',
      )
    : []
  return {
    id: c.id,
    name: c.name,
    routeId: typeof c.routeId === 'string' ? c.routeId : null,
    sceneIds: Array.isArray(c.sceneIds) ? c.sceneIds.filter((s): s is string => typeof s === 'string') : [],
    members: members.map((m) => ({ id: m.id, displayName: m.displayName })),
  }
}

import type { ClassPublicKey } from '../../domain/attest/keys.ts'
import type { PrivateSiteJwk } from '../../domain/qr/keys.ts'
import { knownOffline } from '../network.ts'
import type { ClassSummary, Person } from './class-store.ts'

/**
 * The few class calls the member and trainer screens make to our own server. Every answer is
 * one of a small set of outcomes the screens can explain: anything that is not our JSON (no
 * network, a captive portal's HTML page, a proxy error) counts as offline.
 */

export type ApiOutcome<T> =
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'offline' }
  /** 401: the session ended; log in again. */
  | { readonly kind: 'unauthenticated' }
  | { readonly kind: 'forbidden' }
  /** No such class, or not one this user may see (the server answers both alike). */
  | { readonly kind: 'not-found' }
  | { readonly kind: 'error'; readonly status: number }

async function getJson<T>(path: string, read: (body: unknown) => T | undefined, doFetch = fetch) {
  if (knownOffline()) return { kind: 'offline' } as const
  let res: Response
  try {
    res = await doFetch(path, { credentials: 'same-origin', cache: 'no-store' })
  } catch {
    return { kind: 'offline' } as const
  }
  const isJson = (res.headers.get('content-type') ?? '').includes('application/json')
  if (res.status === 401) return { kind: 'unauthenticated' } as const
  if (res.status === 403 && isJson) return { kind: 'forbidden' } as const
  if (res.status === 404 && isJson) return { kind: 'not-found' } as const
  if (!isJson) return { kind: 'offline' } as const
  if (!res.ok) return { kind: 'error', status: res.status } as const
  const value = read(await res.json().catch(() => undefined))
  return value === undefined ? ({ kind: 'offline' } as const) : ({ kind: 'ok', value } as const)
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

function summaryOf(v: unknown): ClassSummary | undefined {
  if (!isObject(v) || typeof v.id !== 'string' || typeof v.name !== 'string') return undefined
  const relation = v.relation
  if (relation !== 'admin' && relation !== 'trainer' && relation !== 'member') return undefined
  return {
    id: v.id,
    name: v.name,
    routeId: typeof v.routeId === 'string' ? v.routeId : null,
    sceneIds: Array.isArray(v.sceneIds) ? v.sceneIds.filter((s): s is string => typeof s === 'string') : [],
    startsOn: String(v.startsOn ?? ''),
    endsOn: String(v.endsOn ?? ''),
    relation,
  }
}

const peopleOf = (v: unknown): Person[] =>
  Array.isArray(v)
    ? v.flatMap((p) =>
        isObject(p) && typeof p.id === 'string' && typeof p.displayName === 'string'
          ? [{ id: p.id, displayName: p.displayName }]
          : [],
      )
    : []

/** GET /api/classes: the classes the user attends or trains. */
export function fetchMyClasses(doFetch = fetch): Promise<ApiOutcome<ClassSummary[]>> {
  return getJson(
    '/api/classes',
    (b) => {
      if (!isObject(b) || !Array.isArray(b.classes)) return undefined
      return b.classes.flatMap((c) => summaryOf(c) ?? [])
    },
    doFetch,
  )
}

/** GET /api/classes/:id: the class and its trainers. */
export function fetchClass(
  classId: string,
  doFetch = fetch,
): Promise<ApiOutcome<{ cls: ClassSummary; trainers: Person[] }>> {
  return getJson(
    `/api/classes/${encodeURIComponent(classId)}`,
    (b) => {
      const cls = isObject(b) ? summaryOf(b.class) : undefined
      return cls && isObject(b) ? { cls, trainers: peopleOf(b.trainers) } : undefined
    },
    doFetch,
  )
}

/** GET /api/classes/:id/keys: the public keys that verify the class's attestation codes. */
export function fetchClassKeys(classId: string, doFetch = fetch): Promise<ApiOutcome<ClassPublicKey[]>> {
  return getJson(
    `/api/classes/${encodeURIComponent(classId)}/keys`,
    (b) => {
      if (!isObject(b) || !Array.isArray(b.keys)) return undefined
      return b.keys.flatMap((k): ClassPublicKey[] => {
        if (!isObject(k) || typeof k.kid !== 'string' || k.classId !== classId || !isObject(k.publicJwk))
          return []
        const { kty, crv, x, y } = k.publicJwk
        if (kty !== 'EC' || crv !== 'P-256' || typeof x !== 'string' || typeof y !== 'string') return []
        return [
          {
            kid: k.kid,
            classId,
            publicJwk: { kty, crv, x, y },
            createdAt: String(k.createdAt ?? ''),
            retiredAt: typeof k.retiredAt === 'string' ? k.retiredAt : null,
          },
        ]
      })
    },
    doFetch,
  )
}

/**
 * GET /api/classes/:id/signing-key (trainers only). The caller imports the JWK at once as a
 * non-extractable key and drops the text: it is never stored or logged.
 */
export function fetchSigningKey(
  classId: string,
  doFetch = fetch,
): Promise<ApiOutcome<{ kid: string; privateJwk: PrivateSiteJwk }>> {
  return getJson(
    `/api/classes/${encodeURIComponent(classId)}/signing-key`,
    (b) => {
      if (!isObject(b) || typeof b.kid !== 'string' || !isObject(b.privateJwk)) return undefined
      const { kty, crv, x, y, d } = b.privateJwk
      if (kty !== 'EC' || crv !== 'P-256') return undefined
      if (typeof x !== 'string' || typeof y !== 'string' || typeof d !== 'string') return undefined
      return { kid: b.kid, privateJwk: { kty, crv, x, y, d } }
    },
    doFetch,
  )
}

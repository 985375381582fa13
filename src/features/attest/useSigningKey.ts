import { useEffect, useState } from 'react'
import { importSitePrivateKey, type PrivateSiteJwk } from '../../domain/qr/keys.ts'
import { type ClassStore, sharedClassStore } from '../../platform/classes/class-store.ts'
import { fetchClassKeys, fetchSigningKey } from '../../platform/classes/classes-api.ts'
import { downloadClassInfo } from '../classes/class-download.ts'

/**
 * The trainer's signing key for a class: read from the device, or downloaded once while online
 * and kept as a non-extractable CryptoKey (class-store.ts), so the code shows offline for the
 * rest of the class. The JWK text lives only until it is imported. A stored key shows at once;
 * while online the class's public key list says whether it is still in use, and if it was
 * retired (the class's key was replaced after a phone was lost) the new one replaces it: codes
 * of a retired key are refused.
 */
export type SigningKeyState =
  | { readonly status: 'loading' }
  | { readonly status: 'downloading' }
  | {
      readonly status: 'ready'
      readonly kid: string
      readonly key: CryptoKey
      /** false when this browser could not store the key: it then works only until the page closes. */
      readonly stored: boolean
    }
  | { readonly status: 'missing-offline' | 'forbidden' | 'not-found' | 'login' | 'error' }

/** `userId`: undefined while the device's session is still being read. */
export function useSigningKey(classId: string, userId: string | null | undefined): SigningKeyState {
  const [state, setState] = useState<SigningKeyState>({ status: 'loading' })
  useEffect(() => {
    if (userId === undefined) return
    if (!userId) {
      setState({ status: 'login' })
      return
    }
    let live = true
    const set = (s: SigningKeyState) => live && setState(s)
    const run = async () => {
      const store = await sharedClassStore()
      // The class itself (its stops and lessons) must be on the device too, or the screen has
      // nothing to offer offline; fetched alongside the key while online.
      if (!(await store.getClass(userId, classId))) await downloadClassInfo(userId, classId, store)
      const saved = await store.getSigningKey(userId, classId)
      if (saved) {
        set({ status: 'ready', kid: saved.kid, key: saved.privateKey, stored: true })
        // Asked through the public key list, so the private key crosses the network only when
        // it has changed. Offline, or the stored key still in use: keep showing it.
        const keys = await fetchClassKeys(classId)
        if (keys.kind !== 'ok') return
        if (keys.value.some((k) => k.kid === saved.kid && k.retiredAt === null)) return
        const current = await fetchSigningKey(classId)
        if (current.kind !== 'ok' || current.value.kid === saved.kid) return
        return set(await keep(store, userId, classId, current.value))
      }
      set({ status: 'downloading' })
      const answer = await fetchSigningKey(classId)
      switch (answer.kind) {
        case 'ok':
          break
        case 'offline':
          return set({ status: 'missing-offline' })
        case 'unauthenticated':
          return set({ status: 'login' })
        case 'forbidden':
        case 'not-found':
          return set({ status: answer.kind })
        default:
          return set({ status: 'error' })
      }
      set(await keep(store, userId, classId, answer.value))
    }
    run().catch(() => set({ status: 'error' }))
    return () => {
      live = false
    }
  }, [classId, userId])
  return state
}

/**
 * Downloads the class's signing key to this device if it has none yet or only a retired one,
 * quietly: the class dashboard calls it while online, so that a trainer who never opened the
 * presence-code screen online (only the dashboard and the trainee pages, as on a usual day) can
 * still show the code in the field, and so does removing a trainer (the key is replaced then).
 * Failures (offline, an admin who is not its trainer) leave things as they were.
 */
export async function prefetchSigningKey(userId: string, classId: string): Promise<void> {
  const store = await sharedClassStore()
  const saved = await store.getSigningKey(userId, classId)
  if (saved) {
    // A stored key still in use stays; a retired one (a trainer left the class, a phone was
    // lost) is replaced now, while online, not at the code screen in the field.
    const keys = await fetchClassKeys(classId)
    if (keys.kind !== 'ok' || keys.value.some((k) => k.kid === saved.kid && k.retiredAt === null)) return
  }
  const answer = await fetchSigningKey(classId)
  if (answer.kind !== 'ok' || answer.value.kid === saved?.kid) return
  if (!(await store.getClass(userId, classId))) await downloadClassInfo(userId, classId, store)
  await keep(store, userId, classId, answer.value)
}

/** Imports a downloaded key (non-extractable) and stores it for offline use. */
async function keep(
  store: ClassStore,
  userId: string,
  classId: string,
  downloaded: { kid: string; privateJwk: PrivateSiteJwk },
): Promise<SigningKeyState> {
  const key = await importSitePrivateKey(downloaded.privateJwk)
  const stored = await store
    .putSigningKey({
      userId,
      classId,
      kid: downloaded.kid,
      privateKey: key,
      savedAt: new Date().toISOString(),
    })
    .then(() => true)
    .catch(() => false)
  return { status: 'ready', kid: downloaded.kid, key, stored }
}

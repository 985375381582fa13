import type { AttestUse } from '../../domain/attest/replay.ts'
import { judgeReuse } from '../../domain/attest/replay.ts'
import { type AttestClaims, attestTokenId, parseAttestToken } from '../../domain/attest/token.ts'
import { type AttestRefusal, verifyAttestToken } from '../../domain/attest/verify.ts'
import type { ClassStore, ClassSummary, DownloadedClass } from '../../platform/classes/class-store.ts'
import { type ClassApi, downloadClassInfo, serverClassApi } from '../classes/class-download.ts'

/**
 * What the member's phone decides about a trainer's code (src/domain/attest/), before saving:
 * whose class it is, whether this device holds that class's keys (fetching them first when
 * online and missing), whether the member attends the class, the signature and the ±2-step
 * window, and whether this device already used the code (for this member, or another).
 */

export type CodeCheck =
  | {
      readonly ok: true
      readonly token: string
      readonly claims: AttestClaims
      readonly cls: DownloadedClass
      /** Set when this member already saved this code on this device: nothing new to save. */
      readonly again?: AttestUse
    }
  | AttestRefusal
  /** No account is logged in on this device: an attestation needs a member. */
  | { readonly ok: false; readonly reason: 'login-required' }
  /** The member attends the class but this device has not downloaded it, and is offline. */
  | { readonly ok: false; readonly reason: 'keys-missing'; readonly cls: ClassSummary }
  /** The user trains (or administers) the class: only its members are attested. */
  | { readonly ok: false; readonly reason: 'not-a-member'; readonly cls: ClassSummary }
  /** Another member already used this code on this device (replay.ts, rule 2). */
  | { readonly ok: false; readonly reason: 'already-used' }

export type CodeRefusal = Extract<CodeCheck, { ok: false }>

export interface CheckDeps {
  readonly store: Pick<ClassStore, 'getClass' | 'putClass' | 'getList' | 'usesOf'>
  readonly api?: ClassApi
  readonly nowMs: number
  /** This member's earlier attestations of the record log (the ledger may have been cleared). */
  readonly savedTokenIds?: () => Promise<ReadonlyMap<string, AttestUse>>
}

export async function checkAttestCode(
  token: string,
  userId: string | null,
  deps: CheckDeps,
): Promise<CodeCheck> {
  if (!userId) return { ok: false, reason: 'login-required' }
  const parsed = parseAttestToken(token)
  if (!parsed) return { ok: false, reason: 'malformed' }
  const { claims } = parsed

  let cls = await deps.store.getClass(userId, claims.cls)
  // Not downloaded yet, or its keys were rotated since: when online, fetch them now.
  if (!cls?.keys.some((k) => k.kid === claims.kid)) {
    const fresh = await downloadClassInfo(userId, claims.cls, deps.store, deps.api ?? serverClassApi)
    if (fresh.kind === 'ok') cls = fresh.value
    else if (fresh.kind === 'not-found') return { ok: false, reason: 'other-class', classId: claims.cls }
  } else if (cls.cls.relation === 'member') {
    // Downloaded before: the key may have been retired since (a trainer's phone lost).
    cls = await withCurrentKeys(cls, deps)
  }
  if (!cls) {
    const known = (await deps.store.getList(userId))?.classes.find((c) => c.id === claims.cls)
    return known?.relation === 'member'
      ? { ok: false, reason: 'keys-missing', cls: known }
      : { ok: false, reason: 'other-class', classId: claims.cls }
  }
  if (cls.cls.relation !== 'member') return { ok: false, reason: 'not-a-member', cls: cls.cls }

  const downloaded = cls
  const verdict = await verifyAttestToken(token, {
    classKeys: (id) => (id === downloaded.classId ? downloaded.keys : undefined),
    nowMs: deps.nowMs,
  })
  if (!verdict.ok) return verdict

  const tokenId = attestTokenId(verdict.claims)
  const reuse = judgeReuse(await deps.store.usesOf(tokenId), tokenId, userId)
  if (reuse.kind === 'other-member') return { ok: false, reason: 'already-used' }
  const again = reuse.kind === 'again' ? reuse.use : (await deps.savedTokenIds?.())?.get(tokenId)
  return { ok: true, token, claims: verdict.claims, cls: downloaded, ...(again ? { again } : {}) }
}

/** How long a scan waits for the class's current key list before trusting the device's copy. */
export const KEY_REFRESH_TIMEOUT_MS = 2000

/**
 * The class with its key list as the server has it now, when that can be learnt quickly: a key
 * retired since the download (retiredAt) then refuses the codes a lost phone still shows.
 * Offline, slow or failing, the device's copy decides, and the server checks every attestation
 * again when it arrives (it flags codes of a retired key).
 */
async function withCurrentKeys(cls: DownloadedClass, deps: CheckDeps): Promise<DownloadedClass> {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return cls
  const timed: typeof fetch = (input, init) =>
    fetch(input, { ...init, signal: AbortSignal.timeout(KEY_REFRESH_TIMEOUT_MS) })
  const fresh = await (deps.api ?? serverClassApi).fetchClassKeys(cls.classId, timed)
  if (fresh.kind !== 'ok') return cls
  const current: DownloadedClass = {
    ...cls,
    keys: fresh.value,
    downloadedAt: new Date(deps.nowMs).toISOString(),
  }
  // Kept for the offline scans to come; a failed write changes nothing for this one.
  await deps.store.putClass(current).catch(() => {})
  return current
}

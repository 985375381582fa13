import { beforeAll, describe, expect, it } from 'vitest'
import type { ClassPublicKey } from '../../domain/attest/keys.ts'
import type { AttestUse } from '../../domain/attest/replay.ts'
import { attestClaims, signAttestToken } from '../../domain/attest/sign.ts'
import { attestTokenId, parseAttestToken } from '../../domain/attest/token.ts'
import { generateSiteKeyPair, importSitePrivateKey } from '../../domain/qr/keys.ts'
import type { CachedClassList, ClassSummary, DownloadedClass } from '../../platform/classes/class-store.ts'
import type { ApiOutcome } from '../../platform/classes/classes-api.ts'
import type { ClassApi } from '../classes/class-download.ts'
import { type CheckDeps, checkAttestCode } from './accept-code.ts'

/**
 * The member's decision about a scanned code, with an in-memory class store and a stub server:
 * what is on the device, what the server would say, and what the member is told.
 */

const NOW = Date.parse('2026-05-10T02:00:10.000Z')
const CLASS = 'demo-yanan-class'
const KID = `cls-${CLASS}-1`
const summary = (relation: ClassSummary['relation'] = 'member'): ClassSummary => ({
  id: CLASS,
  name: '延安班',
  routeId: 'yanan-two-day',
  sceneIds: [],
  startsOn: '2026-05-10',
  endsOn: '2027-05-10',
  relation,
})

let keys: ClassPublicKey[]
let signer: CryptoKey
beforeAll(async () => {
  const pair = await generateSiteKeyPair()
  keys = [{ kid: KID, classId: CLASS, publicJwk: pair.publicJwk, createdAt: 'x', retiredAt: null }]
  signer = await importSitePrivateKey(pair.privateJwk)
})

const code = () =>
  signAttestToken(
    attestClaims({ kid: KID, classId: CLASS, at: { site: 'zaoyuan' }, trainerId: 't1', nowMs: NOW }),
    signer,
  )

function world(options: {
  downloaded?: ClassSummary['relation']
  list?: ClassSummary[]
  server?: 'member' | 'trainer' | 'offline' | 'not-found'
  /** The server's key list, when it differs from the one downloaded. */
  serverKeys?: () => ClassPublicKey[]
  uses?: AttestUse[]
}) {
  const classes = new Map<string, DownloadedClass>()
  if (options.downloaded)
    classes.set(`u1 ${CLASS}`, {
      userId: 'u1',
      classId: CLASS,
      cls: summary(options.downloaded),
      trainers: [],
      keys,
      downloadedAt: 'x',
    })
  const calls: string[] = []
  const answer = <T>(value: T): Promise<ApiOutcome<T>> => {
    const s = options.server ?? 'offline'
    if (s === 'offline') return Promise.resolve({ kind: 'offline' })
    if (s === 'not-found') return Promise.resolve({ kind: 'not-found' })
    return Promise.resolve({ kind: 'ok', value })
  }
  const api: ClassApi = {
    fetchClass: (id) => {
      calls.push(`class ${id}`)
      return answer({ cls: summary(options.server === 'trainer' ? 'trainer' : 'member'), trainers: [] })
    },
    fetchClassKeys: (id) => {
      calls.push(`keys ${id}`)
      return answer(options.serverKeys?.() ?? keys)
    },
  }
  const deps: CheckDeps = {
    nowMs: NOW,
    api,
    store: {
      getClass: async (u, c) => classes.get(`${u} ${c}`),
      putClass: async (c) => {
        classes.set(`${c.userId} ${c.classId}`, c)
      },
      getList: async (userId) =>
        options.list
          ? ({ userId, classes: options.list, fetchedAt: 'x' } satisfies CachedClassList)
          : undefined,
      usesOf: async (tokenId) => (options.uses ?? []).filter((u) => u.tokenId === tokenId),
    },
  }
  return { deps, calls, classes }
}

describe('checkAttestCode', () => {
  it('accepts a code of a downloaded class offline, from the keys on the device', async () => {
    const { deps, calls } = world({ downloaded: 'member' })
    const token = await code()
    expect(await checkAttestCode(token, 'u1', deps)).toMatchObject({
      ok: true,
      token,
      cls: { classId: CLASS },
    })
    // It asked for the current key list once; offline, the device's copy decided.
    expect(calls).toEqual([`keys ${CLASS}`])
  })

  it('online, refuses a code whose key was retired since the download, and keeps the new list', async () => {
    const retired = (): ClassPublicKey[] =>
      keys.map((k) => ({ ...k, retiredAt: new Date(NOW - 60_000).toISOString() }))
    const { deps, classes } = world({ downloaded: 'member', server: 'member', serverKeys: retired })
    expect(await checkAttestCode(await code(), 'u1', deps)).toEqual({
      ok: false,
      reason: 'retired-key',
      kid: KID,
    })
    expect(classes.get(`u1 ${CLASS}`)?.keys[0]?.retiredAt).toBe(new Date(NOW - 60_000).toISOString())
  })

  it('downloads the class first when online and it is not on the device yet, and keeps it', async () => {
    const { deps, calls, classes } = world({ server: 'member' })
    expect((await checkAttestCode(await code(), 'u1', deps)).ok).toBe(true)
    expect(calls).toEqual([`class ${CLASS}`, `keys ${CLASS}`])
    expect(classes.has(`u1 ${CLASS}`)).toBe(true)
  })

  it('needs a logged-in member', async () => {
    expect(await checkAttestCode(await code(), null, world({}).deps)).toEqual({
      ok: false,
      reason: 'login-required',
    })
  })

  it("offline, a class of the member's list that was never downloaded asks for the download", async () => {
    const { deps } = world({ list: [summary()] })
    expect(await checkAttestCode(await code(), 'u1', deps)).toMatchObject({
      ok: false,
      reason: 'keys-missing',
    })
  })

  it('a class the member does not attend is another class, offline or online', async () => {
    expect(await checkAttestCode(await code(), 'u1', world({}).deps)).toMatchObject({ reason: 'other-class' })
    expect(await checkAttestCode(await code(), 'u1', world({ server: 'not-found' }).deps)).toMatchObject({
      reason: 'other-class',
    })
  })

  it("the class's trainer scanning their own code is told only members are attested", async () => {
    expect(await checkAttestCode(await code(), 'u1', world({ server: 'trainer' }).deps)).toMatchObject({
      reason: 'not-a-member',
    })
  })

  it('refuses a code another member already used on this device', async () => {
    const token = await code()
    const tokenId = attestTokenId(parseAttestToken(token)?.claims ?? ({} as never))
    const uses = [{ tokenId, memberId: 'u2', recordId: 'r', usedAt: 'x' }]
    expect(await checkAttestCode(token, 'u1', world({ downloaded: 'member', uses }).deps)).toEqual({
      ok: false,
      reason: 'already-used',
    })
  })

  it('tells the same member the code is already saved, from the ledger or from the record log', async () => {
    const token = await code()
    const tokenId = attestTokenId(parseAttestToken(token)?.claims ?? ({} as never))
    const use = { tokenId, memberId: 'u1', recordId: 'r1', usedAt: 'x' }
    expect(
      await checkAttestCode(token, 'u1', world({ downloaded: 'member', uses: [use] }).deps),
    ).toMatchObject({
      ok: true,
      again: use,
    })
    const { deps } = world({ downloaded: 'member' })
    const fromLog = await checkAttestCode(token, 'u1', {
      ...deps,
      savedTokenIds: async () => new Map([[tokenId, use]]),
    })
    expect(fromLog).toMatchObject({ ok: true, again: use })
  })

  it('passes the signature and window refusals through', async () => {
    const { deps } = world({ downloaded: 'member' })
    expect(await checkAttestCode(await code(), 'u1', { ...deps, nowMs: NOW + 5 * 60_000 })).toMatchObject({
      reason: 'expired',
    })
    expect(await checkAttestCode('HA1.x.y', 'u1', deps)).toEqual({ ok: false, reason: 'malformed' })
  })
})

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { beforeAll, describe, expect, it } from 'vitest'
import { signAttestToken } from '../../domain/attest/sign.ts'
import { parseAttestToken } from '../../domain/attest/token.ts'
import { generateSiteKeyPair, importSitePrivateKey } from '../../domain/qr/keys.ts'
import { ClassStore, USE_RETENTION_MS } from './class-store.ts'

/** The offline class store against a real IndexedDB implementation (fake-indexeddb). */

beforeAll(() => {
  globalThis.IDBKeyRange ??= IDBKeyRange as unknown as typeof globalThis.IDBKeyRange
})

const open = () => ClassStore.open(new IDBFactory())
const NOW = Date.parse('2026-05-10T02:00:00.000Z')
const use = (memberId: string, tokenId: string, usedAt = new Date(NOW).toISOString()) => ({
  tokenId,
  memberId,
  recordId: `r-${memberId}-${tokenId}`,
  usedAt,
})

describe('ClassStore', () => {
  it('keeps the ledger of codes per code, for every member who used it here', async () => {
    const store = await open()
    await store.addUse(use('m1', 'k:1:a'), NOW)
    await store.addUse(use('m2', 'k:1:a'), NOW)
    await store.addUse(use('m1', 'k:2:b'), NOW)
    expect((await store.usesOf('k:1:a')).map((u) => u.memberId).sort()).toEqual(['m1', 'm2'])
    expect(await store.usesOf('k:3:c')).toEqual([])
  })

  it('drops ledger entries older than the retention when adding one', async () => {
    const store = await open()
    await store.addUse(use('m1', 'old', new Date(NOW - USE_RETENTION_MS - 1).toISOString()), NOW)
    await store.addUse(use('m1', 'new'), NOW)
    expect(await store.usesOf('old')).toEqual([])
    expect(await store.usesOf('new')).toHaveLength(1)
  })

  it("forgets everyone else's classes and keys but not the ledger", async () => {
    const store = await open()
    const cls = {
      id: 'c1',
      name: '班',
      routeId: null,
      sceneIds: [],
      startsOn: '2026-05-01',
      endsOn: '2026-05-31',
      relation: 'member' as const,
    }
    for (const userId of ['u1', 'u10']) {
      await store.putList({ userId, classes: [cls], fetchedAt: 'x' })
      await store.putClass({ userId, classId: 'c1', cls, trainers: [], keys: [], downloadedAt: 'x' })
    }
    await store.addUse(use('u1', 'k:1:a'), NOW)
    await store.forgetOthers('u10')
    expect(await store.getList('u1')).toBeUndefined()
    expect(await store.getClass('u1', 'c1')).toBeUndefined()
    expect(await store.getClass('u10', 'c1')).toMatchObject({ classId: 'c1' })
    expect(await store.usesOf('k:1:a')).toHaveLength(1)
    await store.forgetOthers(null)
    expect(await store.getList('u10')).toBeUndefined()
    expect(await store.getClass('u10', 'c1')).toBeUndefined()
  })

  it('stores a non-extractable signing key that still signs after being read back', async () => {
    const store = await open()
    const { privateJwk } = await generateSiteKeyPair()
    const privateKey = await importSitePrivateKey(privateJwk)
    expect(privateKey.extractable).toBe(false)
    await store.putSigningKey({ userId: 't1', classId: 'c1', kid: 'cls-c1-1', privateKey, savedAt: 'x' })
    const back = await store.getSigningKey('t1', 'c1')
    expect(back?.privateKey.extractable).toBe(false)
    const token = await signAttestToken(
      { v: 1, kid: 'cls-c1-1', cls: 'c1', step: 1, at: { site: 'zaoyuan' }, by: 't1', n: 'abcdefgh' },
      back?.privateKey as CryptoKey,
    )
    expect(parseAttestToken(token)?.claims.cls).toBe('c1')
  })
})

import { beforeAll, describe, expect, it } from 'vitest'
import type { ContentPack, Site } from '../../domain/content/pack.ts'
import { generateSiteKeyPair, importSitePrivateKey } from '../../domain/qr/keys.ts'
import { signSiteToken } from '../../domain/qr/sign.ts'
import { CheckinPayloadV1 } from '../../domain/records/kinds.ts'
import { qrCheckinPayload, verifyScannedText } from './verify-scanned.ts'

/** The check-in screens' entry point: scanned text in, a verdict (and a valid record payload) out. */

const NOW = new Date('2025-07-01T08:00:00Z')
const t0 = NOW.getTime() / 1000
const zaoyuan = { id: 'zaoyuan', name: { zh: '枣园革命旧址' } } as unknown as Site
let pack: Pick<ContentPack, 'keys' | 'sites'>
let key: CryptoKey

beforeAll(async () => {
  const { publicJwk, privateJwk } = await generateSiteKeyPair()
  pack = { keys: [{ kid: 'site-2025', use: 'site', alg: 'ES256', publicKey: publicJwk }], sites: [zaoyuan] }
  key = await importSitePrivateKey(privateJwk)
})

const token = (site = 'zaoyuan') =>
  signSiteToken({ v: 1, kid: 'site-2025', site, nbf: t0, exp: t0 + 3600, jti: 'abcdefgh12' }, key)

describe('verifyScannedText', () => {
  it('accepts a plaque link on any host and gives a payload the record schema accepts', async () => {
    const t = await token()
    const verdict = await verifyScannedText(`https://other.example/q/${t}`, pack, {
      siteId: 'zaoyuan',
      now: NOW,
    })
    expect(verdict).toMatchObject({ ok: true, token: t, site: zaoyuan })
    if (!verdict.ok) throw new Error('refused')
    const payload = qrCheckinPayload(verdict)
    expect(CheckinPayloadV1.parse(payload)).toEqual({
      siteId: 'zaoyuan',
      method: 'qr',
      verdict: 'qr-valid',
      qr: { token: t, keyId: 'site-2025' },
    })
  })

  it('refuses text that holds no site code', async () => {
    expect(await verifyScannedText('https://weixin.qq.com/r/abc', pack, { now: NOW })).toEqual({
      ok: false,
      reason: 'not-a-token',
    })
  })

  it('refuses a code of another site at a site check-in, naming that site', async () => {
    const verdict = await verifyScannedText(await token(), pack, { siteId: 'yangjialing', now: NOW })
    expect(verdict).toMatchObject({ ok: false, reason: 'wrong-site', claims: { site: 'zaoyuan' } })
  })

  it('refuses an authentic code whose site this content does not have', async () => {
    const verdict = await verifyScannedText(await token('nanniwan'), pack, { now: NOW })
    expect(verdict).toMatchObject({ ok: false, reason: 'unknown-site', claims: { site: 'nanniwan' } })
  })

  it('treats a pack without a key ring as knowing no key', async () => {
    const old = { sites: pack.sites } as unknown as typeof pack
    expect(await verifyScannedText(await token(), old, { now: NOW })).toMatchObject({ reason: 'unknown-key' })
  })
})

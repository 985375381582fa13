import { readFileSync } from 'node:fs'
import { expect, type Page } from '@playwright/test'
import QRCode from 'qrcode'
import { importSitePrivateKey, type PrivateSiteJwk } from '../../src/domain/qr/keys.ts'
import { signSiteToken } from '../../src/domain/qr/sign.ts'
import type { SiteTokenClaims } from '../../src/domain/qr/token.ts'

/**
 * Helpers of the QR e2e tests: site codes signed with the repository's test key (trusted only
 * by builds made with HONGTU_TRUST_TEST_KEYS=1), the app's stored check-ins read from
 * IndexedDB, a fake-camera video of a code, and axe.
 */

export const TEST_KID = 'e2e-test'
const testKey = JSON.parse(readFileSync('tests/fixtures/keys/e2e-test.private.jwk', 'utf8')) as PrivateSiteJwk

/** Now, in whole seconds since the epoch (the unit of token claims). */
export const nowS = () => Math.floor(Date.now() / 1000)

/** A site code for zaoyuan valid for the next hour, with any claim overridden; signed with `jwk`. */
export async function siteToken(
  over: Partial<SiteTokenClaims> = {},
  jwk: PrivateSiteJwk = testKey,
): Promise<string> {
  const claims: SiteTokenClaims = {
    v: 1,
    kid: TEST_KID,
    site: 'zaoyuan',
    nbf: nowS() - 60,
    exp: nowS() + 3600,
    jti: `e2e${Math.random().toString(36).slice(2, 12)}`,
    ...over,
  }
  return signSiteToken(claims, await importSitePrivateKey(jwk))
}

/**
 * What the app stored: check-in records and outbox entries, read straight from IndexedDB
 * (`hongtu`, stores `records` and `outbox`). Never creates the database: an empty one made
 * here would lack the app's stores.
 */
export async function storedCheckins(page: Page) {
  return page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'hongtu')) return { records: [], outbox: [] }
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('hongtu')
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    const all = (store: string) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).getAll()
        req.onsuccess = () => resolve(req.result)
        req.onerror = () => reject(req.error)
      })
    const [records, outbox] = [await all('records'), await all('outbox')]
    db.close()
    return { records: records.filter((r) => r.kind === 'checkin'), outbox }
  })
}

export async function expectTestKeyTrusted(page: Page) {
  const pack = (await (await page.request.get('/content/pack.json')).json()) as { keys?: { kid: string }[] }
  expect(
    pack.keys?.map((k) => k.kid),
    'the build must trust the test key: build with HONGTU_TRUST_TEST_KEYS=1 npx vite build',
  ).toContain(TEST_KID)
}

/** A one-frame Y4M video (4:2:0, 640×480) of a QR code, for Chromium's fake camera. */
export function qrVideo(text: string): Buffer {
  const W = 640
  const H = 480
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const unit = Math.floor(H / (modules.size + 8))
  const left = Math.floor((W - modules.size * unit) / 2)
  const top = Math.floor((H - modules.size * unit) / 2)
  const luma = Buffer.alloc(W * H, 235)
  for (let y = 0; y < modules.size * unit; y++)
    for (let x = 0; x < modules.size * unit; x++)
      if (modules.get(Math.floor(y / unit), Math.floor(x / unit))) luma[(top + y) * W + left + x] = 16
  const chroma = Buffer.alloc((W / 2) * (H / 2) * 2, 128)
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\nFRAME\n`), luma, chroma])
}

export { seriousViolations } from './axe.ts'

import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import { describeIssues, loadContent } from '../../build/content-loader.ts'
import { createSiteKey, readPrivateKey } from '../../scripts/qr/key-files.ts'
import { endOfBeijingDay, makePlaque, plaqueDate } from '../../scripts/qr/plaque.ts'
import { similarIds } from '../../scripts/qr/similar.ts'
import { KeyFileSchema } from '../../src/domain/content/schema.ts'
import { generateSiteKeyPair, type KeyRingEntry, type PrivateSiteJwk } from '../../src/domain/qr/keys.ts'
import { extractSiteToken } from '../../src/domain/qr/scanned.ts'
import { verifySiteToken } from '../../src/domain/qr/verify.ts'
import { validContentFiles, writeContentTree } from './fixture-content.ts'

/**
 * The admin's QR commands: keygen writes a key pair that the content accepts; a plaque's
 * QR code, rendered by Chromium to PNG and read back with jsQR, is the check-in link, and its
 * token verifies for the site against the content's key ring.
 */

const site = { id: 'zaoyuan', name: { zh: '枣园革命旧址' } }
const NOW = new Date('2025-07-01T02:00:00Z')

async function ring(kid = 'site-2025'): Promise<{ keyring: KeyRingEntry[]; privateJwk: PrivateSiteJwk }> {
  const { publicJwk, privateJwk } = await generateSiteKeyPair()
  return { keyring: [{ kid, use: 'site', alg: 'ES256', publicKey: publicJwk }], privateJwk }
}

function decodeQr(png: Buffer): string | undefined {
  const image = PNG.sync.read(png)
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data
}

describe('qr:keygen', () => {
  it('writes a private key only its owner can read and a public key file the content accepts', async () => {
    const root = writeContentTree(validContentFiles())
    const { privatePath, publicPath } = await createSiteKey({ root, kid: 'site-2025', note: '测试' })
    expect(statSync(privatePath).mode & 0o777).toBe(0o600)
    const publicFile = JSON.parse(readFileSync(publicPath, 'utf8'))
    expect(KeyFileSchema.parse(publicFile).kid).toBe('site-2025')
    expect(JSON.stringify(publicFile)).not.toContain(readPrivateKey(privatePath, root).d)

    const content = loadContent(root, undefined, { trustTestKeys: false })
    expect(describeIssues(content.issues)).toBe('')
    expect(content.pack?.keys.map((k) => k.kid)).toEqual(['site-2025'])
  })

  it('never replaces an existing key', async () => {
    const root = mkdtempSync(join(tmpdir(), 'hongtu-keys-'))
    const first = await createSiteKey({ root, kid: 'site-2025' })
    const before = readFileSync(first.privatePath, 'utf8')
    await expect(createSiteKey({ root, kid: 'site-2025' })).rejects.toThrow(/already exists/)
    expect(readFileSync(first.privatePath, 'utf8')).toBe(before)
    await expect(createSiteKey({ root, kid: 'Site 2025' })).rejects.toThrow(/not a kebab-case id/)
    expect(existsSync(join(root, 'routes-data/keys/Site 2025.json'))).toBe(false)
  })
})

describe('qr:plaque', () => {
  it('draws a QR code that reads back as the check-in link, with a token valid for the site', async () => {
    const { keyring, privateJwk } = await ring()
    const plaque = await makePlaque({
      site,
      kid: 'site-2025',
      privateJwk,
      keyring,
      now: NOW,
      days: 30,
      baseUrl: 'https://hongtu.example.org/',
      format: 'png',
    })
    expect(plaque.bytes.subarray(1, 4).toString('latin1')).toBe('PNG')
    const scanned = decodeQr(plaque.bytes)
    expect(scanned).toBe(plaque.link)
    expect(scanned).toMatch(/^https:\/\/hongtu\.example\.org\/q\/HT1\./)

    const token = extractSiteToken(scanned ?? '')
    expect(token).toBe(plaque.token)
    const verdict = await verifySiteToken(token ?? '', keyring, { siteId: 'zaoyuan', now: NOW })
    expect(verdict).toMatchObject({ ok: true, claims: { site: 'zaoyuan', kid: 'site-2025' } })
  }, 30_000)

  it('prints the site name, 扫码打卡 and dates that hold for the whole last day', async () => {
    const { keyring, privateJwk } = await ring()
    const plaque = await makePlaque({
      site: { id: 'zaoyuan', name: { zh: '枣园<旧址>' } },
      kid: 'site-2025',
      privateJwk,
      keyring,
      now: NOW,
      days: 365,
      baseUrl: 'http://localhost:8080',
      format: 'svg',
    })
    const svg = plaque.bytes.toString('utf8')
    expect(svg).toContain('枣园&lt;旧址&gt;')
    expect(svg).toContain('扫码打卡')
    expect(plaqueDate(plaque.claims.nbf)).toBe('2025年7月1日')
    expect(plaqueDate(plaque.claims.exp)).toBe('2026年7月1日')
    expect(svg).toContain('有效期：2025年7月1日 至 2026年7月1日')
    // 2026-07-01 23:59:59 in Beijing (UTC+8) is 15:59:59 UTC.
    expect(plaque.claims.exp).toBe(Date.UTC(2026, 6, 1, 15, 59, 59) / 1000)
    expect(endOfBeijingDay(plaque.claims.exp)).toBe(plaque.claims.exp)
  })

  it('refuses to print a plaque the content would not accept', async () => {
    const { keyring } = await ring()
    const other = await ring()
    const request = {
      site,
      kid: 'site-2025',
      now: NOW,
      days: 30,
      baseUrl: 'http://localhost:8080',
      format: 'svg' as const,
    }
    await expect(makePlaque({ ...request, privateJwk: other.privateJwk, keyring })).rejects.toThrow(
      /private key does not belong to routes-data\/keys\/site-2025\.json/,
    )
    await expect(makePlaque({ ...request, privateJwk: other.privateJwk, keyring: [] })).rejects.toThrow(
      /no public key site-2025/,
    )
    await expect(makePlaque({ ...request, privateJwk: other.privateJwk, keyring, days: 0 })).rejects.toThrow(
      /--days/,
    )
    await expect(
      makePlaque({ ...request, privateJwk: other.privateJwk, keyring, baseUrl: 'ftp://x' }),
    ).rejects.toThrow(/http\(s\)/)
  })

  it('names similar site ids for a misspelt --site', () => {
    const r = spawnSync(
      'node_modules/.bin/tsx',
      ['scripts/qr-plaque.ts', '--site', 'zaoyun', '--kid', 'site-2025', '--out', join(tmpdir(), 'x.svg')],
      { encoding: 'utf8' },
    )
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('no site "zaoyun" in routes-data/sites/. Did you mean: zaoyuan?')
  })
})

describe('similarIds', () => {
  it('ranks containing ids and close spellings first, and drops unrelated ones', () => {
    const ids = ['zaoyuan', 'yangjialing', 'yanan-geming-jinianguan', 'nanniwan', 'baotashan']
    expect(similarIds('zaoyun', ids)).toEqual(['zaoyuan'])
    expect(similarIds('yanan', ids)[0]).toBe('yanan-geming-jinianguan')
    expect(similarIds('qqqqqqqq', ids)).toEqual([])
  })
})

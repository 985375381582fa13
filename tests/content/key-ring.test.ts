import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { describeIssues, loadContent } from '../../build/content-loader.ts'
import { validContentFiles, writeContentTree } from './fixture-content.ts'

/**
 * The QR key ring in content: routes-data/keys/<kid>.json files become `pack.keys`; a bad key
 * file fails the build like any content file; the repository's test key is trusted only when
 * the build is told to (HONGTU_TRUST_TEST_KEYS=1, passed here as an option).
 */

const TEST_KEY_FILE = 'tests/fixtures/keys/e2e-test.json'
const testKey = () => JSON.parse(readFileSync(TEST_KEY_FILE, 'utf8')) as Record<string, unknown>
const keyFile = (kid: string, over: Record<string, unknown> = {}) =>
  JSON.stringify({ ...testKey(), kid, note: undefined, ...over })

function load(extra: Record<string, string>, trustTestKeys = false) {
  return loadContent(writeContentTree({ ...validContentFiles(), ...extra }), undefined, { trustTestKeys })
}

describe('content key ring', () => {
  it('loads routes-data/keys/<kid>.json into pack.keys', () => {
    const result = load({ 'routes-data/keys/site-2025.json': keyFile('site-2025') })
    expect(describeIssues(result.issues)).toBe('')
    expect(result.pack?.keys.map((k) => k.kid)).toEqual(['site-2025'])
    expect(result.pack?.keys[0]?.publicKey).toEqual((testKey() as { publicKey: unknown }).publicKey)
  })

  it('has an empty key ring when there is no keys folder', () => {
    expect(load({}).pack?.keys).toEqual([])
  })

  it('reports a kid that does not match the file name', () => {
    const result = load({ 'routes-data/keys/site-2025.json': keyFile('site-2026') })
    expect(result.pack).toBeUndefined()
    expect(describeIssues(result.issues)).toContain(
      'routes-data/keys/site-2025.json: kid: "site-2026" does not match the file name (site-2025)',
    )
  })

  it('reports a duplicate kid', () => {
    const result = load(
      {
        'routes-data/keys/site-2025.json': keyFile('site-2025'),
        'tests/fixtures/keys/site-2025.json': keyFile('site-2025'),
      },
      true,
    )
    expect(describeIssues(result.issues)).toContain('kid: "site-2025" is a duplicate kid')
  })

  it('allows only ES256 site keys', () => {
    const messages = describeIssues(
      load({
        'routes-data/keys/a.json': keyFile('a', { alg: 'RS256' }),
        'routes-data/keys/b.json': keyFile('b', { use: 'trainer' }),
      }).issues,
    )
    expect(messages).toContain(
      'routes-data/keys/a.json: alg: "RS256" is not ES256 (the only algorithm accepted)',
    )
    expect(messages).toContain('routes-data/keys/b.json: use: "trainer" is not site')
  })

  it('refuses a private key part without printing it', () => {
    const d = 'XfzwUXCw12BD45OTKF8de4R1HAk1mu0bVhMKrBTgcvo'
    const pub = (testKey() as { publicKey: Record<string, string> }).publicKey
    const result = load({ 'routes-data/keys/leak.json': keyFile('leak', { publicKey: { ...pub, d } }) })
    const messages = describeIssues(result.issues)
    expect(result.pack).toBeUndefined()
    expect(messages).toContain('routes-data/keys/leak.json: publicKey.d: is a PRIVATE key part')
    expect(messages).not.toContain(d.slice(0, 10))
  })

  it('reports a bad coordinate and invalid JSON with the file', () => {
    const messages = describeIssues(
      load({
        'routes-data/keys/a.json': keyFile('a', {
          publicKey: { kty: 'EC', crv: 'P-256', x: 'short', y: 'short' },
        }),
        'routes-data/keys/b.json': '{ "kid": "b", ',
      }).issues,
    )
    expect(messages).toContain('routes-data/keys/a.json: publicKey.x: "short" is not a P-256 coordinate')
    expect(messages).toMatch(/routes-data\/keys\/b\.json: is not valid JSON/)
  })

  it('trusts the repository test key only when asked, and says so', () => {
    const root = process.cwd()
    const plain = loadContent(root, undefined, { trustTestKeys: false })
    expect(plain.pack?.keys.some((k) => k.kid === 'e2e-test')).toBe(false)

    const trusting = loadContent(root, undefined, { trustTestKeys: true })
    expect(trusting.pack?.keys.some((k) => k.kid === 'e2e-test')).toBe(true)
    expect(trusting.pack?.version).not.toBe(plain.pack?.version)
    expect(describeIssues(trusting.issues)).toContain(`notice: ${TEST_KEY_FILE}: is a TEST key`)
  })
})

import { describe, expect, it } from 'vitest'
import { NAMESPACE_URL, sha1, uuidv5 } from './uuidv5.ts'

const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join('')
const ascii = (s: string) => new TextEncoder().encode(s)

describe('sha1', () => {
  // FIPS 180-4 examples and lengths around the 55/56/64-byte padding edges (values from Python's hashlib).
  it.each([
    ['', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
    ['abc', 'a9993e364706816aba3e25717850c26c9cd0d89d'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '84983e441c3bd26ebaae4aa1f95129e5e54670f1'],
    ['a'.repeat(55), 'c1c8bbdc22796e28c0e15163d20899b65621d65a'],
    ['a'.repeat(56), 'c2db330f6083854c99d4b5bfb6e8f29f201be699'],
    ['a'.repeat(64), '0098ba824b5c16427bd7a1122a5a442a25ec644d'],
    ['a'.repeat(1000), '291e9a6c66994949b57ba5e650361e98fc36b1ba'],
  ])('of %j', (text, digest) => {
    expect(hex(sha1(ascii(text)))).toBe(digest)
  })
})

describe('uuidv5', () => {
  it('matches the RFC example and Python uuid.uuid5, for ASCII and Chinese names', () => {
    const NAMESPACE_DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8'
    expect(uuidv5('www.example.com', NAMESPACE_DNS)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2')
    expect(uuidv5('https://hongtu.example.cn/xapi/activities/classes/demo-yanan-class', NAMESPACE_URL)).toBe(
      'c5fafa7e-93f5-5b9d-b44a-1b5fccc5f389',
    )
    expect(uuidv5('红途', NAMESPACE_URL)).toBe('dbb961f9-2597-5796-a78c-296dd7035b3b')
  })

  it('sets version 5 and the RFC variant for any name', () => {
    for (const name of ['a', 'b', 'class-1', '沂蒙班', 'x'.repeat(300)])
      expect(uuidv5(name, NAMESPACE_URL)).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      )
  })

  it('refuses a namespace that is not a UUID', () => {
    expect(() => uuidv5('a', 'not-a-uuid')).toThrow(/not a UUID/)
  })
})

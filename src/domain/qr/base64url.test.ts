import { describe, expect, it } from 'vitest'
import { base64urlToBytes, base64urlToText, bytesToBase64url, textToBase64url } from './base64url.ts'

describe('base64url', () => {
  it('round-trips every byte value and uses the URL alphabet without padding', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i)
    const text = bytesToBase64url(all)
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(base64urlToBytes(text)).toEqual(all)
  })

  it('encodes as RFC 4648 §5 does', () => {
    expect(bytesToBase64url(Uint8Array.of(0xfb, 0xff))).toBe('-_8')
    expect(textToBase64url('枣园')).toBe('5p6j5Zut')
  })

  it('rejects characters outside the alphabet, padding and impossible lengths', () => {
    expect(base64urlToBytes('ab+c')).toBeUndefined()
    expect(base64urlToBytes('ab/c')).toBeUndefined()
    expect(base64urlToBytes('abc=')).toBeUndefined()
    expect(base64urlToBytes('abcde')).toBeUndefined()
  })

  it('rejects bytes that are not UTF-8 when text is expected', () => {
    expect(base64urlToText(bytesToBase64url(Uint8Array.of(0xff, 0xfe)))).toBeUndefined()
    expect(base64urlToText(textToBase64url('{"v":1}'))).toBe('{"v":1}')
  })
})

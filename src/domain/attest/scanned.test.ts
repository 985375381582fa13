import { describe, expect, it } from 'vitest'
import { extractAttestToken } from './scanned.ts'

const token = 'HA1.eyJ2IjoxfQ.c2ln'

describe('extractAttestToken', () => {
  it("finds the token in a bare code or in a trainer's link on any host", () => {
    expect(extractAttestToken(` ${token} `)).toBe(token)
    expect(extractAttestToken(`https://hongtu.example/a/${token}`)).toBe(token)
    expect(extractAttestToken(`http://192.168.1.5:8080/app/a/${encodeURIComponent(token)}`)).toBe(token)
  })

  it('ignores site plaques, other links and other schemes', () => {
    expect(extractAttestToken('HT1.abc.def')).toBeUndefined()
    expect(extractAttestToken(`https://hongtu.example/q/${token}`)).toBeUndefined()
    expect(extractAttestToken('https://hongtu.example/a/HT1.abc.def')).toBeUndefined()
    expect(extractAttestToken(`weixin://a/${token}`)).toBeUndefined()
    expect(extractAttestToken('https://hongtu.example/a/%E0%A4%A')).toBeUndefined()
    expect(extractAttestToken('随便什么')).toBeUndefined()
  })
})

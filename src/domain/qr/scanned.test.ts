import { describe, expect, it } from 'vitest'
import { extractSiteToken } from './scanned.ts'

const TOKEN = 'HT1.eyJ2IjoxfQ.c2lnbmF0dXJl'

describe('extractSiteToken', () => {
  it('takes a bare token, trimming what a scanner adds around it', () => {
    expect(extractSiteToken(`  ${TOKEN}\n`)).toBe(TOKEN)
  })

  it('takes the token from a /q/ link on any host, with or without a base path', () => {
    expect(extractSiteToken(`https://hongtu.example.org/q/${TOKEN}`)).toBe(TOKEN)
    expect(extractSiteToken(`http://localhost:8080/q/${TOKEN}`)).toBe(TOKEN)
    expect(extractSiteToken(`https://example.org/app/q/${TOKEN}?utm=x#y`)).toBe(TOKEN)
    expect(extractSiteToken(`https://example.org/q/${encodeURIComponent(TOKEN)}`)).toBe(TOKEN)
  })

  it('ignores links that are not /q/<token>, other schemes and plain text', () => {
    expect(extractSiteToken(`https://example.org/sites/zaoyuan`)).toBeUndefined()
    expect(extractSiteToken(`https://example.org/q/`)).toBeUndefined()
    expect(extractSiteToken(`https://example.org/q/not-a-token`)).toBeUndefined()
    expect(extractSiteToken(`https://example.org/x/${TOKEN}`)).toBeUndefined()
    expect(extractSiteToken(`hongtu://q/${TOKEN}`)).toBeUndefined()
    expect(extractSiteToken('https://u.wechat.com/abc')).toBeUndefined()
    expect(extractSiteToken('6901234567892')).toBeUndefined()
  })
})

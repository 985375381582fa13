import { describe, expect, it } from 'vitest'
import { pickEncoding } from '../../server/http/accept-encoding.ts'

describe('pickEncoding', () => {
  const both = ['br', 'gzip'] as const

  it('prefers brotli when the browser takes both, as every current browser does', () => {
    expect(pickEncoding('gzip, deflate, br, zstd', both)).toBe('br')
  })

  it('falls back to gzip when brotli is not accepted or not stored', () => {
    expect(pickEncoding('gzip, deflate', both)).toBe('gzip')
    expect(pickEncoding('gzip, br', ['gzip'])).toBe('gzip')
  })

  it('honours q=0 and a wildcard', () => {
    expect(pickEncoding('br;q=0, gzip;q=0.5', both)).toBe('gzip')
    expect(pickEncoding('br;q=0, *', both)).toBe('gzip')
    expect(pickEncoding('*;q=0', both)).toBeUndefined()
    expect(pickEncoding('*', both)).toBe('br')
  })

  it('sends the file as it is without the header, with identity only, or with nothing stored', () => {
    expect(pickEncoding(undefined, both)).toBeUndefined()
    expect(pickEncoding('', both)).toBeUndefined()
    expect(pickEncoding('identity', both)).toBeUndefined()
    expect(pickEncoding('gzip, br', [])).toBeUndefined()
  })

  it('treats a malformed weight as refusal, not as acceptance', () => {
    expect(pickEncoding('br;q=abc, gzip', both)).toBe('gzip')
  })
})

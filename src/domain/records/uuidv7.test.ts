import { describe, expect, it } from 'vitest'
import { UUID_PATTERN, uuidv7 } from './uuidv7.ts'

describe('uuidv7', () => {
  it('encodes the millisecond time big-endian with version 7 and the RFC variant', () => {
    const id = uuidv7(0x0189_1234_5678, () => new Uint8Array(16).fill(0xff))
    expect(id).toBe('01891234-5678-7fff-bfff-ffffffffffff')
    expect(id).toMatch(UUID_PATTERN)
  })

  it('gives distinct ids for the same millisecond', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => uuidv7(1_700_000_000_000)))
    expect(ids.size).toBe(1000)
  })
})

import { describe, expect, it } from 'vitest'
import { serverNowMs } from './server-time.ts'

describe('serverNowMs', () => {
  const device = Date.parse('2026-11-22T08:00:00.000Z')

  it('adds the offset learnt from the last sync', () => {
    // The phone is 3 minutes behind the server: the server's time is 3 minutes later.
    expect(serverNowMs(180_000, device)).toBe(device + 180_000)
    expect(serverNowMs(-600_000, device)).toBe(device - 600_000)
  })

  it('keeps the device clock when no offset is known or it cannot be read', () => {
    expect(serverNowMs(null, device)).toBe(device)
    expect(serverNowMs(undefined, device)).toBe(device)
    expect(serverNowMs(Number.NaN, device)).toBe(device)
  })
})

import { describe, expect, it } from 'vitest'
import { type AttestUse, judgeReuse, outsideWindow, replayedOnDevice } from './replay.ts'
import { stepStartMs } from './window.ts'

const use = (memberId: string, tokenId = 'k:1:n1'): AttestUse => ({
  tokenId,
  memberId,
  recordId: `r-${memberId}`,
  usedAt: '2026-05-10T02:00:00.000Z',
})

describe('judgeReuse (the device ledger)', () => {
  it('lets a code never used on this device through', () => {
    expect(judgeReuse([use('m1', 'k:1:other')], 'k:1:n1', 'm1')).toEqual({ kind: 'new' })
  })

  it('tells the same member their code is already recorded', () => {
    expect(judgeReuse([use('m1')], 'k:1:n1', 'm1')).toEqual({ kind: 'again', use: use('m1') })
  })

  it('refuses a code another member already used on this device, even if this member used it too', () => {
    expect(judgeReuse([use('m1')], 'k:1:n1', 'm2')).toEqual({ kind: 'other-member', use: use('m1') })
    expect(judgeReuse([use('m2'), use('m1')], 'k:1:n1', 'm2')).toMatchObject({ kind: 'other-member' })
  })
})

describe('replayedOnDevice (the server rule)', () => {
  const seen = (memberId: string, deviceId: string, tokenId = 'k:1:n1') => ({ memberId, deviceId, tokenId })

  it('flags a code another member used from the same device', () => {
    expect(replayedOnDevice(seen('m2', 'd1'), [seen('m1', 'd1')])).toBe(true)
  })

  it('does not flag the whole class scanning one code on their own phones', () => {
    expect(replayedOnDevice(seen('m2', 'd2'), [seen('m1', 'd1'), seen('m3', 'd3')])).toBe(false)
  })

  it('does not flag the same member twice, nor another code on a shared phone', () => {
    expect(replayedOnDevice(seen('m1', 'd1'), [seen('m1', 'd1')])).toBe(false)
    expect(replayedOnDevice(seen('m2', 'd1'), [seen('m1', 'd1', 'k:2:n2')])).toBe(false)
  })
})

describe('outsideWindow', () => {
  const step = 59_000_000
  it('is false up to 2 steps either side of the code and true from the 3rd', () => {
    expect(outsideWindow(step, stepStartMs(step + 3) - 1)).toBe(false)
    expect(outsideWindow(step, stepStartMs(step - 2))).toBe(false)
    expect(outsideWindow(step, stepStartMs(step + 3))).toBe(true)
    expect(outsideWindow(step, stepStartMs(step - 2) - 1)).toBe(true)
  })
})

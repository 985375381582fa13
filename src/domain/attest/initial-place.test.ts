import { describe, expect, it } from 'vitest'
import { initialAttestPlace } from './initial-place.ts'

const stops = [
  { site: 'yanan-geming-jinianguan', day: 1 },
  { site: 'wangjiaping', day: 1 },
  { site: 'zaoyuan', day: 1 },
  { site: 'nanniwan', day: 2 },
  { site: 'baotashan', day: 2 },
]
const values = [...stops.map((s) => `site:${s.site}`), 'lesson:zaoyuan-lesson']
const base = { values, stops, startsOn: '2026-11-23', today: '2026-11-23' }

describe('initialAttestPlace', () => {
  it('keeps the trainer’s choice of today when they come back to the screen', () => {
    expect(initialAttestPlace({ ...base, remembered: { value: 'site:zaoyuan', day: '2026-11-23' } })).toBe(
      'site:zaoyuan',
    )
    expect(
      initialAttestPlace({ ...base, remembered: { value: 'lesson:zaoyuan-lesson', day: '2026-11-23' } }),
    ).toBe('lesson:zaoyuan-lesson')
  })

  it('forgets a choice made on another day, or of a place no longer offered', () => {
    const yesterday = { value: 'site:zaoyuan', day: '2026-11-22' }
    expect(initialAttestPlace({ ...base, remembered: yesterday })).toBe('site:yanan-geming-jinianguan')
    const gone = { value: 'site:somewhere-else', day: '2026-11-23' }
    expect(initialAttestPlace({ ...base, remembered: gone })).toBe('site:yanan-geming-jinianguan')
  })

  it('starts at the stop the class was gathered at', () => {
    expect(initialAttestPlace({ ...base, gatheredSiteId: 'zaoyuan' })).toBe('site:zaoyuan')
  })

  it('starts day 2 of the trip on day 2’s first stop, and stays on the last day after it', () => {
    expect(initialAttestPlace({ ...base, today: '2026-11-24' })).toBe('site:nanniwan')
    expect(initialAttestPlace({ ...base, today: '2026-11-30' })).toBe('site:nanniwan')
  })

  it('falls back to the first place before the trip, without a route, or with nothing', () => {
    expect(initialAttestPlace({ ...base, today: '2026-11-20' })).toBe('site:yanan-geming-jinianguan')
    expect(initialAttestPlace({ values: ['lesson:oath'], today: '2026-11-23' })).toBe('lesson:oath')
    expect(initialAttestPlace({ values: [], today: '2026-11-23' })).toBeNull()
  })
})

import { describe, expect, it } from 'vitest'
import { nearest } from './nearest.ts'

describe('nearest', () => {
  const a = { id: 'a', location: { lng: 109.4307, lat: 36.6233 } }
  const b = { id: 'b', location: { lng: 109.472, lat: 36.6089 } }
  it('finds the closest place and how far it is', () => {
    const r = nearest({ lng: 109.4307, lat: 36.6323 }, [b, a])
    expect(r?.place.id).toBe('a')
    // 0.009° of latitude is about 1,000 m.
    expect(r?.distanceM).toBeGreaterThan(990)
    expect(r?.distanceM).toBeLessThan(1010)
  })
  it('has nothing to say about no places', () => {
    expect(nearest({ lng: 0, lat: 0 }, [])).toBeUndefined()
  })
})

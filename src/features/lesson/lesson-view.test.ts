import { describe, expect, it } from 'vitest'
import { initialView, searchOfView, viewFromSearch } from './lesson-view.ts'

describe('lesson view in the address', () => {
  it('round-trips every view', () => {
    for (const view of [{ kind: 'step', index: 2 }, { kind: 'quiz' }, { kind: 'reflection' }] as const)
      expect(viewFromSearch(searchOfView(view), 4)).toEqual(view)
  })

  it('numbers steps from 1 for the member', () => {
    expect(searchOfView({ kind: 'step', index: 0 })).toBe('?view=step-1')
  })

  it('ignores a missing view, an unknown one and a step the lesson does not have', () => {
    for (const search of ['', '?view=map', '?view=step-0', '?view=step-5', '?view=step-x'])
      expect(viewFromSearch(search, 4)).toBeNull()
  })
})

describe('initialView', () => {
  it('opens an unfinished quiz first, then an unfinished reflection, else the first step', () => {
    expect(initialView({ quiz: true, reflection: true })).toEqual({ kind: 'quiz' })
    expect(initialView({ quiz: false, reflection: true })).toEqual({ kind: 'reflection' })
    expect(initialView({ quiz: false, reflection: false })).toEqual({ kind: 'step', index: 0 })
  })
})

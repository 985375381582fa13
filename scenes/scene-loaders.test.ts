import { describe, expect, it } from 'vitest'
import { SCENES } from './registry.ts'
import { loadSceneEntry } from './scene-loaders.ts'

describe('loadSceneEntry', () => {
  it('loads every listed scene on its own: the same data, and a component', async () => {
    for (const listed of SCENES) {
      const entry = await loadSceneEntry(listed.data.id)
      expect(entry?.data).toEqual(listed.data)
      const component = await entry?.load()
      expect(typeof component?.default).toBe('function')
    }
  })

  it('answers undefined for an id that names no scene folder', () => {
    expect(loadSceneEntry('no-such-scene')).toBeUndefined()
    expect(loadSceneEntry('..')).toBeUndefined()
  })
})

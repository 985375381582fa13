import { describe, expect, it } from 'vitest'
import { parsePath, paths } from './router.tsx'

describe('parsePath', () => {
  it('maps app paths to screens and round-trips the path builders', () => {
    expect(parsePath('/')).toEqual({ name: 'routes' })
    expect(parsePath(paths.route('yanan-two-day'))).toEqual({ name: 'route', id: 'yanan-two-day' })
    expect(parsePath(paths.site('zaoyuan'))).toEqual({ name: 'site', id: 'zaoyuan' })
    expect(parsePath('/sites/zaoyuan/')).toEqual({ name: 'site', id: 'zaoyuan' })
  })

  it('sends anything else to not-found', () => {
    expect(parsePath('/nope').name).toBe('not-found')
    expect(parsePath('/sites/a/b').name).toBe('not-found')
    expect(parsePath('/sites/%E0%A4%A').name).toBe('site')
  })
})

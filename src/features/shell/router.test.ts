import { describe, expect, it } from 'vitest'
import { parsePath, paths } from './router.tsx'

describe('parsePath', () => {
  it('maps app paths to screens and round-trips the path builders', () => {
    expect(parsePath('/')).toEqual({ name: 'routes' })
    expect(parsePath(paths.route('yanan-two-day'))).toEqual({ name: 'route', id: 'yanan-two-day' })
    expect(parsePath(paths.site('zaoyuan'))).toEqual({ name: 'site', id: 'zaoyuan' })
    expect(parsePath('/sites/zaoyuan/')).toEqual({ name: 'site', id: 'zaoyuan' })
    expect(parsePath(paths.checkin('zaoyuan'))).toEqual({ name: 'checkin', siteId: 'zaoyuan' })
    expect(parsePath(paths.lesson('zaoyuan-lesson'))).toEqual({ name: 'lesson', id: 'zaoyuan-lesson' })
    expect(parsePath(paths.passport())).toEqual({ name: 'passport' })
    expect(parsePath(paths.qr('HT1.abc.def'))).toEqual({ name: 'qr', token: 'HT1.abc.def' })
    expect(parsePath(paths.scan())).toEqual({ name: 'scan' })
    expect(parsePath(paths.login())).toEqual({ name: 'login' })
  })

  it('sends anything else to not-found', () => {
    expect(parsePath('/nope').name).toBe('not-found')
    expect(parsePath('/sites/a/b').name).toBe('not-found')
    expect(parsePath('/sites/%E0%A4%A').name).toBe('site')
  })
})

import { describe, expect, it } from 'vitest'
import { afterLogin, parsePath, paths } from './router.tsx'

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
    expect(parsePath(paths.myClasses())).toEqual({ name: 'my-classes' })
    expect(parsePath(paths.myClass('c1'))).toEqual({ name: 'my-class', id: 'c1' })
    expect(parsePath(paths.attestLink('HA1.x.y'))).toEqual({ name: 'attest-link', token: 'HA1.x.y' })
    expect(parsePath(paths.trainer())).toEqual({ name: 'trainer' })
    expect(parsePath(paths.trainerNewClass())).toEqual({ name: 'trainer-new-class' })
    expect(parsePath(paths.trainerClass('c1'))).toEqual({ name: 'trainer-class', id: 'c1' })
    expect(parsePath(paths.trainerMember('c1', 'm1'))).toEqual({
      name: 'trainer-member',
      classId: 'c1',
      memberId: 'm1',
    })
    expect(parsePath(paths.trainerAttest('c1'))).toEqual({ name: 'trainer-attest', classId: 'c1' })
    expect(parsePath(paths.trainerLead('c1'))).toEqual({ name: 'trainer-lead', classId: 'c1' })
    expect(parsePath(paths.trainerEffect('c1'))).toEqual({ name: 'trainer-effect', classId: 'c1' })
    expect(parsePath(paths.coverage())).toEqual({ name: 'coverage' })
    expect(parsePath(paths.account())).toEqual({ name: 'account' })
    expect(parsePath(paths.adminAccounts())).toEqual({ name: 'admin-accounts' })
    expect(parsePath('/admin')).toEqual({ name: 'not-found', path: '/admin' })
  })

  it('sends anything else to not-found', () => {
    expect(parsePath('/nope').name).toBe('not-found')
    expect(parsePath('/sites/a/b').name).toBe('not-found')
    expect(parsePath('/trainer/classes').name).toBe('not-found')
    expect(parsePath('/trainer/classes/c1/nope').name).toBe('not-found')
    expect(parsePath('/sites/%E0%A4%A').name).toBe('site')
  })
})

describe('afterLogin', () => {
  it('goes back to the app screen that asked for the login', () => {
    const code = paths.attestLink('HA1.x.y')
    expect(afterLogin(new URL(`http://h${paths.login(code)}`).search, 'member')).toBe(code)
    expect(afterLogin('?next=%2Ftrainer%2Fclasses%2Fc1', 'trainer')).toBe('/trainer/classes/c1')
  })

  it("otherwise goes to the role's home: a member's passport, a trainer's or admin's classes", () => {
    expect(afterLogin('', 'member')).toBe(paths.passport())
    expect(afterLogin('', 'trainer')).toBe(paths.trainer())
    expect(afterLogin('', 'admin')).toBe(paths.trainer())
  })

  it('never leads off the app, to an unknown screen or back to the login', () => {
    for (const next of [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      '/no/such/screen',
      '/login',
    ])
      expect(afterLogin(`?next=${encodeURIComponent(next)}`, 'member'), next).toBe(paths.passport())
  })
})

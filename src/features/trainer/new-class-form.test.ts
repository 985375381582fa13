import { describe, expect, it } from 'vitest'
import {
  checkDraft,
  chinaToday,
  fieldOfServerPath,
  requestOf,
  routeDates,
  routeEndsOn,
  withRoute,
  withStartsOn,
} from './new-class-form.ts'

const draft = {
  name: ' 延安班 ',
  routeId: '',
  sceneIds: ['oath-hall'],
  startsOn: '2026-05-01',
  endsOn: '2026-05-02',
}

describe('checkDraft', () => {
  it('accepts a VR-only class and asks for a route or a scene when neither is chosen', () => {
    expect(checkDraft(draft)).toEqual({})
    expect(checkDraft({ ...draft, sceneIds: [] })).toEqual({ route: 'route-or-scene' })
  })

  it('needs a name and both dates, the end not before the start', () => {
    expect(checkDraft({ ...draft, name: '  ', startsOn: '', endsOn: '' })).toEqual({
      name: 'required',
      startsOn: 'required',
      endsOn: 'required',
    })
    expect(checkDraft({ ...draft, endsOn: '2026-04-30' })).toEqual({ endsOn: 'ends-before-starts' })
  })
})

describe('requestOf', () => {
  it('trims the name and sends no route as null', () => {
    expect(requestOf(draft, ['t'], ['m'])).toEqual({
      name: '延安班',
      routeId: null,
      sceneIds: ['oath-hall'],
      startsOn: '2026-05-01',
      endsOn: '2026-05-02',
      trainerIds: ['t'],
      memberIds: ['m'],
    })
  })
})

describe('fieldOfServerPath', () => {
  it('maps the server’s field paths to the form’s fields, with the person’s index', () => {
    expect(fieldOfServerPath('memberIds.3')).toEqual({ field: 'members', index: 3 })
    expect(fieldOfServerPath('sceneIds.0')).toEqual({ field: 'route', index: 0 })
    expect(fieldOfServerPath('endsOn')).toEqual({ field: 'endsOn', index: null })
    expect(fieldOfServerPath('unknown')).toBeNull()
    expect(fieldOfServerPath(null)).toBeNull()
  })
})

describe('chinaToday', () => {
  it('is the date in UTC+8', () => {
    expect(chinaToday(new Date('2026-05-01T16:30:00Z'))).toBe('2026-05-02')
    expect(chinaToday(new Date('2026-05-01T15:30:00Z'))).toBe('2026-05-01')
  })
})

describe('the end date and the route’s days', () => {
  const fresh = { name: '', routeId: '', sceneIds: [], startsOn: '2026-05-01', endsOn: '2026-05-01' }

  it('counts both ends: a 2-day route from 05-01 ends on 05-02, across a month and a year too', () => {
    expect(routeEndsOn('2026-05-01', 2)).toBe('2026-05-02')
    expect(routeEndsOn('2026-05-01', 1)).toBe('2026-05-01')
    expect(routeEndsOn('2026-02-28', 2)).toBe('2026-03-01')
    expect(routeEndsOn('2026-12-31', 3)).toBe('2027-01-02')
    expect(routeEndsOn('', 2)).toBeNull()
    expect(routeEndsOn('2026-02-30', 2)).toBeNull()
  })

  it('picking a two-day route makes a class of the default dates last both days', () => {
    const picked = withRoute(fresh, 'yanan-two-day', 2)
    expect(picked).toMatchObject({ routeId: 'yanan-two-day', startsOn: '2026-05-01', endsOn: '2026-05-02' })
    expect(routeDates(picked, 2)).toEqual({ fit: 'ends-with-route', routeEndsOn: '2026-05-02' })
    // No route: the dates stay as they were.
    expect(withRoute(picked, '', null)).toMatchObject({ routeId: '', endsOn: '2026-05-02' })
  })

  it('a new start date moves the end date along, unless the trainer set it by hand', () => {
    const picked = withRoute(fresh, 'yanan-two-day', 2)
    expect(withStartsOn(picked, '2026-06-10', 2, false)).toMatchObject({
      startsOn: '2026-06-10',
      endsOn: '2026-06-11',
    })
    const byHand = { ...picked, endsOn: '2026-05-05' }
    expect(withStartsOn(byHand, '2026-05-03', 2, true)).toMatchObject({
      startsOn: '2026-05-03',
      endsOn: '2026-05-05',
    })
    expect(withStartsOn(fresh, '2026-05-03', null, false)).toMatchObject({ endsOn: '2026-05-01' })
  })

  it('says when the class ends before the route’s last day, or after it', () => {
    const picked = withRoute(fresh, 'yanan-two-day', 2)
    expect(routeDates({ ...picked, endsOn: '2026-05-01' }, 2)).toEqual({
      fit: 'ends-before-route',
      routeEndsOn: '2026-05-02',
    })
    expect(routeDates({ ...picked, endsOn: '2026-05-04' }, 2)?.fit).toBe('ends-after-route')
    expect(routeDates(picked, null)).toBeNull()
  })
})

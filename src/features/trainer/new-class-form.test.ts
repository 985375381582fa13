import { describe, expect, it } from 'vitest'
import { checkDraft, chinaToday, fieldOfServerPath, requestOf } from './new-class-form.ts'

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

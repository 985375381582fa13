import { describe, expect, it } from 'vitest'
import type { Person } from './api.ts'
import { addOutcome, changeOf, checkClassEdit, findTrainees } from './class-manage.ts'

const cls = { name: '六月延安班', startsOn: '2026-06-01', endsOn: '2026-06-02' }

describe('the class name-and-dates form', () => {
  it('accepts the class as it is, and a name the server would trim', () => {
    expect(checkClassEdit(cls)).toEqual({})
    expect(checkClassEdit({ ...cls, name: '  新名  ' })).toEqual({})
  })

  it('names each field that is wrong, and why', () => {
    expect(checkClassEdit({ name: ' ', startsOn: '', endsOn: '2026-02-30' })).toEqual({
      name: 'required',
      startsOn: 'required',
      endsOn: 'not-a-date',
    })
    expect(checkClassEdit({ ...cls, name: '班'.repeat(81) }).name).toBe('name-too-long')
    expect(checkClassEdit({ ...cls, name: '班'.repeat(80) }).name).toBeUndefined()
  })

  it('refuses an end before the start, and a class of two years or more (a mistyped year)', () => {
    expect(checkClassEdit({ ...cls, endsOn: '2026-05-31' })).toEqual({ endsOn: 'ends-before-starts' })
    expect(checkClassEdit({ ...cls, endsOn: '2026-06-01' })).toEqual({})
    expect(checkClassEdit({ ...cls, endsOn: '2028-05-31' })).toEqual({})
    expect(checkClassEdit({ ...cls, endsOn: '2028-06-01' })).toEqual({ endsOn: 'too-long' })
  })

  it('sends only what changed, the name as the server stores it, and nothing when nothing did', () => {
    expect(changeOf(cls, cls)).toBeNull()
    expect(changeOf({ ...cls, name: ' 六月延安班 ' }, cls)).toBeNull()
    // NFC, as the server: full-width letters and brackets stay as typed.
    expect(changeOf({ ...cls, name: 'ＡＢ 班 ' }, cls)).toEqual({ name: 'ＡＢ 班' })
    expect(changeOf({ ...cls, endsOn: '2026-06-03' }, cls)).toEqual({ endsOn: '2026-06-03' })
  })

  it('changing only the dates of a class named with full-width brackets sends only the dates', () => {
    // It sent the name as "延安班(第一期)" too, and the class was renamed.
    const named = { ...cls, name: '延安班（第一期）' }
    expect(changeOf({ ...named, endsOn: '2026-06-03' }, named)).toEqual({ endsOn: '2026-06-03' })
  })
})

describe('what adding people did', () => {
  it('counts the added and those already in the class, once each', () => {
    expect(addOutcome(['a', 'b'], ['b', 'c', 'c', 'd'], ['a', 'b', 'c', 'd'])).toEqual({
      added: 2,
      already: 1,
      missing: 0,
    })
    expect(addOutcome([], ['x'], [])).toEqual({ added: 0, already: 0, missing: 1 })
  })
})

describe('finding a trainee in the roster', () => {
  const person = (id: string, displayName: string, memberNumber: string | null, branchName: string | null) =>
    ({ id, displayName, memberNumber, branchId: null, branchName }) satisfies Person
  const roster = [
    person('1', '李红梅', 'YA-2024-0001', '一支部'),
    person('2', '王建国', 'ya-2024-0002', '二支部'),
    person('3', '赵三', null, null),
  ]

  it('matches name, member number (any case, full-width too) or branch', () => {
    expect(findTrainees(roster, '红梅', 10).shown.map((p) => p.id)).toEqual(['1'])
    expect(findTrainees(roster, 'ＹＡ-2024', 10).shown.map((p) => p.id)).toEqual(['1', '2'])
    expect(findTrainees(roster, '二支部', 10).shown.map((p) => p.id)).toEqual(['2'])
  })

  it('lists everyone for an empty query, up to the limit, and says how many more', () => {
    expect(findTrainees(roster, ' ', 2)).toEqual({ shown: roster.slice(0, 2), more: 1 })
  })
})

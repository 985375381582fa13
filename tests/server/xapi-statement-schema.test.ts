/**
 * Why: the archive tests trust this schema to say whether an exported statement is valid xAPI
 * 1.0.3. A validator that accepts everything would make them pass for nothing, so each rule it
 * encodes is shown here to reject the statement that breaks it.
 */
import { describe, expect, it } from 'vitest'
import { StatementSchema } from './xapi-statement-schema.ts'

const valid = {
  id: '0190a0a0-1234-7abc-8def-0123456789ab',
  version: '1.0.3',
  actor: {
    objectType: 'Agent',
    name: '李红梅',
    account: { homePage: 'https://hongtu.example.cn', name: 'u1' },
  },
  verb: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'zh-CN': '通过', 'en-US': 'passed' } },
  object: {
    objectType: 'Activity',
    id: 'https://hongtu.example.cn/xapi/activities/lessons/zaoyuan-lesson/quiz',
    definition: { name: { 'zh-CN': '测验' }, type: 'http://adlnet.gov/expapi/activities/assessment' },
  },
  result: { score: { scaled: 0.8, raw: 4, min: 0, max: 5 }, success: true, completion: true },
  context: {
    registration: 'c5fafa7e-93f5-5b9d-b44a-1b5fccc5f389',
    contextActivities: {
      grouping: [{ objectType: 'Activity', id: 'https://hongtu.example.cn/xapi/activities/classes/c' }],
    },
    platform: '红途 Hongtu',
    language: 'zh-CN',
    extensions: { 'https://hongtu.example.cn/xapi/extensions/flags': ['clock-skew'] },
  },
  timestamp: '2026-06-01T01:30:00.000Z',
}

type Mutation = [string, (s: typeof valid) => unknown]
const broken: Mutation[] = [
  ['no id', ({ id: _id, ...s }) => s],
  ['an id that is not a UUID', (s) => ({ ...s, id: 'abc' })],
  ['a UUID of the wrong variant', (s) => ({ ...s, id: '0190a0a0-1234-7abc-cdef-0123456789ab' })],
  ['no actor', ({ actor: _a, ...s }) => s],
  ['an actor with no identifier', (s) => ({ ...s, actor: { objectType: 'Agent', name: 'x' } })],
  ['an actor with two identifiers', (s) => ({ ...s, actor: { ...s.actor, mbox: 'mailto:a@example.cn' } })],
  ['a relative verb IRI', (s) => ({ ...s, verb: { ...s.verb, id: '/verbs/passed' } })],
  [
    'a language map key that is not a tag',
    (s) => ({ ...s, verb: { ...s.verb, display: { chinese: '通过' } } }),
  ],
  ['an empty language map', (s) => ({ ...s, verb: { ...s.verb, display: {} } })],
  ['a relative activity id', (s) => ({ ...s, object: { ...s.object, id: 'lessons/x' } })],
  ['scaled above 1', (s) => ({ ...s, result: { ...s.result, score: { scaled: 1.2 } } })],
  ['scaled below -1', (s) => ({ ...s, result: { ...s.result, score: { scaled: -1.5 } } })],
  ['raw above max', (s) => ({ ...s, result: { ...s.result, score: { raw: 6, min: 0, max: 5 } } })],
  ['raw below min', (s) => ({ ...s, result: { ...s.result, score: { raw: -1, min: 0, max: 5 } } })],
  ['min not below max', (s) => ({ ...s, result: { ...s.result, score: { min: 5, max: 5 } } })],
  ['a timestamp that is not ISO 8601', (s) => ({ ...s, timestamp: '2026/06/01 09:30' })],
  ['a timestamp without a zone', (s) => ({ ...s, timestamp: '2026-06-01T09:30:00' })],
  [
    'an extension key that is not an IRI',
    (s) => ({ ...s, context: { ...s.context, extensions: { flags: [] } } }),
  ],
  [
    'a registration that is not a UUID',
    (s) => ({ ...s, context: { ...s.context, registration: 'class-1' } }),
  ],
  ['an unknown statement property', (s) => ({ ...s, note: 'x' })],
  ['an unknown result property', (s) => ({ ...s, result: { ...s.result, grade: 'A' } })],
  ['a version other than 1.0.x', (s) => ({ ...s, version: '2.0.0' })],
]

describe('the xAPI 1.0.3 statement schema', () => {
  it('accepts a valid statement', () => {
    expect(StatementSchema.safeParse(valid).error).toBeUndefined()
  })

  it.each(broken)('rejects %s', (_name, mutate) => {
    expect(StatementSchema.safeParse(mutate(structuredClone(valid))).success).toBe(false)
  })
})

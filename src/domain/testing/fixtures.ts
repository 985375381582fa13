import { QuizSchema } from '../content/schema.ts'
import type { AnyRecord } from '../records/record.ts'
import { uuidv7 } from '../records/uuidv7.ts'

/**
 * Test fixtures shared by the domain's tests and the features' tests: a small quiz with every
 * question kind (pass mark 60 %, 3 attempts) and a record maker. Test code only.
 */

export const quiz = QuizSchema.parse({
  passMark: 0.6,
  maxAttempts: 3,
  questions: [
    {
      id: 'q1',
      kind: 'single',
      prompt: { zh: '一' },
      choices: [
        { id: 'a', text: { zh: '甲' } },
        { id: 'b', text: { zh: '乙' } },
      ],
      answer: 'a',
      explanation: { zh: '甲' },
    },
    {
      id: 'q2',
      kind: 'multiple',
      prompt: { zh: '二' },
      choices: [
        { id: 'a', text: { zh: '甲' } },
        { id: 'b', text: { zh: '乙' } },
        { id: 'c', text: { zh: '丙' } },
      ],
      answer: ['a', 'c'],
      explanation: { zh: '甲丙' },
    },
    { id: 'q3', kind: 'truefalse', prompt: { zh: '三' }, answer: false, explanation: { zh: '错' } },
    { id: 'q4', kind: 'truefalse', prompt: { zh: '四' }, answer: true, explanation: { zh: '对' } },
    { id: 'q5', kind: 'truefalse', prompt: { zh: '五' }, answer: true, explanation: { zh: '对' } },
  ],
})

export const [single, multiple, truefalse] = quiz.questions as [
  (typeof quiz.questions)[number],
  (typeof quiz.questions)[number],
  (typeof quiz.questions)[number],
]

let seq = 0

/** A record of member m1 at `at`, numbered in creation order (device `deviceId`, default d1). */
export function record<K extends AnyRecord['kind']>(
  kind: K,
  payload: Extract<AnyRecord, { kind: K }>['payload'],
  at = '2026-05-01T09:00:00.000Z',
  deviceId = 'd1',
): AnyRecord {
  seq += 1
  return {
    id: uuidv7(),
    kind,
    v: 1,
    memberId: 'm1',
    deviceId,
    seq,
    occurredAt: at,
    clockOffsetMs: null,
    classId: null,
    contentVersion: 'c',
    payload,
  } as AnyRecord
}

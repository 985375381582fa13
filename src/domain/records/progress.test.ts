import { describe, expect, it } from 'vitest'
import { record } from '../testing/fixtures.ts'
import { projectProgress } from './progress.ts'

const phone = [
  record('checkin', { siteId: 'zaoyuan', method: 'gps', verdict: 'inside' }, '2026-05-01T09:00:00Z'),
  record(
    'quiz.submitted',
    { lessonId: 'l1', attempt: 1, mode: 'onsite', answers: {}, correct: 2, total: 5, passed: false },
    '2026-05-01T09:30:00Z',
  ),
  record('reflection', { lessonId: 'l1', text: '收获很大' }, '2026-05-01T09:40:00Z'),
]
const tablet = [
  record('checkin', { siteId: 'zaoyuan', method: 'qr', verdict: 'qr-valid' }, '2026-05-01T08:55:00Z', 'd2'),
  record(
    'quiz.submitted',
    { lessonId: 'l1', attempt: 1, mode: 'onsite', answers: {}, correct: 4, total: 5, passed: true },
    '2026-05-01T09:35:00Z',
    'd2',
  ),
  record(
    'lesson.completed',
    { lessonId: 'l1', siteId: 'zaoyuan', mode: 'onsite', score: 0.8 },
    '2026-05-01T09:36:00Z',
    'd2',
  ),
]

describe('projectProgress', () => {
  it('keeps the trainer confirming presence at a site apart from check-ins, earliest first', () => {
    const confirm = (siteId: string | undefined, at: string, device = 'd1') =>
      record(
        'attestation',
        {
          classId: 'c1',
          token: 'x'.repeat(20),
          kid: 'k1',
          step: 1,
          method: 'scan',
          ...(siteId ? { siteId } : { lessonId: 'l1' }),
        },
        at,
        device,
      )
    const p = projectProgress([
      confirm('yangjialing', '2026-05-01T10:05:00Z'),
      confirm('yangjialing', '2026-05-01T10:00:00Z', 'd2'),
      confirm(undefined, '2026-05-01T10:10:00Z'),
    ])
    expect(p.stamps.size).toBe(0)
    expect([...p.attended.keys()]).toEqual(['yangjialing'])
    expect(p.attended.get('yangjialing')?.at).toBe('2026-05-01T10:00:00Z')
  })

  it('merges two devices: earliest stamp, union of attempts, best score', () => {
    const p = projectProgress([...phone, ...tablet])
    expect(p.stamps.get('zaoyuan')).toMatchObject({ method: 'qr', at: '2026-05-01T08:55:00Z' })
    expect(p.lessons.get('l1')).toMatchObject({
      completed: true,
      attempts: 2,
      bestScore: 0.8,
      passedAttempt: true,
      reflections: 1,
      modes: ['onsite'],
    })
  })

  it('gives the same result in any order and with duplicates', () => {
    const all = [...phone, ...tablet]
    const reference = projectProgress(all)
    for (let i = 0; i < 20; i++) {
      const shuffled = [...all, ...all.slice(0, 3)].sort(() => Math.random() - 0.5)
      expect(projectProgress(shuffled)).toEqual(reference)
    }
  })

  it('does not count a pre-test: no attempt, no best score, no pass, not even a lesson entry', () => {
    const pre = record(
      'quiz.submitted',
      {
        lessonId: 'l2',
        attempt: 1,
        mode: 'remote',
        answers: {},
        correct: 4,
        total: 4,
        passed: false,
        phase: 'pre',
      },
      '2026-05-01T10:00:00Z',
    )
    expect(projectProgress([pre]).lessons.has('l2')).toBe(false)
    const post = record(
      'quiz.submitted',
      { lessonId: 'l2', attempt: 1, mode: 'remote', answers: {}, correct: 2, total: 5, passed: false },
      '2026-05-01T10:30:00Z',
    )
    expect(projectProgress([pre, post]).lessons.get('l2')).toMatchObject({
      attempts: 1,
      bestScore: 0.4,
      passedAttempt: false,
    })
  })

  it('counts a quiz record that says phase post like one without a phase', () => {
    const explicit = record(
      'quiz.submitted',
      {
        lessonId: 'l3',
        attempt: 1,
        mode: 'onsite',
        answers: {},
        correct: 3,
        total: 5,
        passed: true,
        phase: 'post',
      },
      '2026-05-01T11:00:00Z',
    )
    expect(projectProgress([explicit]).lessons.get('l3')).toMatchObject({
      attempts: 1,
      bestScore: 0.6,
      passedAttempt: true,
    })
  })
})

import { describe, expect, it } from 'vitest'
import {
  answeredCount,
  parseQuizDraft,
  parseReflectionDraft,
  REFLECTION_MAX_LENGTH,
  sanitizeAnswers,
} from './drafts.ts'
import { quiz } from './test-fixtures.ts'

describe('sanitizeAnswers', () => {
  it('keeps answers that fit the quiz', () => {
    const answers = { q1: ['b'], q2: ['a', 'c'], q3: false }
    expect(sanitizeAnswers(quiz, answers)).toEqual(answers)
  })

  it('drops answers to questions and choices the quiz no longer has', () => {
    // A draft saved before a content update that removed question q9 and choice d.
    expect(sanitizeAnswers(quiz, { q9: ['a'], q1: ['d'], q2: ['a', 'd'] })).toEqual({ q2: ['a'] })
  })

  it('drops answers of the wrong shape for their question', () => {
    expect(sanitizeAnswers(quiz, { q1: true, q3: ['a'], q4: 'true', q2: 'a' })).toEqual({})
  })

  it('keeps one choice for a single-choice question and no duplicates for multiple choice', () => {
    expect(sanitizeAnswers(quiz, { q1: ['a', 'b'], q2: ['c', 'c'] })).toEqual({ q1: ['a'], q2: ['c'] })
  })

  it('reads anything that is not an object as no answers', () => {
    for (const raw of [null, undefined, 'x', 3]) expect(sanitizeAnswers(quiz, raw)).toEqual({})
  })
})

describe('parseQuizDraft', () => {
  it('restores a draft with its mode and answers', () => {
    const draft = parseQuizDraft(quiz, { v: 1, mode: 'remote', answers: { q1: ['a'], q3: true } })
    expect(draft).toEqual({ v: 1, mode: 'remote', answers: { q1: ['a'], q3: true } })
  })

  it('treats a draft with nothing left to restore, or of an unknown version, as no draft', () => {
    expect(parseQuizDraft(quiz, { v: 1, mode: 'onsite', answers: { q9: ['a'] } })).toBeNull()
    expect(parseQuizDraft(quiz, { v: 2, mode: 'onsite', answers: { q1: ['a'] } })).toBeNull()
    expect(parseQuizDraft(quiz, { v: 1, mode: 'vr', answers: { q1: ['a'] } })).toBeNull()
    expect(parseQuizDraft(quiz, undefined)).toBeNull()
  })
})

describe('parseReflectionDraft', () => {
  it('restores the text as typed, spaces and line breaks included', () => {
    expect(parseReflectionDraft({ v: 1, mode: 'onsite', text: ' 收获\n很大 ' })?.text).toBe(' 收获\n很大 ')
  })

  it('treats blank text as no draft and cuts text past the record limit', () => {
    expect(parseReflectionDraft({ v: 1, mode: 'onsite', text: '  \n ' })).toBeNull()
    const long = parseReflectionDraft({ v: 1, mode: 'onsite', text: '字'.repeat(REFLECTION_MAX_LENGTH + 5) })
    expect(long?.text.length).toBe(REFLECTION_MAX_LENGTH)
  })
})

describe('answeredCount', () => {
  it('counts a false answer as answered and an empty choice list as not', () => {
    expect(answeredCount(quiz, { q1: [], q3: false, q4: true })).toBe(2)
  })
})

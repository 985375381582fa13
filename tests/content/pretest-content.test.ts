import { describe, expect, it } from 'vitest'
import { describeIssues, loadContent } from '../../build/content-loader.ts'
import { validContentFiles, writeContentTree } from './fixture-content.ts'

/**
 * A lesson's pre-test (课前测) names questions of its own quiz. Each case writes one pre-test
 * line into an otherwise valid content tree and checks what the author is told: file, field
 * path, value and rule, and no pack.
 */

const LESSON = 'routes-data/lessons/zaoyuan-lesson.yaml'

/** The fixture lesson with a `pretest:` line after its key facts (top level, before the quiz). */
function loadWithPretest(line: string) {
  const files = validContentFiles()
  const before = files[LESSON] ?? ''
  const after = before.replace('quiz:\n', `${line}\nquiz:\n`)
  if (after === before) throw new Error('fixture edit did not apply')
  files[LESSON] = after
  return loadContent(writeContentTree(files))
}

function messagesFor(line: string): string {
  const result = loadWithPretest(line)
  expect(result.pack).toBeUndefined()
  return describeIssues(result.issues)
}

describe('lesson pre-test', () => {
  it('accepts three questions of the quiz and keeps them in the pack in the order written', () => {
    const result = loadWithPretest('pretest: [q4, q1, q2]')
    expect(describeIssues(result.issues)).toBe('')
    expect(result.pack?.lessons.find((l) => l.id === 'zaoyuan-lesson')?.pretest).toEqual(['q4', 'q1', 'q2'])
    expect(result.pack?.lessons.find((l) => l.id === 'yangjialing-lesson')?.pretest).toBeUndefined()
  })

  it('reports a question id the quiz does not have', () => {
    expect(messagesFor('pretest: [q1, q2, q9]')).toContain(
      `${LESSON}: pretest[2]: "q9" names no question of this lesson's quiz (questions: q1, q2, q3, q4, q5)`,
    )
  })

  it('reports fewer than three questions', () => {
    expect(messagesFor('pretest: [q1, q2]')).toContain(
      `${LESSON}: pretest: ["q1","q2"] needs at least 3 questions (fewer say little about a change)`,
    )
  })

  it('reports a question named twice', () => {
    expect(messagesFor('pretest: [q1, q2, q1]')).toContain(
      `${LESSON}: pretest[2]: "q1" names a question twice`,
    )
  })

  it('reports a malformed id with its path', () => {
    expect(messagesFor('pretest: [q1, q2, Q_3]')).toContain(
      `${LESSON}: pretest[2]: "Q_3" is not a question id (a-z, 0-9, -)`,
    )
  })
})

import { describe, expect, it } from 'vitest'
import { QuizSchema } from '../content/schema.ts'
import { positionalReferences } from './positional-wording.ts'

/** A quiz whose second question (multiple choice) explains itself with `zh` and `en`. */
function quizExplaining(zh: string, en?: string, kind: 'multiple' | 'truefalse' = 'multiple') {
  const filler = (id: string) => ({
    id,
    kind: 'truefalse',
    prompt: { zh: id },
    explanation: { zh: '。' },
    answer: true,
  })
  const explanation = en === undefined ? { zh } : { zh, en }
  const second =
    kind === 'truefalse'
      ? { ...filler('q2'), explanation }
      : {
          id: 'q2',
          kind,
          prompt: { zh: '下列哪些语句出自《为人民服务》？' },
          explanation,
          choices: ['甲', '乙', '丙', '丁'].map((t, i) => ({ id: `c${i}`, text: { zh: t } })),
          answer: ['c0', 'c1'],
        }
  return QuizSchema.parse({
    passMark: 0.6,
    maxAttempts: 3,
    questions: [filler('q1'), second, filler('q3'), filler('q4'), filler('q5')],
  })
}

const phrases = (zh: string, en?: string) => positionalReferences(quizExplaining(zh, en)).map((r) => r.phrase)

describe('positionalReferences', () => {
  it('finds the Chinese ways of pointing at choices by place', () => {
    for (const [text, phrase] of [
      ['延安精神通常概括为前四个方面。', '前四个方面'],
      ['前三项共同造成了经济困难。', '前三项'],
      ['前三句都出自《为人民服务》。', '前三句'],
      ['以上都是正确的。', '以上'],
      ['正确答案是B。', '答案是B'],
      ['A和C都对。', 'A和C'],
      ['第四项与此无关。', '第四项'],
    ])
      expect(phrases(text as string), text).toContain(phrase)
  })

  it('finds the English ones, with the field path', () => {
    expect(
      positionalReferences(quizExplaining('甲和乙。', 'The first three all come from the speech.')),
    ).toEqual([{ path: 'questions[1].explanation.en', phrase: 'first three' }])
    expect(phrases('甲。', 'All of the above.')).toEqual(['of the above'])
    expect(phrases('甲。', 'Option B is wrong.')).toEqual(['Option B'])
  })

  it('lets words that do not point at choices pass', () => {
    for (const text of [
      '1986年被列为第一批全国重点烈士纪念建筑物保护单位。',
      '复电的最后一句是“延安精神”。',
      '八十岁以上的老人也来支前。',
      '“只要你说得对，我们就改正”出自《为人民服务》，其余两句不是。',
      '前三个月里部队三次转移。',
    ])
      expect(phrases(text), text).toEqual([])
    expect(phrases('甲。', 'It joined the first batch; the first three years were hard.')).toEqual([])
  })

  it('leaves true/false questions alone: they have no choices to shuffle', () => {
    expect(positionalReferences(quizExplaining('以上说法正确。', undefined, 'truefalse'))).toEqual([])
  })

  it('checks prompts and choices too', () => {
    const quiz = quizExplaining('甲和乙。')
    const q = quiz.questions[1]
    if (q?.kind !== 'multiple') throw new Error('fixture')
    const edited = QuizSchema.parse({
      ...quiz,
      questions: quiz.questions.map((x) =>
        x === q
          ? {
              ...q,
              prompt: { zh: '前两项哪个对？' },
              choices: [...q.choices.slice(0, 3), { id: 'c3', text: { zh: '以上都对' } }],
            }
          : x,
      ),
    })
    expect(positionalReferences(edited).map((r) => r.path)).toEqual([
      'questions[1].prompt.zh',
      'questions[1].choices[3].text.zh',
    ])
  })
})

import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { issueText } from './zod-issue.ts'

const schema = z.strictObject({ name: z.string(), inner: z.strictObject({ n: z.number() }) })
const firstIssue = (input: unknown) => {
  const r = schema.safeParse(input)
  if (r.success) throw new Error('expected a problem')
  return r.error.issues[0] as z.core.$ZodIssue
}

describe('issueText', () => {
  it('names a plain unknown key as the field, without quoting it in the message', () => {
    expect(issueText(firstIssue({ name: 'a', inner: { n: 1, extra: true } }))).toEqual({
      path: 'inner.extra',
      message: 'is not a known field here',
    })
  })

  it('never repeats a key that is not a plain name: markup, long text, control characters', () => {
    for (const key of ['<img src=x onerror=alert(1)>', 'k'.repeat(41), 'a\nb', '年龄']) {
      const text = issueText(firstIssue({ name: 'a', inner: { n: 1 }, [key]: 1 }))
      expect(text).toEqual({ path: '', message: 'has a field that is not known here' })
      expect(JSON.stringify(text)).not.toContain(key)
    }
  })

  it('keeps zod’s message and path for other problems, after a prefix', () => {
    expect(issueText(firstIssue({ name: 1, inner: { n: 1 } }), ['records', '0'])).toEqual({
      path: 'records.0.name',
      message: expect.stringContaining('expected string'),
    })
  })
})

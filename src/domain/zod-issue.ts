import type { z } from 'zod'

/** A validation problem as the API reports it: the field's dotted path and what is wrong. */
export interface IssueText {
  readonly path: string
  readonly message: string
}

/** A key we name back to the caller: a plain field name, never markup or a 10 kB string. */
const NAMEABLE_KEY = /^[A-Za-z_][A-Za-z0-9_-]{0,39}$/

/**
 * A zod issue for an API answer. Zod's text for an unknown key quotes every such key as sent,
 * so a caller could make our answer carry any text of theirs; here the first unknown key
 * becomes the field path when it is a plain name, and the message never repeats input.
 */
export function issueText(issue: z.core.$ZodIssue, prefix: readonly string[] = []): IssueText {
  const path = [...prefix, ...issue.path.map(String)]
  if (issue.code !== 'unrecognized_keys') return { path: path.join('.'), message: issue.message }
  const key = issue.keys[0]
  if (key !== undefined && NAMEABLE_KEY.test(key))
    return { path: [...path, key].join('.'), message: 'is not a known field here' }
  return { path: path.join('.'), message: 'has a field that is not known here' }
}

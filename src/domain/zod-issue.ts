import type { z } from 'zod'

/** A validation problem as the API reports it: the field's dotted path and what is wrong. */
export interface IssueText {
  readonly path: string
  readonly message: string
}

/** A key we name back to the caller: a plain field name, never markup or a 10 kB string. */
const NAMEABLE_KEY = /^[A-Za-z_][A-Za-z0-9_-]{0,39}$/

/** The error path for an unknown key found at `path`: the key itself when it is a plain name. */
export function unknownKeyPath(path: readonly string[], key: string): string {
  return (NAMEABLE_KEY.test(key) ? [...path, key] : path).join('.')
}

/**
 * A zod issue for an API answer. Zod's text for an unknown key quotes every such key as sent,
 * so a caller could make our answer carry any text of theirs; here the first unknown key
 * becomes the field path when it is a plain name, and the message never repeats input.
 */
export function issueText(issue: z.core.$ZodIssue, prefix: readonly string[] = []): IssueText {
  const path = [...prefix, ...issue.path.map(String)]
  if (issue.code !== 'unrecognized_keys') return { path: path.join('.'), message: issue.message }
  const key = issue.keys[0] ?? ''
  const named = unknownKeyPath(path, key)
  return {
    path: named,
    message: named === path.join('.') ? 'has a field that is not known here' : 'is not a known field here',
  }
}

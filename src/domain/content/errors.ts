import type { z } from 'zod'

/** One problem in one content file: where (file and field path), what (the value) and why (the rule). */
export interface ContentIssue {
  readonly file: string
  /** Field path such as `quiz.questions[2].answer`; empty for the whole file. */
  readonly path: string
  /** The offending value as found, or undefined when the field is missing. */
  readonly value: unknown
  readonly rule: string
  /** Errors fail the build; warnings fail it unless allowed; notices are information only. */
  readonly severity: 'error' | 'warning' | 'notice'
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out === '' ? String(key) : `.${String(key)}`
  }
  return out
}

/** Renders a value briefly: numbers and booleans as they are, strings quoted, long values cut. */
export function formatValue(value: unknown): string {
  if (value === undefined) return '(missing)'
  // JSON would say null for YAML's .inf and .nan.
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value)
  let text: string
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value))
  } catch {
    // Too deep or circular (YAML aliases can make both): only its shape can be shown.
    text = Array.isArray(value) ? '[…]' : typeof value === 'object' && value !== null ? '{…}' : String(value)
  }
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}

/** `routes-data/sites/zaoyuan.md: location.lat: 136.6 is not a latitude (-90..90)` */
export function formatContentIssue(issue: ContentIssue): string {
  const where = issue.path === '' ? issue.file : `${issue.file}: ${issue.path}`
  const prefix = issue.severity === 'error' ? '' : `${issue.severity}: `
  if (issue.value === undefined) return `${prefix}${where}: ${issue.rule}`
  return `${prefix}${where}: ${formatValue(issue.value)} ${issue.rule}`
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = root
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<PropertyKey, unknown>)[key as string]
  }
  return node
}

function ruleOf(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return 'is missing (required)'
      return `is not a ${issue.expected}`
    case 'too_small': {
      const min = String(issue.minimum)
      if (issue.origin === 'string') return `is shorter than ${min} characters`
      if (issue.origin === 'array') return `has fewer than ${min} items`
      return issue.inclusive === false ? `is not more than ${min}` : `is less than ${min}`
    }
    case 'too_big': {
      const max = String(issue.maximum)
      if (issue.origin === 'string') return `is longer than ${max} characters`
      if (issue.origin === 'array') return `has more than ${max} items`
      return issue.inclusive === false ? `is not less than ${max}` : `is more than ${max}`
    }
    case 'invalid_value':
      return `is not one of ${issue.values.map((v) => String(v)).join(', ')}`
    case 'unrecognized_keys':
      return `has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')} (a typo?)`
    case 'not_multiple_of':
      return `is not a multiple of ${String(issue.divisor)}`
    default:
      return issue.message
  }
}

/** Turns zod's issues for one file into content issues that carry the offending value. */
export function issuesFromZod(file: string, input: unknown, error: z.ZodError): ContentIssue[] {
  return error.issues.map((issue) => {
    const value = issue.code === 'unrecognized_keys' ? undefined : valueAt(input, issue.path)
    return {
      file,
      path: formatPath(issue.path),
      value,
      rule: ruleText(issue, value),
      severity: 'error' as const,
    }
  })
}

/** zod's stock messages ("Invalid input: …", "Too small: …") are replaced by ours; our own `error:` texts are kept. */
const ZOD_STOCK_MESSAGE = /^(Invalid|Too (small|big)|Unrecognized|Expected)/

function ruleText(issue: z.core.$ZodIssue, value: unknown): string {
  // A missing field that must have one certain value (alg: ES256) is missing, not "not ES256".
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && value === undefined)
    return 'is missing (required)'
  return issue.message && !ZOD_STOCK_MESSAGE.test(issue.message) ? issue.message : ruleOf(issue, value)
}

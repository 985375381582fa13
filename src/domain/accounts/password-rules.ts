/**
 * What a password must be, for the server that stores it and the form that asks for it: the
 * member hears "too short" before sending, not after. ASVS 5.0 6.2.1 asks ≥ 8 characters and
 * 6.2.9 that ≥ 64 be allowed; there is no rule on kinds of characters (6.2.5).
 */
export const PASSWORD_MIN = 10
export const PASSWORD_MAX = 128

export type NewPasswordProblem =
  | { readonly field: 'newPassword'; readonly kind: 'too-short' | 'too-long' | 'same-as-current' }
  | { readonly field: 'confirmPassword'; readonly kind: 'mismatch' }

/** The first thing wrong with a new password typed twice, or null. */
export function newPasswordProblem(current: string, next: string, again: string): NewPasswordProblem | null {
  if (next.length < PASSWORD_MIN) return { field: 'newPassword', kind: 'too-short' }
  if (next.length > PASSWORD_MAX) return { field: 'newPassword', kind: 'too-long' }
  if (next === current) return { field: 'newPassword', kind: 'same-as-current' }
  if (next !== again) return { field: 'confirmPassword', kind: 'mismatch' }
  return null
}

/**
 * What a quiz result may show of the answers. While a member has not passed and may still try
 * again, the result marks which questions were right and which wrong, but neither the right
 * answers nor the explanations (which name them): otherwise the next attempt is a copy of the
 * answer key, and its score, the one trainers see, measures nothing. The answers are shown once
 * the member has passed, in this attempt or an earlier one, or has no attempt left.
 *
 * With unlimited attempts (attemptsLeft is Infinity) the answers come only with a pass, as a
 * teacher would hold back the key from a class that may keep trying.
 */
export type ResultReview =
  | { readonly show: 'answers' }
  | {
      readonly show: 'marks'
      /** When the answers will be shown, so the member can be told. */
      readonly answersAfter: 'passing' | 'passing-or-last-attempt'
    }

/**
 * @param hasPassed whether any attempt at this lesson's quiz passed, this one included
 * @param attemptsLeft attempts still allowed after this one; Infinity when unlimited
 */
export function resultReview(hasPassed: boolean, attemptsLeft: number): ResultReview {
  if (hasPassed || attemptsLeft <= 0) return { show: 'answers' }
  return {
    show: 'marks',
    answersAfter: Number.isFinite(attemptsLeft) ? 'passing-or-last-attempt' : 'passing',
  }
}

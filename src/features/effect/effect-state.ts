import type { EffectOutcome, LearningEffectView } from './effect-api.ts'

/**
 * The screen's state as a named union (STYLE.md 8), apart from rendering: reading for the first
 * time, showing an answer (perhaps refreshing it, perhaps after a refresh that failed), or
 * unable to show anything. A failed refresh keeps the last answer on screen, saying why it is
 * not newer, rather than replacing it with an error.
 */
export type EffectFailure = Exclude<EffectOutcome, { kind: 'ok' }>

export type EffectState =
  | { readonly status: 'loading' }
  | {
      readonly status: 'ready'
      readonly value: LearningEffectView
      /** When the answer was read (ISO 8601, this device's clock). */
      readonly fetchedAt: string
      readonly refreshing: boolean
      /** Why the latest refresh did not replace the answer; null when it did. */
      readonly problem: EffectFailure | null
    }
  | { readonly status: 'failed'; readonly problem: EffectFailure; readonly retrying: boolean }

export type EffectAction =
  | { readonly type: 'refreshing' }
  | { readonly type: 'answered'; readonly outcome: EffectOutcome; readonly at: string }

export function effectReducer(state: EffectState, action: EffectAction): EffectState {
  switch (action.type) {
    case 'refreshing':
      if (state.status === 'ready') return { ...state, refreshing: true }
      if (state.status === 'failed') return { ...state, retrying: true }
      return state
    case 'answered': {
      const { outcome } = action
      if (outcome.kind === 'ok')
        return {
          status: 'ready',
          value: outcome.value,
          fetchedAt: action.at,
          refreshing: false,
          problem: null,
        }
      // Being told one may not see it (any more) removes what was shown; being offline does not.
      if (state.status === 'ready' && (outcome.kind === 'offline' || outcome.kind === 'error'))
        return { ...state, refreshing: false, problem: outcome }
      return { status: 'failed', problem: outcome, retrying: false }
    }
  }
}

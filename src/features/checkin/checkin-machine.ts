import { type Fix, type GeofenceSettings, type GeofenceVerdict, judgeFix } from '../../domain/geo/geofence.ts'
import type { GeolocationError } from '../../platform/geolocation.ts'

/**
 * The GPS check-in lifecycle as a named state union (STYLE.md §8), kept apart from rendering.
 * Fixes keep arriving while the screen is open, so a poor first fix can improve into "inside".
 * Saving is only offered from `inside`; a saved check-in is final for this screen. The write starts
 * at the tap; `saving` is the notice shown while a slow write runs, and a fast one goes straight
 * from `judged` to `saved`.
 *
 * Only a refused permission or a browser without geolocation ends the watch. "Unavailable" and
 * "timeout" are a signal lost for a moment (a valley, a building, a tunnel on the way in): the
 * browser keeps watching after them, so the screen keeps listening and says the signal is weak,
 * and the next fix is judged as usual.
 */
export type SignalTrouble = Extract<GeolocationError, 'unavailable' | 'timeout'>
export type FinalGeoError = Exclude<GeolocationError, SignalTrouble>

export type CheckinState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'locating'; readonly trouble?: SignalTrouble }
  | {
      readonly kind: 'judged'
      readonly fix: Fix
      readonly verdict: GeofenceVerdict
      /** The signal was lost after this fix: it is the last known position. */
      readonly trouble?: SignalTrouble
    }
  | { readonly kind: 'geo-error'; readonly error: FinalGeoError }
  | { readonly kind: 'saving'; readonly fix: Fix; readonly verdict: GeofenceVerdict & { kind: 'inside' } }
  | { readonly kind: 'saved'; readonly recordId: string }
  | {
      readonly kind: 'save-failed'
      readonly reason: 'storage-full' | 'other'
      readonly fix: Fix
      readonly verdict: GeofenceVerdict & { kind: 'inside' }
    }

export type CheckinEvent =
  | { readonly type: 'start' }
  | { readonly type: 'fix'; readonly fix: Fix }
  | { readonly type: 'geo-error'; readonly error: GeolocationError }
  | { readonly type: 'save' }
  | { readonly type: 'saved'; readonly recordId: string }
  | {
      readonly type: 'save-failed'
      readonly reason: 'storage-full' | 'other'
      /** The fix the member tapped to save, kept for a retry. */
      readonly fix: Fix
      readonly verdict: GeofenceVerdict & { kind: 'inside' }
    }
  | { readonly type: 'stop' }

export const initialCheckinState: CheckinState = { kind: 'idle' }

/** Whether the screen should be watching the position in this state. */
export const isWatching = (s: CheckinState): s is Extract<CheckinState, { kind: 'locating' | 'judged' }> =>
  s.kind === 'locating' || s.kind === 'judged'

export function checkinReducer(fence: GeofenceSettings) {
  return (state: CheckinState, event: CheckinEvent): CheckinState => {
    switch (event.type) {
      case 'start':
        return state.kind === 'saving' || state.kind === 'saved' ? state : { kind: 'locating' }
      case 'stop':
        return state.kind === 'saving' || state.kind === 'saved' ? state : { kind: 'idle' }
      case 'fix':
        // Late fixes must not disturb a save in progress or a saved check-in.
        if (!isWatching(state)) return state
        return { kind: 'judged', fix: event.fix, verdict: judgeFix(fence, event.fix) }
      case 'geo-error': {
        if (!isWatching(state)) return state
        const error = event.error
        if (error === 'denied' || error === 'unsupported') return { kind: 'geo-error', error }
        return { ...state, trouble: error }
      }
      case 'save':
        if ((state.kind === 'judged' || state.kind === 'save-failed') && state.verdict.kind === 'inside')
          return { kind: 'saving', fix: state.fix, verdict: state.verdict }
        return state
      // A save ends as the write did, whether or not its "saving" notice was shown yet (the
      // screen shows it only when the write is slow) and whatever fixes arrived meanwhile.
      case 'saved':
        return state.kind === 'saved' ? state : { kind: 'saved', recordId: event.recordId }
      case 'save-failed':
        return state.kind === 'saved'
          ? state
          : { kind: 'save-failed', reason: event.reason, fix: event.fix, verdict: event.verdict }
    }
  }
}

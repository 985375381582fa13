/**
 * What became of the service worker's registration (UpdatePrompt makes it on every screen),
 * kept for platform/app-offline.ts, which loads only with the screens that say whether the app
 * works offline: a few lines here on every screen instead of the whole watch.
 */
export type SwRegistrationOutcome =
  | {
      readonly kind: 'registered'
      readonly registration: ServiceWorkerRegistration
      readonly scriptUrl: string
    }
  | { readonly kind: 'failed'; readonly error: unknown }

let outcome: SwRegistrationOutcome | null = null
const listeners = new Set<(o: SwRegistrationOutcome) => void>()

export function noteSwRegistration(o: SwRegistrationOutcome): void {
  outcome = o
  for (const l of listeners) l(o)
}

/** Calls `listener` with the outcome now if known, and with any later one. */
export function onSwRegistration(listener: (o: SwRegistrationOutcome) => void): () => void {
  listeners.add(listener)
  if (outcome) listener(outcome)
  return () => listeners.delete(listener)
}

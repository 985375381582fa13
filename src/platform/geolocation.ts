import type { Fix } from '../domain/geo/geofence.ts'

/**
 * The geolocation port: the app asks for fixes through this, so tests and a scripted demo
 * can supply their own. The real adapter wraps navigator.geolocation (WGS84, accuracy in m).
 */
export type GeolocationError = 'denied' | 'unavailable' | 'timeout' | 'unsupported'

export interface GeolocationPort {
  /** Starts watching; returns the function that stops it. */
  watch(onFix: (fix: Fix & { at: number }) => void, onError: (e: GeolocationError) => void): () => void
}

export const browserGeolocation: GeolocationPort = {
  watch(onFix, onError) {
    if (!('geolocation' in navigator)) {
      onError('unsupported')
      return () => {}
    }
    const id = navigator.geolocation.watchPosition(
      (p) =>
        onFix({
          position: { lng: p.coords.longitude, lat: p.coords.latitude },
          accuracyM: p.coords.accuracy,
          at: p.timestamp,
        }),
      (e) =>
        onError(e.code === e.PERMISSION_DENIED ? 'denied' : e.code === e.TIMEOUT ? 'timeout' : 'unavailable'),
      { enableHighAccuracy: true, maximumAge: 10_000, timeout: 30_000 },
    )
    return () => navigator.geolocation.clearWatch(id)
  },
}

/**
 * A scripted adapter for tests and demos: delivers the given fixes (or errors) in order, one
 * per microtask. `drained` resolves after the last one.
 */
export function scriptedGeolocation(
  script: readonly (Fix | GeolocationError)[],
): GeolocationPort & { drained: Promise<void> } {
  let resolveDrained: () => void = () => {}
  const drained = new Promise<void>((r) => {
    resolveDrained = r
  })
  return {
    drained,
    watch(onFix, onError) {
      let stopped = false
      void (async () => {
        for (const step of script) {
          await Promise.resolve()
          if (stopped) break
          if (typeof step === 'string') onError(step)
          else onFix({ ...step, at: Date.now() })
        }
        resolveDrained()
      })()
      return () => {
        stopped = true
      }
    },
  }
}

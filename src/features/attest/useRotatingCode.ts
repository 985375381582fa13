import { useEffect, useState } from 'react'
import { attestClaims, signAttestToken } from '../../domain/attest/sign.ts'
import type { AttestPlace } from '../../domain/attest/token.ts'
import { attestStep, msUntilNextStep } from '../../domain/attest/window.ts'
import { serverNowMs } from '../../domain/sync/server-time.ts'

/**
 * The trainer's current code: a new token at every 30-second step (and when the place changes),
 * and the clock for the countdown, ticking on whole seconds. The token of a step is made once,
 * so the code on screen does not change within a step; while the next one is being signed (a
 * few milliseconds) the previous one stays.
 */
export function useRotatingCode(options: {
  readonly key: CryptoKey | null
  readonly kid: string | null
  readonly classId: string
  readonly trainerId: string | null
  /** `site:<id>` or `lesson:<id>` (places.ts), or null before one is chosen. */
  readonly place: string | null
  /**
   * serverTime − deviceTime from this device's last sync, when known: steps are counted in the
   * server's time, as members' phones count them (domain/sync/server-time.ts).
   */
  readonly clockOffsetMs?: number | null
}): { readonly token: string | null; readonly nowMs: number } {
  const { key, kid, classId, trainerId, place, clockOffsetMs } = options
  const [nowMs, setNowMs] = useState(() => serverNowMs(clockOffsetMs, Date.now()))
  const [signed, setSigned] = useState<{ token: string; place: string } | null>(null)

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>
    const tick = () => {
      const now = serverNowMs(clockOffsetMs, Date.now())
      setNowMs(now)
      // Wake just after the next whole second (and so just after the step boundary).
      timer = setTimeout(tick, Math.min(1000 - (now % 1000), msUntilNextStep(now)) + 5)
    }
    tick()
    return () => clearTimeout(timer)
  }, [clockOffsetMs])

  const step = attestStep(nowMs)
  useEffect(() => {
    const at = placeOf(place)
    if (!key || !kid || !trainerId || !at || !place) return
    let live = true
    // The step is taken from the clock again at signing; `step` only says when to sign anew.
    void step
    const claims = attestClaims({
      kid,
      classId,
      at,
      trainerId,
      nowMs: serverNowMs(clockOffsetMs, Date.now()),
    })
    void signAttestToken(claims, key).then((token) => live && setSigned({ token, place }))
    return () => {
      live = false
    }
  }, [key, kid, classId, trainerId, place, step, clockOffsetMs])

  return { token: signed && signed.place === place && key ? signed.token : null, nowMs }
}

function placeOf(value: string | null): AttestPlace | null {
  const [kind, id] = value?.split(':') ?? []
  if (!id) return null
  return kind === 'site' ? { site: id } : kind === 'lesson' ? { lesson: id } : null
}

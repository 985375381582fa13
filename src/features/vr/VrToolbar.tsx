import { useStore } from 'zustand'
import type { SceneStore } from '../../xr/scene-store.ts'
import type { XrSupport } from '../../xr/support.ts'
import { useVrStrings } from './strings.ts'
import { useScreenInput } from './useScreenInput.ts'

/**
 * Enter VR (only where an immersive session is supported), posture (standing or seated: a seated
 * member's view is lifted to a standing eye height), on phones looking by gyroscope, and without a
 * headset a hint in the words of this device's input: touch or mouse and keys.
 */
export function VrToolbar({
  store,
  support,
  stageReady,
  inVr,
  onEnterVr,
  onExitVr,
  gyro,
  onGyro,
  walkable,
}: {
  store: SceneStore
  support: XrSupport
  stageReady: boolean
  inVr: boolean
  onEnterVr: () => void
  onExitVr: () => void
  gyro: boolean
  onGyro: (on: boolean) => void
  /** False in a panorama: the viewpoint is fixed, the keys only turn (ScreenControls.tsx). */
  walkable: boolean
}) {
  const t = useVrStrings()
  const posture = useStore(store, (s) => s.posture)
  const { setPosture } = useStore(store, (s) => s.actions)
  const input = useScreenInput()
  const canGyro =
    typeof window !== 'undefined' && 'DeviceOrientationEvent' in window && navigator.maxTouchPoints > 0
  return (
    <div className="vr-toolbar">
      {support === 'immersive-vr' &&
        (inVr ? (
          <button type="button" onClick={onExitVr}>
            {t.exitVr}
          </button>
        ) : (
          <button type="button" className="primary" onClick={onEnterVr} disabled={!stageReady}>
            {t.enterVr}
          </button>
        ))}
      {inVr && <span className="meta">{t.inVr}</span>}
      <fieldset>
        <legend>{t.posture}</legend>
        <button type="button" aria-pressed={posture === 'standing'} onClick={() => setPosture('standing')}>
          {t.standing}
        </button>
        <button type="button" aria-pressed={posture === 'seated'} onClick={() => setPosture('seated')}>
          {t.seated}
        </button>
      </fieldset>
      {canGyro && !inVr && (
        <button type="button" aria-pressed={gyro} onClick={() => onGyro(!gyro)}>
          {t.gyro}
        </button>
      )}
      {support === 'none' && (
        <p className="hint">
          {input === 'touch' ? t.noHeadsetTouch : walkable ? t.noHeadset : t.noHeadsetFixedView}
          {input === 'touch' && canGyro && t.gyroHint(t.gyro)}
        </p>
      )}
    </div>
  )
}

import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { SceneEntry } from '../../../scenes/registry.ts'
import { Localized, useLocalizedString } from '../../i18n/i18n.tsx'
import { ErrorBoundary } from '../../ui/ErrorBoundary.tsx'
import { createLocalCommandSource, type SceneCommandSource } from '../../xr/commands.ts'
import { STAGE_FOV_DEG } from '../../xr/panorama/stage-view.ts'
import { useXrSupport } from '../../xr/support.ts'
import { registerTestApi } from '../../xr/test-api.ts'
import { useContent } from '../shell/content-context.tsx'
import { useRecords } from '../shell/records-context.tsx'
import { Link, navigate, paths } from '../shell/router.tsx'
import { useScreenTitle } from '../shell/useScreenTitle.ts'
import { HotspotList } from './HotspotList.tsx'
import { PanoramaPreview } from './PanoramaPreview.tsx'
import { SceneActions } from './SceneActions.tsx'
import { SessionStatus } from './SessionStatus.tsx'
import { useVrStrings } from './strings.ts'
import { useSceneSession } from './useSceneSession.ts'
import { VrToolbar } from './VrToolbar.tsx'
import './vr.css'

// three, r3f and the XR runtime load only here, and for a panorama only after its first frame.
const loadXrStage = () => import('../../xr/XrStage.tsx').then((m) => ({ default: m.XrStage }))

async function withXrStore() {
  return (await import('../../xr/xr-store.ts')).xrStore
}

/**
 * One VR scene (/vr/<sceneId>): the canvas, and outside it the toolbar, the hotspot list, the
 * quiz and oath controls and the session's status. Guided-mode commands arrive through
 * `commands` (the live channel, later); without one, a local source the test API can feed.
 */
export default function VrScreen({
  entry,
  commands,
  leftVrForSceneChange = false,
}: {
  entry: SceneEntry
  commands?: SceneCommandSource
  /** The visitor was in VR in the scene before this one (VrSceneRoute ended that session). */
  leftVrForSceneChange?: boolean
}) {
  const t = useVrStrings()
  const scene = entry.data
  const title = useLocalizedString()(scene.title)
  useScreenTitle(title)
  const stageRef = useRef<HTMLElement>(null)
  const content = useContent()
  const { state: recordsState } = useRecords()
  const lesson = scene.lesson ? content.lesson(scene.lesson) : undefined
  const source = useMemo(() => commands ?? createLocalCommandSource(), [commands])
  useEffect(() => {
    if ('dispatch' in source)
      return registerTestApi('dispatch', (source as ReturnType<typeof createLocalCommandSource>).dispatch)
  }, [source])

  const [inVr, setInVr] = useState(false)
  // Once VR was entered in this scene, the scene-change notice has done its work.
  const [enteredHere, setEnteredHere] = useState(false)
  if (inVr && !enteredHere) setEnteredHere(true)
  const exitVr = useCallback(() => void withXrStore().then((s) => s.getState().session?.end()), [])
  const store = useSceneSession(scene, lesson, source, {
    onGoToScene: (id) => navigate(paths.vrScene(id)),
  })
  const support = useXrSupport()
  const [gyro, setGyro] = useState(false)
  const [stageReady, setStageReady] = useState(false)
  const [loadStage, setLoadStage] = useState(scene.kind !== 'panorama')
  // The stage could not be drawn (a file not stored and no network, no WebGL): said, with a
  // retry that mounts it afresh; the text below the stage works without it.
  const [stageFailed, setStageFailed] = useState(false)
  const [stageAttempt, setStageAttempt] = useState(0)
  // Made afresh for each attempt: a lazy component keeps a failed import (its file could not be
  // fetched offline) and would fail the same way on 重试 for ever.
  // biome-ignore lint/correctness/useExhaustiveDependencies: each attempt needs a new lazy component
  const XrStage = useMemo(() => lazy(loadXrStage), [stageAttempt])
  // biome-ignore lint/correctness/useExhaustiveDependencies: each attempt needs a new lazy component
  const SceneObjects = useMemo(() => lazy(entry.load), [entry, stageAttempt])

  useEffect(() => {
    if (!stageReady) return
    let unsubscribe = () => {}
    void withXrStore().then((s) => {
      unsubscribe = s.subscribe((state) => setInVr(state.session != null))
    })
    return () => unsubscribe()
  }, [stageReady])

  // Leaving the screen any other way (a link, the trainer's gather) ends the session too: left
  // open, it would stay bound to this screen's canvas, which is about to go.
  // (Only once the stage has loaded: before, there is no session, and no XR code to load.)
  const stageLoaded = useRef(false)
  stageLoaded.current = loadStage
  useEffect(
    () => () => {
      if (stageLoaded.current) exitVr()
    },
    [exitVr],
  )

  const enterVr = () => void withXrStore().then((s) => s.enterVR())
  const toggleGyro = async (on: boolean) => {
    const request = (DeviceOrientationEvent as unknown as { requestPermission?: () => Promise<string> })
      .requestPermission
    if (on && request && (await request()) !== 'granted') return
    setGyro(on)
  }

  return (
    <article className="vr-screen">
      <p>
        <Link to={paths.vr()} className="back-link">
          {t.backToList}
        </Link>
      </p>
      <h1>
        <Localized text={scene.title} />
      </h1>
      <p className="lead">
        <Localized text={scene.summary} />
      </p>
      {recordsState.status === 'error' && <p className="status status-error">{t.recordsUnavailable}</p>}
      {/* Focusable, and named, so the keyboard can reach the stage: its walk and turn keys work
          only while it (or nothing) has focus (src/xr/stage-keys.ts). A click on it focuses it too. */}
      <section
        ref={stageRef}
        className="vr-stage"
        data-testid="vr-stage"
        data-ready={stageReady ? 'true' : 'false'}
        aria-label={t.stageLabel(title)}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the stage takes keys (walk, turn) when focused
        tabIndex={0}
      >
        {scene.kind === 'panorama' && !stageReady && (
          <PanoramaPreview
            src={`/${scene.panorama.src}`}
            yawDeg={scene.spawn.yawDeg}
            fovDeg={STAGE_FOV_DEG}
            onPainted={() => setLoadStage(true)}
          />
        )}
        {!stageReady && !stageFailed && (
          <p className="vr-loading" role="status">
            {t.loadingScene}
          </p>
        )}
        {stageFailed && (
          <div className="vr-failed" role="alert">
            <p>{t.stageFailed}</p>
            <button
              type="button"
              onClick={() => {
                setStageFailed(false)
                setStageAttempt((n) => n + 1)
              }}
            >
              {t.stageRetry}
            </button>
          </div>
        )}
        {loadStage && !stageFailed && (
          <ErrorBoundary key={stageAttempt} fallback={null} onError={() => setStageFailed(true)}>
            <Suspense fallback={null}>
              <XrStage store={store} gyro={gyro} stage={stageRef} onFirstFrame={() => setStageReady(true)}>
                <SceneObjects />
              </XrStage>
            </Suspense>
          </ErrorBoundary>
        )}
      </section>
      {scene.kind === 'panorama' && scene.panorama.generated && (
        <p className="vr-badge">{t.generatedBadge}</p>
      )}
      {leftVrForSceneChange && !enteredHere && (
        <p className="status" role="status">
          {t.reenterAfterSceneChange}
        </p>
      )}
      <VrToolbar
        store={store}
        support={support}
        stageReady={stageReady}
        inVr={inVr}
        onEnterVr={enterVr}
        onExitVr={exitVr}
        gyro={gyro}
        onGyro={(on) => void toggleGyro(on)}
        walkable={scene.kind === 'model'}
      />
      <SessionStatus store={store} />
      <SceneActions store={store} />
      <HotspotList store={store} />
      <p className="meta">
        {t.fidelity}
        <Localized text={scene.fidelityNote} />
      </p>
    </article>
  )
}

import { lazy, Suspense, useId } from 'react'
import { useStore } from 'zustand'
import type { SceneStore } from '../../xr/scene-store.ts'
import { Link, paths } from '../shell/router.tsx'
import { useVrStrings } from './strings.ts'

// Only the oath hall has a ceremony: the other scenes' screens do not download it (the VR budget).
const OathSection = lazy(() => import('./OathSection.tsx'))

/** The quiz and the oath from outside the canvas: the same store actions the 3D buttons use. */
export function SceneActions({ store }: { store: SceneStore }) {
  const t = useVrStrings()
  const scene = useStore(store, (s) => s.scene)
  const hasQuiz = useStore(store, (s) => s.quiz !== null)
  const actions = useStore(store, (s) => s.actions)
  const hintId = useId()
  return (
    <>
      {hasQuiz && (
        <div className="vr-actions">
          <button
            type="button"
            onClick={actions.openQuiz}
            aria-describedby={scene.lesson ? hintId : undefined}
          >
            {t.startQuiz}
          </button>{' '}
          {scene.lesson && <Link to={paths.lesson(scene.lesson)}>{t.quizInLesson}</Link>}
          {scene.lesson && (
            <p id={hintId} className="hint">
              {t.quizInSceneHint}
            </p>
          )}
        </div>
      )}
      {scene.ceremony && (
        <Suspense fallback={null}>
          <OathSection store={store} />
        </Suspense>
      )}
    </>
  )
}

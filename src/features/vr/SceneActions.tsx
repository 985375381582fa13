import { useStore } from 'zustand'
import type { SceneStore } from '../../xr/scene-store.ts'
import { Link, paths } from '../shell/router.tsx'
import { useVrStrings } from './strings.ts'

/** The quiz and the oath from outside the canvas: the same store actions the 3D buttons use. */
export function SceneActions({ store }: { store: SceneStore }) {
  const t = useVrStrings()
  const scene = useStore(store, (s) => s.scene)
  const hasQuiz = useStore(store, (s) => s.quiz !== null)
  const oath = useStore(store, (s) => s.guided.oath)
  const trainerLeads = useStore(store, (s) => s.guided.trainerLeads)
  const oathSave = useStore(store, (s) => s.oathSave)
  const actions = useStore(store, (s) => s.actions)
  return (
    <div className="vr-actions">
      {hasQuiz && (
        <>
          <button type="button" onClick={actions.openQuiz}>
            {t.startQuiz}
          </button>{' '}
          {scene.lesson && <Link to={paths.lesson(scene.lesson)}>{t.quizInLesson}</Link>}
        </>
      )}
      {scene.ceremony && oath.phase !== 'read' && !trainerLeads && (
        <button type="button" onClick={actions.nextOathLine}>
          {t.oathNext}
        </button>
      )}
      {scene.ceremony && oath.phase === 'read' && oathSave !== 'saved' && (
        <button type="button" onClick={() => void actions.finishOath()} disabled={oathSave === 'saving'}>
          {t.oathDone}
        </button>
      )}
    </div>
  )
}

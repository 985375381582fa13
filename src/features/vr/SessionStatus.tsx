import { useStore } from 'zustand'
import { useLocalizedString } from '../../i18n/i18n.tsx'
import type { SceneStore } from '../../xr/scene-store.ts'
import { Link, paths } from '../shell/router.tsx'
import { useVrStrings } from './strings.ts'

/**
 * What the member must know about the session, in plain text outside the canvas: the trainer's
 * pause, highlight or end, and whether the quiz or the oath has been saved. "已保存" appears only
 * once the record is durably committed (the store's state follows the save's promise).
 */
export function SessionStatus({ store }: { store: SceneStore }) {
  const t = useVrStrings()
  const text = useLocalizedString()
  const guided = useStore(store, (s) => s.guided)
  const quizPanel = useStore(store, (s) => s.quizPanel)
  const oathSave = useStore(store, (s) => s.oathSave)
  const hotspots = useStore(store, (s) => s.scene.hotspots)
  const highlighted = hotspots.find((h) => h.id === guided.highlight)
  return (
    <div className="vr-status">
      {guided.phase === 'paused' && <p className="status status-info">{t.paused}</p>}
      {guided.phase === 'ended' && (
        <p className="status status-info">
          {t.ended} <Link to={paths.passport()}>{t.toPassport}</Link>
        </p>
      )}
      {highlighted && guided.phase === 'free' && (
        <p className="status status-info">{t.lookAt(text(highlighted.title))}</p>
      )}
      <p aria-live="polite" data-testid="vr-save-status">
        {quizPanel.phase === 'saving' && t.saving}
        {quizPanel.phase === 'result' &&
          t.quizSaved(quizPanel.result.correct, quizPanel.result.total, quizPanel.result.passed)}
        {quizPanel.phase === 'answering' && quizPanel.problem === 'storage-full' && t.storageFull}
        {quizPanel.phase === 'answering' && quizPanel.problem === 'failed' && t.saveFailed}
        {oathSave === 'saving' && t.saving}
        {oathSave === 'saved' && t.oathSaved}
        {oathSave === 'storage-full' && t.storageFull}
        {oathSave === 'failed' && t.saveFailed}
      </p>
    </div>
  )
}

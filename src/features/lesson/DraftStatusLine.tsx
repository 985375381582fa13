import type { DraftStatus } from './draft-saver.ts'
import type { SaveProblem } from './quiz-flow.ts'
import { oneSaveProblem, saveProblemOf } from './save-problem.ts'
import { useLessonStrings } from './strings.ts'

/**
 * The autosave state of a draft, on a line of its own that keeps its height whatever it says:
 * a status that grows or wraps between a finger's press and release would move the button
 * below it, and the tap would be lost. Not a live region (it changes on every keystroke). A
 * failed write is an alert, with what to do: the draft's or the submit's (`submitProblem`),
 * said once when both failed.
 */
export function DraftStatusLine({
  status,
  visible,
  submitProblem,
}: {
  status: DraftStatus
  visible: boolean
  submitProblem: SaveProblem | null
}) {
  const s = useLessonStrings()
  const problem = oneSaveProblem(status.kind === 'failed' ? saveProblemOf(status.error) : null, submitProblem)
  return (
    <>
      <p className="lesson-draft-status">
        {visible && status.kind === 'pending' && s.draftSaving}
        {visible && status.kind === 'saved' && s.draftSaved}
      </p>
      {problem && (
        <p className="lesson-problem" role="alert">
          {problem === 'storage-full' ? s.storageFull : s.saveFailed}
        </p>
      )}
    </>
  )
}

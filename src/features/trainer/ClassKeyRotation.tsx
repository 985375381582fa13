import { useState } from 'react'
import { AskTwice } from './AskTwice.tsx'
import { rotateClassKey } from './api.ts'
import { useTrainerStrings } from './strings.ts'

type Phase =
  | { readonly name: 'idle' }
  | { readonly name: 'confirming' }
  | { readonly name: 'rotating' }
  | { readonly name: 'done' }
  | { readonly name: 'failed'; readonly offline: boolean }

/**
 * "A trainer's phone was lost": replaces the class's signing key, so the codes the lost phone
 * can still show are no longer accepted. Asked twice (it cannot be undone, and every trainer
 * device of the class must then open the code screen online once). Online only.
 */
export function ClassKeyRotation({ classId, online }: { classId: string; online: boolean }) {
  const s = useTrainerStrings()
  const [phase, setPhase] = useState<Phase>({ name: 'idle' })
  const rotate = async () => {
    setPhase({ name: 'rotating' })
    const answer = await rotateClassKey(classId)
    setPhase(answer.ok ? { name: 'done' } : { name: 'failed', offline: answer.kind === 'offline' })
  }
  return (
    <section aria-labelledby="key-rotation-title" className="class-tools">
      <h2 id="key-rotation-title">{s.keyRotationTitle}</h2>
      <p className="hint">{s.keyRotationWhy}</p>
      {!online ? (
        <p className="hint">{s.keyRotationOffline}</p>
      ) : phase.name === 'confirming' || phase.name === 'rotating' ? (
        <AskTwice
          question={s.keyRotationConfirm}
          yes={s.keyRotationYes}
          working={s.keyRotationWorking}
          cancel={s.keyRotationCancel}
          busy={phase.name === 'rotating'}
          onYes={rotate}
          onCancel={() => setPhase({ name: 'idle' })}
        />
      ) : (
        <>
          {phase.name === 'done' && (
            <p role="status" className="notice">
              {s.keyRotationDone}
            </p>
          )}
          {phase.name === 'failed' && (
            <p role="alert" className="notice">
              {phase.offline ? s.keyRotationFailedOffline : s.keyRotationFailed}
            </p>
          )}
          <p className="actions">
            <button type="button" onClick={() => setPhase({ name: 'confirming' })}>
              {s.keyRotationStart}
            </button>
          </p>
        </>
      )}
    </section>
  )
}

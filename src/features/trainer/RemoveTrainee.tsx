import { useEffect, useId, useRef, useState } from 'react'
import { AskTwice } from './AskTwice.tsx'
import { type Person, removeMember } from './api.ts'
import { findTrainees } from './class-manage.ts'
import { useTrainerStrings } from './strings.ts'

type Phase =
  | { readonly name: 'idle' }
  | { readonly name: 'confirming'; readonly person: Person }
  | { readonly name: 'removing'; readonly person: Person }
  | { readonly name: 'done'; readonly person: Person }
  | { readonly name: 'failed'; readonly person: Person; readonly offline: boolean }

/** A long roster is found by typing, not scrolled through: at most this many rows at once. */
const SHOWN = 30

/**
 * Takes a trainee added by mistake off the class (DELETE …/members/:id), asked twice like the
 * key rotation. Their records are not deleted: they stay in their account and stop counting for
 * this class (the server's class scope is its roster), and count again if they are added back.
 */
export function RemoveTrainee({
  classId,
  members,
  online,
  onChanged,
}: {
  classId: string
  members: readonly Person[]
  online: boolean
  onChanged: () => void
}) {
  const s = useTrainerStrings()
  const id = useId()
  const [query, setQuery] = useState('')
  const [phase, setPhase] = useState<Phase>({ name: 'idle' })
  const noticeRef = useRef<HTMLDivElement>(null)
  // The question or the outcome takes focus: the button pressed is gone from the page.
  useEffect(() => {
    if (phase.name !== 'idle' && phase.name !== 'removing') noticeRef.current?.focus()
  }, [phase.name])

  // "已把 X 移出本班次" stops being true once X is added back: it goes. (The list still holds X
  // until it is read again after the removal: only a return after an absence counts.)
  const leftList = useRef(false)
  useEffect(() => {
    if (phase.name !== 'done') {
      leftList.current = false
      return
    }
    const listed = members.some((m) => m.id === phase.person.id)
    if (!listed) leftList.current = true
    else if (leftList.current) setPhase({ name: 'idle' })
  }, [members, phase])

  const remove = async (person: Person) => {
    setPhase({ name: 'removing', person })
    const answer = await removeMember(classId, person.id)
    if (!answer.ok) return setPhase({ name: 'failed', person, offline: answer.kind === 'offline' })
    setPhase({ name: 'done', person })
    onChanged()
  }

  const { shown, more } = findTrainees(members, query, SHOWN)
  const label = (p: Person) =>
    [p.displayName, p.memberNumber, p.branchName].filter((x): x is string => Boolean(x)).join(' · ')
  const asking = phase.name === 'confirming' || phase.name === 'removing'

  return (
    <section aria-labelledby={`${id}-title`} className="trainer-form">
      <h3 id={`${id}-title`}>{s.removeTitle}</h3>
      <p className="hint">{s.removeHint}</p>
      {asking ? (
        <AskTwice
          question={s.removeConfirm(phase.person.displayName)}
          yes={s.removeYes}
          working={s.removeWorking}
          cancel={s.removeCancel}
          busy={phase.name === 'removing'}
          disabled={!online}
          onYes={() => void remove(phase.person)}
          onCancel={() => setPhase({ name: 'idle' })}
          focusRef={noticeRef}
        />
      ) : (
        <>
          {(phase.name === 'done' || phase.name === 'failed') && (
            <div
              ref={noticeRef}
              tabIndex={-1}
              role={phase.name === 'done' ? 'status' : 'alert'}
              className={`status-line ${phase.name === 'done' ? 'ok' : 'warn'}`}
            >
              <p>
                {phase.name === 'done'
                  ? s.removeDone(phase.person.displayName)
                  : phase.offline
                    ? s.removeFailedOffline
                    : s.removeFailed}
              </p>
            </div>
          )}
          {members.length === 0 ? (
            <p>{s.noMembers}</p>
          ) : (
            <>
              <div className="field">
                <label htmlFor={`${id}-q`}>{s.removeFind}</label>
                <input
                  id={`${id}-q`}
                  type="search"
                  value={query}
                  disabled={!online}
                  onChange={(e) => setQuery(e.target.value)}
                />
              </div>
              <div aria-live="polite">
                {shown.length === 0 && <p>{s.removeNoMatch}</p>}
                {more > 0 && <p className="meta">{s.removeMore(more)}</p>}
              </div>
              {shown.length > 0 && (
                <ul className="people-list" aria-label={s.removeTitle}>
                  {shown.map((p) => (
                    <li key={p.id}>
                      <span>{label(p)}</span>
                      <button
                        type="button"
                        aria-label={s.removeTraineeNamed(p.displayName)}
                        disabled={!online}
                        onClick={() => setPhase({ name: 'confirming', person: p })}
                      >
                        {s.removeButton}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </>
      )}
    </section>
  )
}

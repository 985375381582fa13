import { useId, useRef, useState } from 'react'
import { addRefusal } from './add-refusal.ts'
import { addMembers, type Person } from './api.ts'
import { addOutcome, type ClassChangeProps } from './class-manage.ts'
import { PeoplePicker } from './PeoplePicker.tsx'
import { RosterUpload } from './RosterUpload.tsx'
import { type Say, useTrainerStrings } from './strings.ts'

type Phase =
  | { readonly name: 'idle' }
  | { readonly name: 'adding' }
  | { readonly name: 'done'; readonly added: number; readonly already: number }
  | { readonly name: 'failed'; readonly say: Say; readonly person: boolean }

/**
 * Trainees into an existing class, a walk-in on the day or a late list: picked by search
 * (POST …/members) or from a roster file (POST …/roster). Both only add accounts that exist.
 */
export function AddTrainees({ detail, online, onChanged }: ClassChangeProps) {
  const s = useTrainerStrings()
  const id = useId()
  const [chosen, setChosen] = useState<Person[]>([])
  const [phase, setPhase] = useState<Phase>({ name: 'idle' })
  const outcomeRef = useRef<HTMLParagraphElement>(null)

  const settle = (p: Phase) => {
    setPhase(p)
    requestAnimationFrame(() => outcomeRef.current?.focus())
  }

  const add = async () => {
    if (chosen.length === 0) return settle({ name: 'failed', say: (t) => t.addNobody, person: false })
    if (!navigator.onLine) return settle({ name: 'failed', say: (t) => t.addFailedOffline, person: false })
    const ids = chosen.map((p) => p.id)
    setPhase({ name: 'adding' })
    const answer = await addMembers(detail.class.id, ids)
    if (answer.ok) {
      const { added, already } = addOutcome(
        detail.members.map((m) => m.id),
        ids,
        answer.value.members.map((m) => m.id),
      )
      setChosen([])
      settle({ name: 'done', added, already })
      return onChanged()
    }
    settle({
      name: 'failed',
      ...addRefusal(answer, chosen, 'members', {
        offline: (t) => t.addFailedOffline,
        failed: (t) => t.addFailed,
      }),
    })
  }

  const off = !online || phase.name === 'adding'
  return (
    <section aria-labelledby={`${id}-title`} className="trainer-form">
      <h3 id={`${id}-title`}>{s.addTitle}</h3>
      <p className="hint">{s.addHint}</p>
      <PeoplePicker
        legend={s.addLegend}
        accounts="member"
        chosen={chosen}
        present={detail.members}
        disabled={off}
        onChange={(people) => {
          setChosen(people)
          if (phase.name === 'failed') setPhase({ name: 'idle' })
        }}
        error={phase.name === 'failed' && phase.person ? phase.say(s) : undefined}
        errorId={`${id}-err`}
      />
      {(phase.name === 'done' || phase.name === 'failed') && (
        <p
          ref={outcomeRef}
          tabIndex={-1}
          role={phase.name === 'done' ? 'status' : 'alert'}
          className={`status-line ${phase.name === 'done' ? 'ok' : 'warn'}`}
        >
          {phase.name === 'done' ? s.addResult(phase.added, phase.already) : phase.say(s)}
        </p>
      )}
      <p className="actions">
        <button type="button" className="primary" disabled={off} onClick={() => void add()}>
          {phase.name === 'adding' ? s.addWorking : s.addSubmit(chosen.length)}
        </button>
      </p>
      <RosterUpload classId={detail.class.id} offer="always" disabled={!online} onUploaded={onChanged} />
    </section>
  )
}

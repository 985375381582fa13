import { useEffect, useId, useRef, useState } from 'react'
import { prefetchSigningKey } from '../attest/useSigningKey.ts'
import { navigate, paths } from '../shell/router.tsx'
import { AskTwice } from './AskTwice.tsx'
import { addRefusal } from './add-refusal.ts'
import { addTrainers, type Person, removeTrainer } from './api.ts'
import { dropClassSnapshot } from './class-cache.ts'
import { addOutcome, type ClassChangeProps } from './class-manage.ts'
import { PeoplePicker } from './PeoplePicker.tsx'
import { type Say, useTrainerStrings } from './strings.ts'

type Phase =
  | { readonly name: 'idle' }
  | { readonly name: 'adding' }
  | { readonly name: 'added'; readonly added: number; readonly already: number }
  | { readonly name: 'add-failed'; readonly say: Say; readonly person: boolean }
  | { readonly name: 'confirming'; readonly person: Person }
  | { readonly name: 'removing'; readonly person: Person }
  | { readonly name: 'removed'; readonly person: Person }
  | { readonly name: 'remove-failed'; readonly offline: boolean }

/**
 * Who trains the class (POST …/trainers, DELETE …/trainers/:id): when another trainer takes the
 * class over, or a colleague helps on the day. Trainer and admin accounts may be added; the only
 * trainer cannot be removed (the server refuses it too). Removing someone is asked twice, as the
 * trainee removal is; a trainer removing themselves is told the class will be gone from their
 * screens, and afterwards is led back to their classes (an admin keeps seeing it).
 */
export function ClassTrainers({ detail, online, onChanged, userId }: ClassChangeProps & { userId: string }) {
  const s = useTrainerStrings()
  const id = useId()
  const [chosen, setChosen] = useState<Person[]>([])
  const [phase, setPhase] = useState<Phase>({ name: 'idle' })
  const noticeRef = useRef<HTMLDivElement>(null)
  // The question or the outcome takes focus: the button pressed may be gone from the page.
  useEffect(() => {
    if (phase.name !== 'idle' && phase.name !== 'adding' && phase.name !== 'removing')
      noticeRef.current?.focus()
  }, [phase.name])

  const trainers = detail.trainers
  // Stepping down loses the class, unless one is an admin (who sees every class anyway).
  const losesClass = (p: Person) => p.id === userId && detail.class.relation !== 'admin'
  const add = async () => {
    if (chosen.length === 0)
      return setPhase({ name: 'add-failed', say: (t) => t.trainersAddNobody, person: false })
    const ids = chosen.map((p) => p.id)
    setPhase({ name: 'adding' })
    const answer = await addTrainers(detail.class.id, ids)
    if (answer.ok) {
      const { added, already } = addOutcome(
        trainers.map((t) => t.id),
        ids,
        answer.value.trainers.map((t) => t.id),
      )
      setChosen([])
      setPhase({ name: 'added', added, already })
      return onChanged()
    }
    setPhase({
      name: 'add-failed',
      ...addRefusal(answer, chosen, 'trainers', {
        offline: (t) => t.trainersAddFailedOffline,
        failed: (t) => t.trainersAddFailed,
      }),
    })
  }

  const remove = async (person: Person) => {
    setPhase({ name: 'removing', person })
    const answer = await removeTrainer(detail.class.id, person.id)
    if (!answer.ok) return setPhase({ name: 'remove-failed', offline: answer.kind === 'offline' })
    // No longer a trainer of it, one may no longer read the class: its copy on this device (its
    // trainees' records) goes now, not when the dashboard next finds it gone; then back to
    // one's own classes.
    if (losesClass(person)) {
      await dropClassSnapshot(detail.class.id).catch(() => undefined)
      return navigate(paths.trainer())
    }
    setPhase({ name: 'removed', person })
    // The class's key was replaced with the removal (server/classes/trainer-left.ts): this
    // device takes the new one now, while it is online.
    void prefetchSigningKey(userId, detail.class.id).catch(() => {})
    onChanged()
  }

  const asking = phase.name === 'confirming' || phase.name === 'removing'
  const busy = !online || phase.name === 'adding' || phase.name === 'removing'
  const notice =
    phase.name === 'added'
      ? { ok: true, text: s.trainersAddResult(phase.added, phase.already) }
      : phase.name === 'add-failed' && !phase.person
        ? { ok: false, text: phase.say(s) }
        : phase.name === 'removed'
          ? { ok: true, text: s.trainerRemoveDone(phase.person.displayName) }
          : phase.name === 'remove-failed'
            ? { ok: false, text: phase.offline ? s.trainerRemoveFailedOffline : s.trainerRemoveFailed }
            : null

  return (
    <section aria-labelledby={`${id}-title`} className="trainer-form">
      <h3 id={`${id}-title`}>{s.trainersTitle}</h3>
      <p className="hint">{s.trainersHint}</p>
      {asking ? (
        <AskTwice
          question={
            losesClass(phase.person)
              ? s.trainerRemoveSelfConfirm
              : s.trainerRemoveConfirm(phase.person.displayName)
          }
          yes={s.trainerRemoveYes}
          working={s.removeWorking}
          cancel={s.removeCancel}
          busy={phase.name === 'removing'}
          disabled={!online}
          onYes={() => void remove(phase.person)}
          onCancel={() => setPhase({ name: 'idle' })}
          focusRef={noticeRef}
        />
      ) : (
        notice && (
          <div
            ref={noticeRef}
            tabIndex={-1}
            role={notice.ok ? 'status' : 'alert'}
            className={`status-line ${notice.ok ? 'ok' : 'warn'}`}
          >
            <p>{notice.text}</p>
          </div>
        )
      )}
      <ul className="people-list" aria-label={s.trainersListLabel}>
        {trainers.map((t) => (
          <li key={t.id}>
            <span>{t.id === userId ? s.trainerYou(t.displayName) : t.displayName}</span>
            <button
              type="button"
              aria-label={s.trainerRemoveNamed(t.displayName)}
              disabled={busy || asking || trainers.length < 2}
              onClick={() => setPhase({ name: 'confirming', person: t })}
            >
              {s.removeButton}
            </button>
          </li>
        ))}
      </ul>
      {trainers.length < 2 && <p className="meta">{s.trainerLastOne}</p>}
      <PeoplePicker
        legend={s.trainersAddLegend}
        accounts="trainer"
        chosen={chosen}
        present={trainers}
        disabled={busy}
        onChange={(people) => {
          setChosen(people)
          if (phase.name === 'add-failed') setPhase({ name: 'idle' })
        }}
        error={phase.name === 'add-failed' && phase.person ? phase.say(s) : undefined}
        errorId={`${id}-err`}
      />
      <p className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void add()}>
          {phase.name === 'adding' ? s.addWorking : s.trainersAddSubmit(chosen.length)}
        </button>
      </p>
    </section>
  )
}

import { type FormEvent, useRef, useState } from 'react'
import { SCENES } from '../../../scenes/registry.ts'
import { useLocalizedString } from '../../i18n/i18n.tsx'
import type { SessionInfo } from '../../platform/session.ts'
import { useContent } from '../shell/content-context.tsx'
import {
  type ApiFailure,
  type ApiResult,
  type ClassDetail,
  createClass,
  type Person,
  type RosterUploadResult,
  uploadRoster,
} from './api.ts'
import { ClassCreated } from './ClassCreated.tsx'
import {
  checkDraft,
  chinaToday,
  type Draft,
  type FormField,
  type FormProblem,
  fieldOfServerPath,
  requestOf,
  routeDates,
  withRoute,
  withStartsOn,
} from './new-class-form.ts'
import { PeoplePicker } from './PeoplePicker.tsx'
import { type Say, type TrainerStrings, useTrainerStrings } from './strings.ts'
import { TrainerGate } from './TrainerGate.tsx'
import './trainer.css'
import { ScreenHeading } from './ScreenHeading.tsx'

/** /trainer/new: a class from a route and/or VR scenes, its dates, trainers and members. */
export default function NewClassScreen(_props: Record<string, never>) {
  const s = useTrainerStrings()
  return <TrainerGate title={s.newTitle}>{(session) => <NewClassForm session={session} />}</TrainerGate>
}

// What to say, not the words said: switching the language re-says it.
type Errors = Partial<Record<FormField, Say>>

const problemText = (s: TrainerStrings, p: FormProblem) =>
  p === 'required' ? s.errRequired : p === 'route-or-scene' ? s.errRouteOrScene : s.errEndsBeforeStarts

function NewClassForm({ session }: { session: SessionInfo }) {
  const s = useTrainerStrings()
  const text = useLocalizedString()
  const content = useContent()
  const today = chinaToday()
  const [draft, setDraft] = useState<Draft>({
    name: '',
    routeId: '',
    sceneIds: [],
    startsOn: today,
    endsOn: today,
  })
  // Set once the trainer changes the end date themselves: a new start date then leaves it alone.
  const [endsOnByHand, setEndsOnByHand] = useState(false)
  const [trainers, setTrainers] = useState<Person[]>([])
  const [members, setMembers] = useState<Person[]>([])
  const [roster, setRoster] = useState<{ file: File; rows: number } | null>(null)
  const [errors, setErrors] = useState<Errors>({})
  const [summary, setSummary] = useState<Say | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const [created, setCreated] = useState<{
    detail: ClassDetail
    roster: ApiResult<RosterUploadResult> | null
  } | null>(null)
  const summaryRef = useRef<HTMLParagraphElement>(null)

  const me: Person = {
    id: session.userId,
    displayName: session.displayName,
    memberNumber: null,
    branchId: null,
    branchName: session.branch,
  }
  // A trainer creating a class is always one of its trainers (the server adds them too).
  const fixedTrainers = session.role === 'trainer' ? [me] : []
  // A field's error goes as soon as the field is changed, not at the next submit; the summary
  // goes with the last of them.
  const cleared = (...fields: FormField[]) => {
    if (!fields.some((f) => errors[f])) return
    const next = { ...errors }
    for (const f of fields) delete next[f]
    setErrors(next)
    if (Object.keys(next).length === 0) setSummary(null)
  }
  const FIELD_OF: Record<keyof Draft, FormField> = {
    name: 'name',
    routeId: 'route',
    sceneIds: 'route',
    startsOn: 'startsOn',
    endsOn: 'endsOn',
  }
  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }))
    cleared(...(Object.keys(patch) as (keyof Draft)[]).map((k) => FIELD_OF[k]))
  }
  const routeDays = (routeId: string) => content.pack.routes.find((r) => r.id === routeId)?.days ?? null
  const days = routeDays(draft.routeId)
  const dates = routeDates(draft, days)
  const datesNote =
    days === null || dates === null
      ? null
      : dates.fit === 'ends-with-route'
        ? endsOnByHand
          ? s.endsCoverRoute(days)
          : s.endsWithRoute(days, dates.routeEndsOn)
        : dates.fit === 'ends-before-route'
          ? s.endsBeforeRoute(days, dates.routeEndsOn)
          : s.endsAfterRoute(days)

  const fail = (errs: Errors, say: Say) => {
    setErrors(errs)
    // Wrapped: a function handed to a state setter would be called as an updater.
    setSummary(() => say)
    requestAnimationFrame(() => summaryRef.current?.focus())
  }

  const serverFailure = (f: ApiFailure) => {
    if (f.kind !== 'invalid')
      return fail({}, f.kind === 'logged-out' ? (t) => t.loginNeededBody : (t) => t.needsOnline)
    const at = fieldOfServerPath(f.field)
    const { message } = f
    if (!at) return fail({}, (t) => t.serverSays(message))
    const people = at.field === 'members' ? members : at.field === 'trainers' ? trainers : null
    const who = people && at.index !== null ? people[at.index] : undefined
    fail(
      {
        [at.field]: (t: TrainerStrings) =>
          who ? t.errPerson(who.displayName, t.serverSays(message)) : t.serverSays(message),
      },
      (t) => t.formHasErrors,
    )
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const problems = checkDraft(draft)
    const found = Object.entries(problems) as [FormField, FormProblem][]
    if (found.length > 0)
      return fail(
        Object.fromEntries(found.map(([f, p]) => [f, (t: TrainerStrings) => problemText(t, p)])),
        (t) => t.formHasErrors,
      )
    if (!navigator.onLine) return fail({}, (t) => t.needsOnline)
    setSubmitting(true)
    const made = await createClass(
      requestOf(
        draft,
        trainers.map((t) => t.id),
        members.map((m) => m.id),
      ),
    )
    if (!made.ok) {
      setSubmitting(false)
      return serverFailure(made)
    }
    const uploaded = roster ? await uploadRoster(made.value.class.id, roster.file) : null
    setSubmitting(false)
    setCreated({ detail: made.value, roster: uploaded })
  }

  if (created) return <ClassCreated detail={created.detail} roster={created.roster} />

  const err = (f: FormField) => (errors[f] ? { 'aria-invalid': true, 'aria-describedby': `err-${f}` } : {})
  const errorLine = (f: FormField) =>
    errors[f] ? (
      <p id={`err-${f}`} className="field-error">
        {errors[f]?.(s)}
      </p>
    ) : null

  return (
    <>
      <ScreenHeading title={s.newTitle} />
      <p className="lead">{s.newIntro}</p>
      <form className="trainer-form" onSubmit={(e) => void submit(e)} noValidate>
        {summary && (
          <p ref={summaryRef} tabIndex={-1} role="alert" className="status-line warn">
            {summary(s)}
          </p>
        )}
        <div className="field">
          <label htmlFor="class-name">{s.fieldName}</label>
          <span className="hint" id="class-name-hint">
            {s.fieldNameHint}
          </span>
          <input
            id="class-name"
            value={draft.name}
            maxLength={80}
            onChange={(e) => set({ name: e.target.value })}
            {...err('name')}
            aria-describedby={errors.name ? 'err-name class-name-hint' : 'class-name-hint'}
          />
          {errorLine('name')}
        </div>
        <div className="field">
          <label htmlFor="class-route">{s.fieldRoute}</label>
          <select
            id="class-route"
            value={draft.routeId}
            onChange={(e) => {
              const routeId = e.target.value
              // A route picked sets the end date to its last day (said below the end date).
              setEndsOnByHand(false)
              setDraft((d) => withRoute(d, routeId, routeDays(routeId)))
              cleared('route', 'endsOn')
            }}
            {...err('route')}
          >
            <option value="">{s.noRoute}</option>
            {content.pack.routes.map((r) => (
              <option key={r.id} value={r.id}>
                {text(r.title)}
              </option>
            ))}
          </select>
          {errorLine('route')}
        </div>
        <fieldset>
          <legend>{s.fieldScenes}</legend>
          <p className="hint">{s.fieldScenesHint}</p>
          {SCENES.map(({ data }) => (
            <label key={data.id} className="check">
              <input
                type="checkbox"
                checked={draft.sceneIds.includes(data.id)}
                onChange={(e) =>
                  set({
                    sceneIds: e.target.checked
                      ? SCENES.map((x) => x.data.id).filter(
                          (id) => id === data.id || draft.sceneIds.includes(id),
                        )
                      : draft.sceneIds.filter((id) => id !== data.id),
                  })
                }
              />
              {text(data.title)}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="class-starts">{s.fieldStartsOn}</label>
          <input
            id="class-starts"
            type="date"
            value={draft.startsOn}
            onChange={(e) => {
              const startsOn = e.target.value
              setDraft((d) => withStartsOn(d, startsOn, routeDays(d.routeId), endsOnByHand))
              cleared('startsOn', 'endsOn')
            }}
            {...err('startsOn')}
          />
          {errorLine('startsOn')}
        </div>
        <div className="field">
          <label htmlFor="class-ends">{s.fieldEndsOn}</label>
          <span
            className={dates?.fit === 'ends-before-route' ? 'hint warn-text' : 'hint'}
            id="class-ends-hint"
            aria-live="polite"
            data-testid="class-ends-hint"
          >
            {datesNote}
          </span>
          <input
            id="class-ends"
            type="date"
            value={draft.endsOn}
            min={draft.startsOn || undefined}
            onChange={(e) => {
              setEndsOnByHand(true)
              set({ endsOn: e.target.value })
            }}
            {...err('endsOn')}
            aria-describedby={errors.endsOn ? 'err-endsOn class-ends-hint' : 'class-ends-hint'}
          />
          {errorLine('endsOn')}
        </div>
        <PeoplePicker
          legend={s.fieldTrainers}
          accounts="trainer"
          chosen={trainers}
          fixed={fixedTrainers}
          onChange={(people) => {
            setTrainers(people)
            cleared('trainers')
          }}
          error={errors.trainers?.(s)}
          errorId="err-trainers"
        />
        <PeoplePicker
          legend={s.fieldMembers}
          accounts="member"
          chosen={members}
          onChange={(people) => {
            setMembers(people)
            cleared('members')
          }}
          error={errors.members?.(s)}
          errorId="err-members"
        />
        <div className="field">
          <label htmlFor="class-roster">{s.rosterCsv}</label>
          <span className="hint" id="class-roster-hint">
            {s.rosterCsvHint}
          </span>
          <input
            id="class-roster"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="class-roster-hint"
            onChange={(e) => {
              const file = e.target.files?.[0]
              if (!file) return setRoster(null)
              void file
                .text()
                .then((t) =>
                  setRoster({ file, rows: Math.max(0, t.split(/\r?\n/).filter(Boolean).length - 1) }),
                )
            }}
          />
          {roster && <p className="meta">{s.rosterCsvChosen(roster.file.name, roster.rows)}</p>}
        </div>
        <p className="actions">
          <button type="submit" className="big" disabled={submitting}>
            {submitting ? s.creating : s.create}
          </button>
        </p>
      </form>
    </>
  )
}

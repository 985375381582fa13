import { type FormEvent, useId, useRef, useState } from 'react'
import { type ApiFailure, type ClassInfo, updateClass } from './api.ts'
import {
  type ClassEdit,
  changeOf,
  checkClassEdit,
  type EditField,
  type EditProblem,
  editOf,
  MAX_CLASS_DAYS,
  MAX_NAME_LENGTH,
} from './class-manage.ts'
import { fieldOfServerPath } from './new-class-form.ts'
import { type Say, type TrainerStrings, useTrainerStrings } from './strings.ts'

// What to say, not the words said: switching the language re-says it.
type Errors = Partial<Record<EditField, Say>>
type Outcome = { readonly kind: 'saved' | 'nothing' } | { readonly kind: 'failed'; readonly say: Say }

const problemText = (s: TrainerStrings, f: EditField, p: EditProblem) => {
  switch (p) {
    case 'required':
      return f === 'name' ? s.editNameRequired : s.editDateRequired
    case 'name-too-long':
      return s.editNameTooLong(MAX_NAME_LENGTH)
    case 'not-a-date':
      return s.editNotADate
    case 'ends-before-starts':
      return s.editEndsBeforeStarts
    case 'too-long':
      return s.editTooLong(MAX_CLASS_DAYS)
  }
}

const sameEdit = (a: ClassEdit, b: ClassEdit) =>
  a.name === b.name && a.startsOn === b.startsOn && a.endsOn === b.endsOn

/** The class's name and dates (PATCH /api/classes/:id); its route never changes. Online only. */
export function ClassEditForm({
  cls,
  online,
  onChanged,
}: {
  cls: ClassInfo
  online: boolean
  onChanged: () => void
}) {
  const s = useTrainerStrings()
  const id = useId()
  const [base, setBase] = useState(() => editOf(cls))
  const [draft, setDraft] = useState(base)
  const [errors, setErrors] = useState<Errors>({})
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [saving, setSaving] = useState(false)
  const outcomeRef = useRef<HTMLParagraphElement>(null)

  // Changed elsewhere (another trainer, another device) while this form is untouched: follow it.
  const current = editOf(cls)
  if (!sameEdit(current, base) && sameEdit(draft, base)) {
    setBase(current)
    setDraft(current)
  }

  const show = (o: Outcome, errs: Errors = {}) => {
    setErrors(errs)
    setOutcome(o)
    requestAnimationFrame(() => outcomeRef.current?.focus())
  }

  const serverFailure = (f: ApiFailure) => {
    if (f.kind === 'invalid') {
      const at = fieldOfServerPath(f.field)
      const { message } = f
      const said: Say = (t) => t.serverSays(message)
      const field =
        at && (at.field === 'name' || at.field === 'startsOn' || at.field === 'endsOn') ? at.field : null
      return show(
        { kind: 'failed', say: field ? (t) => t.formHasErrors : said },
        field ? { [field]: said } : {},
      )
    }
    show({
      kind: 'failed',
      say:
        f.kind === 'offline'
          ? (t) => t.editFailedOffline
          : f.kind === 'logged-out'
            ? (t) => t.loginNeededBody
            : (t) => t.editFailed,
    })
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const problems = Object.entries(checkClassEdit(draft)) as [EditField, EditProblem][]
    if (problems.length > 0)
      return show(
        { kind: 'failed', say: (t) => t.formHasErrors },
        Object.fromEntries(problems.map(([f, p]) => [f, (t: TrainerStrings) => problemText(t, f, p)])),
      )
    const change = changeOf(draft, cls)
    if (!change) return show({ kind: 'nothing' })
    if (!navigator.onLine) return show({ kind: 'failed', say: (t) => t.editFailedOffline })
    setSaving(true)
    const answer = await updateClass(cls.id, change)
    setSaving(false)
    if (!answer.ok) return serverFailure(answer)
    const saved = editOf(answer.value.class)
    setBase(saved)
    setDraft(saved)
    show({ kind: 'saved' })
    onChanged()
  }

  const set = (patch: Partial<ClassEdit>) => setDraft((d) => ({ ...d, ...patch }))
  const off = !online || saving
  const fieldProps = (f: EditField, hint?: string) => {
    const described = [errors[f] ? `${id}-${f}-err` : null, hint].filter(Boolean).join(' ')
    return {
      id: `${id}-${f}`,
      disabled: off,
      ...(errors[f] ? { 'aria-invalid': true } : {}),
      ...(described ? { 'aria-describedby': described } : {}),
    }
  }
  const errorLine = (f: EditField) =>
    errors[f] ? (
      <p id={`${id}-${f}-err`} className="field-error">
        {errors[f]?.(s)}
      </p>
    ) : null

  return (
    <section aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{s.editTitle}</h3>
      <form
        className="trainer-form"
        onSubmit={(e) => void submit(e)}
        noValidate
        aria-labelledby={`${id}-title`}
      >
        <div className="field">
          <label htmlFor={`${id}-name`}>{s.fieldName}</label>
          <input
            {...fieldProps('name')}
            value={draft.name}
            maxLength={MAX_NAME_LENGTH}
            onChange={(e) => set({ name: e.target.value })}
          />
          {errorLine('name')}
        </div>
        <p className="hint" id={`${id}-dates-hint`}>
          {s.editDatesHint}
        </p>
        <div className="field">
          <label htmlFor={`${id}-startsOn`}>{s.fieldStartsOn}</label>
          <input
            {...fieldProps('startsOn', `${id}-dates-hint`)}
            type="date"
            value={draft.startsOn}
            onChange={(e) => set({ startsOn: e.target.value })}
          />
          {errorLine('startsOn')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-endsOn`}>{s.fieldEndsOn}</label>
          <input
            {...fieldProps('endsOn', `${id}-dates-hint`)}
            type="date"
            value={draft.endsOn}
            min={draft.startsOn || undefined}
            onChange={(e) => set({ endsOn: e.target.value })}
          />
          {errorLine('endsOn')}
        </div>
        {outcome && (
          <p
            ref={outcomeRef}
            tabIndex={-1}
            role={outcome.kind === 'failed' ? 'alert' : 'status'}
            className={`status-line ${outcome.kind === 'failed' ? 'warn' : 'ok'}`}
          >
            {outcome.kind === 'failed'
              ? outcome.say(s)
              : outcome.kind === 'saved'
                ? s.editSaved
                : s.editNothing}
          </p>
        )}
        <p className="actions">
          <button type="submit" className="primary" disabled={off}>
            {saving ? s.editSaving : s.editSave}
          </button>
        </p>
      </form>
    </section>
  )
}

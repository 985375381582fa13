import { useEffect, useId, useState } from 'react'
import { type Branch, fetchBranches, fetchPeople, type Person } from './api.ts'
import { useTrainerStrings } from './strings.ts'

/**
 * Picks accounts for a class: search by a piece of the name, username or 党员编号, narrowed to a
 * branch, then "加入" one by one or all shown. The chosen people are listed with "移除".
 * Needs the server (the directory is not on the device).
 */
export function PeoplePicker({
  legend,
  accounts,
  chosen,
  fixed = [],
  present = [],
  disabled = false,
  onChange,
  error,
  errorId,
}: {
  legend: string
  /** Which accounts to offer: members, or trainers and admins. */
  accounts: 'member' | 'trainer'
  chosen: readonly Person[]
  /** Always in the list and not removable (the trainer creating the class). */
  fixed?: readonly Person[]
  /** Already in the class (adding to an existing one): shown as such, not offered. */
  present?: readonly Person[]
  /** Every control off (offline, or a request under way). */
  disabled?: boolean
  onChange: (people: Person[]) => void
  error?: string
  errorId: string
}) {
  const s = useTrainerStrings()
  const id = useId()
  const [branches, setBranches] = useState<readonly Branch[]>([])
  const [query, setQuery] = useState('')
  const [branch, setBranch] = useState('')
  const [found, setFound] = useState<readonly Person[] | null>(null)
  const [status, setStatus] = useState<'idle' | 'searching' | 'unavailable'>('idle')

  useEffect(() => {
    if (accounts !== 'member') return
    let live = true
    void fetchBranches().then((r) => live && r.ok && setBranches(r.value))
    return () => {
      live = false
    }
  }, [accounts])

  const search = async (e?: { preventDefault(): void }) => {
    e?.preventDefault()
    setStatus('searching')
    // Admins may train a class too: a trainer search offers both roles.
    const roles = accounts === 'member' ? (['member'] as const) : (['trainer', 'admin'] as const)
    const results = await Promise.all(
      roles.map((r) => fetchPeople({ q: query.trim(), branchId: branch || undefined, role: r, limit: 100 })),
    )
    if (results.some((r) => !r.ok)) {
      setStatus('unavailable')
      setFound(null)
      return
    }
    setFound(results.flatMap((r) => (r.ok ? r.value : [])))
    setStatus('idle')
  }

  const inClass = new Set(present.map((p) => p.id))
  const taken = new Set([...chosen, ...fixed, ...present].map((p) => p.id))
  const add = (people: readonly Person[]) => onChange([...chosen, ...people.filter((p) => !taken.has(p.id))])
  const remove = (p: Person) => onChange(chosen.filter((c) => c.id !== p.id))
  const addable = (found ?? []).filter((p) => !taken.has(p.id))
  const label = (p: Person) =>
    [p.displayName, p.memberNumber, p.branchName].filter((x): x is string => Boolean(x)).join(' · ')

  return (
    <fieldset aria-describedby={error ? errorId : undefined} disabled={disabled}>
      <legend>{legend}</legend>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      {/* A nested <form> is not allowed: the search runs on Enter in its box or on its button. */}
      <div className="field">
        <label htmlFor={`${id}-q`}>{accounts === 'member' ? s.searchPeople : s.searchTrainers}</label>
        <input
          id={`${id}-q`}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void search(e)
          }}
        />
      </div>
      {accounts === 'member' && branches.length > 0 && (
        <div className="field">
          {/* Not 党支部 alone: the dashboard's own branch filter has that name. */}
          <label htmlFor={`${id}-branch`}>{s.pickerBranch}</label>
          <select id={`${id}-branch`} value={branch} onChange={(e) => setBranch(e.target.value)}>
            <option value="">{s.allBranches}</option>
            {branches.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <p className="actions">
        <button type="button" onClick={() => void search()}>
          {status === 'searching' ? s.searching : s.search}
        </button>
        {addable.length > 1 && (
          <button type="button" onClick={() => add(addable)}>
            {s.addAllShown(addable.length)}
          </button>
        )}
      </p>
      <div aria-live="polite">
        {status === 'unavailable' && <p className="hint">{s.peopleUnavailable}</p>}
        {found && found.length === 0 && <p>{s.noMatches}</p>}
      </div>
      {found && found.length > 0 && (
        <ul className="people-list" aria-label={s.search}>
          {found.map((p) => (
            <li key={p.id}>
              <span>{label(p)}</span>
              {taken.has(p.id) ? (
                <span className="meta">{inClass.has(p.id) ? s.alreadyInClass : s.added}</span>
              ) : (
                <button type="button" aria-label={s.addNamed(p.displayName)} onClick={() => add([p])}>
                  {s.add}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="meta" aria-live="polite">
        {accounts === 'member' && s.selectedMembers(chosen.length)}
      </p>
      {(fixed.length > 0 || chosen.length > 0) && (
        <ul className="people-list" aria-label={legend}>
          {fixed.map((p) => (
            <li key={p.id}>
              <span>{s.trainerMe(p.displayName)}</span>
            </li>
          ))}
          {chosen.map((p) => (
            <li key={p.id}>
              <span>{label(p)}</span>
              <button type="button" aria-label={s.removeNamed(p.displayName)} onClick={() => remove(p)}>
                {s.remove}
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  )
}

import { type RefObject, useEffect, useRef, useState } from 'react'
import { tableToCsv } from '../../domain/archive/csv-writer.ts'
import { saveFile } from '../../ui/save-file.ts'
import { AskTwice } from '../trainer/AskTwice.tsx'
import { chinaToday } from '../trainer/new-class-form.ts'
import type { Role } from './api.ts'
import { useAdminStrings } from './strings.ts'

/** An account and the password the server just made for it. */
export interface IssuedPassword {
  readonly displayName: string
  readonly username: string
  readonly password: string
  readonly branch: string | null
  readonly role: Role
}

/**
 * The passwords made during this visit (new accounts, a roster's, resets), newest first, in one
 * place: the server keeps only their hashes, so this is the admin's one chance to hand them
 * out. Downloadable as a CSV slip list (made here, on the device: the passwords never travel
 * again) and printable alone. Leaving the page while they show asks first.
 */
/**
 * A password that may wrap only at its dashes, never mid-group (a phone in large type is too
 * narrow for all 14 characters); <wbr> adds no character to what is copied.
 */
function PasswordText({ password }: { password: string }) {
  const groups = password.split('-')
  return (
    <>
      {groups.map((g, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the groups of one password, in order, never move
        <span key={i}>
          {g}
          {i < groups.length - 1 && (
            <>
              -<wbr />
            </>
          )}
        </span>
      ))}
    </>
  )
}

export function IssuedPasswords({
  issued,
  onClose,
  focusRef,
}: {
  issued: readonly IssuedPassword[]
  onClose: () => void
  focusRef: RefObject<HTMLElement | null>
}) {
  const s = useAdminStrings()
  const shown = issued.length > 0
  // Closing before the list was downloaded or printed loses it: that is asked first.
  const [kept, setKept] = useState(false)
  const [askingClose, setAskingClose] = useState(false)
  const askRef = useRef<HTMLDivElement>(null)
  const closeRef = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (askingClose) askRef.current?.focus()
  }, [askingClose])
  // Any new password is not in the last download or printout.
  useEffect(() => {
    void issued
    setKept(false)
  }, [issued])

  // New passwords are the outcome to act on now: bring them into view and have them read out.
  useEffect(() => {
    if (issued.length > 0) focusRef.current?.focus()
  }, [issued, focusRef])

  useEffect(() => {
    if (!shown) return
    const warn = (e: BeforeUnloadEvent) => e.preventDefault()
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [shown])

  if (!shown) return null

  const download = () => {
    const csv = tableToCsv({
      header: s.credentialsHeader,
      rows: issued.map((p) => [p.displayName, p.username, p.password, p.branch ?? '', s.roleName(p.role)]),
    })
    saveFile(csv, 'text/csv;charset=utf-8', s.credentialsFile(chinaToday()))
    setKept(true)
  }
  const print = () => {
    setKept(true)
    window.print()
  }
  const close = () => {
    setAskingClose(false)
    onClose()
  }

  return (
    <section
      className="issued-passwords notice"
      aria-labelledby="issued-passwords-title"
      tabIndex={-1}
      ref={focusRef}
      data-testid="issued-passwords"
    >
      <h2 id="issued-passwords-title">{s.passwordsTitle}</h2>
      <p className="no-print">{s.passwordsIntro}</p>
      <table className="issued-table">
        <thead>
          <tr>
            <th scope="col">{s.colName}</th>
            <th scope="col">{s.colUsername}</th>
            <th scope="col">{s.colPassword}</th>
          </tr>
        </thead>
        <tbody>
          {issued.map((p) => (
            <tr key={`${p.username}/${p.password}`}>
              <th scope="row">{p.displayName}</th>
              <td className="mono" data-label={s.colUsername}>
                {p.username}
              </td>
              <td className="mono password" data-label={s.colPassword}>
                <PasswordText password={p.password} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {/* On paper, a slip per account to cut out and hand over, each saying where to log in. */}
      <ol className="print-only issued-slips">
        {issued.map((p) => (
          <li key={`${p.username}/${p.password}`}>
            <p>
              <strong>{p.displayName}</strong>
              {p.branch && ` · ${p.branch}`}
            </p>
            <p>
              {s.colUsername}：<span className="mono">{p.username}</span>
            </p>
            <p>
              {s.colPassword}：<span className="mono password">{p.password}</span>
            </p>
            <p>{s.printNote(location.origin)}</p>
          </li>
        ))}
      </ol>
      {askingClose ? (
        <div className="no-print">
          <AskTwice
            question={s.closeQuestion}
            yes={s.closeYes}
            working={s.closeYes}
            cancel={s.cancel}
            busy={false}
            onYes={close}
            onCancel={() => {
              setAskingClose(false)
              requestAnimationFrame(() => closeRef.current?.focus())
            }}
            focusRef={askRef}
          />
        </div>
      ) : (
        <p className="actions no-print">
          <button type="button" className="primary" onClick={download}>
            {s.passwordsDownload}
          </button>
          <button type="button" onClick={print}>
            {s.passwordsPrint}
          </button>
          <button type="button" ref={closeRef} onClick={() => (kept ? close() : setAskingClose(true))}>
            {s.passwordsDone}
          </button>
        </p>
      )}
    </section>
  )
}

import type { ReactNode, Ref } from 'react'

/**
 * The second question of a change that reaches other people or cannot be undone (removing a
 * trainee or a trainer, replacing the presence-code key): what will happen, a button to go
 * ahead that says it is working while it does, and one to step back. An alert, so it is read
 * out; it takes focus when `focusRef` is given, since the button pressed to get here is gone.
 */
export function AskTwice({
  question,
  yes,
  working,
  cancel,
  busy,
  disabled = false,
  onYes,
  onCancel,
  focusRef,
}: {
  question: ReactNode
  yes: string
  working: string
  cancel: string
  /** The change is under way: both buttons off, the first says `working`. */
  busy: boolean
  /** Going ahead is not possible now (offline). */
  disabled?: boolean
  onYes: () => void
  onCancel: () => void
  focusRef?: Ref<HTMLDivElement>
}) {
  return (
    <div role="alert" className="notice" ref={focusRef} tabIndex={focusRef ? -1 : undefined}>
      <p>{question}</p>
      <p className="actions">
        <button type="button" className="primary" disabled={busy || disabled} onClick={onYes}>
          {busy ? working : yes}
        </button>
        <button type="button" disabled={busy} onClick={onCancel}>
          {cancel}
        </button>
      </p>
    </div>
  )
}

import { useId, useState } from 'react'
import { useStrings } from '../../i18n/i18n.tsx'
import { useRecords } from '../shell/records-context.tsx'

export function MemberName() {
  const t = useStrings()
  const { member, rename } = useRecords()
  const [draft, setDraft] = useState<string | null>(null)
  const id = useId()
  if (!member) return null
  const value = draft ?? member.displayName
  return (
    <form
      className="member-name"
      onSubmit={(e) => {
        e.preventDefault()
        void rename(value).then(() => setDraft(null))
      }}
    >
      <label htmlFor={id}>{t.passportName}</label>
      <input
        id={id}
        value={value}
        placeholder={t.passportNamePlaceholder}
        maxLength={40}
        onChange={(e) => setDraft(e.target.value)}
      />
      <button type="submit" disabled={draft === null}>
        {t.passportSaveName}
      </button>
    </form>
  )
}

import type { InputHTMLAttributes } from 'react'
import type { Role } from './api.ts'
import { useAdminStrings } from './strings.ts'

/**
 * The role and branch fields of an account, as the new-account form and the edit form both ask
 * them: the roles in the admin's words, the branch with the names the accounts have now.
 */
export function RoleSelect({
  id,
  value,
  disabled = false,
  onChange,
}: {
  id: string
  value: Role
  disabled?: boolean
  onChange: (role: Role) => void
}) {
  const s = useAdminStrings()
  return (
    <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as Role)}>
      {(['member', 'trainer', 'admin'] as const).map((r) => (
        <option key={r} value={r}>
          {s.roleName(r)}
        </option>
      ))}
    </select>
  )
}

export function BranchInput({
  id,
  value,
  branches,
  onChange,
  ...aria
}: {
  id: string
  value: string
  branches: readonly string[]
  onChange: (branch: string) => void
} & Pick<InputHTMLAttributes<HTMLInputElement>, 'aria-invalid' | 'aria-describedby'>) {
  return (
    <>
      <input
        id={id}
        value={value}
        maxLength={120}
        list={`${id}-branches`}
        autoComplete="off"
        onChange={(e) => onChange(e.target.value)}
        {...aria}
      />
      <datalist id={`${id}-branches`}>
        {branches.map((b) => (
          <option key={b} value={b} />
        ))}
      </datalist>
    </>
  )
}

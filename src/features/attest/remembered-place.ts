/**
 * The place the trainer last chose on the presence-code screen, per class, on this device
 * (localStorage: small, synchronous, not member data), with the China day it was chosen on.
 * Read and written quietly: a browser that refuses storage just starts from the default.
 */
const keyOf = (classId: string) => `hongtu.attestPlace.${classId}`

export function readRememberedPlace(classId: string): { value: string; day: string } | null {
  try {
    const raw = JSON.parse(localStorage.getItem(keyOf(classId)) ?? 'null') as unknown
    if (raw && typeof raw === 'object') {
      const { value, day } = raw as Record<string, unknown>
      if (typeof value === 'string' && typeof day === 'string') return { value, day }
    }
  } catch {
    // unreadable: start from the default
  }
  return null
}

export function rememberPlace(classId: string, value: string, day: string): void {
  try {
    localStorage.setItem(keyOf(classId), JSON.stringify({ value, day }))
  } catch {
    // storage refused: the choice lasts as long as the screen
  }
}

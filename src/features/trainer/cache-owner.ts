/**
 * Whose trainer cache (class-cache.ts) is on this device, kept in localStorage so the header can
 * tell without opening IndexedDB (or loading the trainer screens' code) whether a cache exists.
 */
export const CACHE_OWNER_KEY = 'hongtu-trainer-cache-owner'

export function trainerCacheOwner(): string | null {
  try {
    return localStorage.getItem(CACHE_OWNER_KEY)
  } catch {
    return null
  }
}

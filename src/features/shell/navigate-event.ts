/**
 * Fired after `navigate` (router.tsx); a screen that keeps part of its state in the address
 * listens to it. In a module of its own so that the app's first script (src/early.ts) can listen
 * too without loading React.
 */
export const NAVIGATE_EVENT = 'hongtu:navigate'

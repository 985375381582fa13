/**
 * True only when the browser is sure it has no network (navigator.onLine is false). A request
 * then can only fail, and each failure is an error in the console; a true onLine proves nothing
 * (a captive portal, a dead link), so requests still go out and handle their own failures.
 */
export const knownOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false

/**
 * Zod speeds object parsing up by compiling code with `new Function` where the page allows it,
 * and finds out by trying once. Our pages forbid it (the CSP's script-src has no
 * 'unsafe-eval'), so the try only leaves a CSP violation in the console and in Lighthouse's
 * best practices. Saying so up front skips the probe; parsing is the same as before.
 *
 * Said through the object zod keeps its settings in, `globalThis.__zod_globalConfig` (shared by
 * every copy of zod on a page since zod 4.4, colinhacks/zod#5889), rather than `z.config()`:
 * importing zod here would move part of it into the app's first chunk, and the VR screen's
 * budget has no room for it. Works whether zod is loaded before or after this runs (the same
 * object is changed, not replaced); zod-without-eval.test.ts checks it against the installed zod.
 */
type ZodGlobal = { __zod_globalConfig?: { jitless?: boolean } }

export function tellZodEvalIsForbidden(scope: object = globalThis): void {
  const g = scope as ZodGlobal
  g.__zod_globalConfig ??= {}
  g.__zod_globalConfig.jitless = true
}

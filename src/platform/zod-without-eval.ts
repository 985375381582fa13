import { z } from 'zod'

// Zod speeds object parsing up by compiling code with `new Function` where the page allows it,
// and finds out by trying once. Our pages forbid it (the CSP's script-src has no
// 'unsafe-eval'), so the try only leaves a CSP violation in the console and in Lighthouse's
// best practices. Saying so up front skips the probe; parsing is the same as before.
z.config({ jitless: true })

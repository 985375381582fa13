import { describe, expect, it } from 'vitest'
import { tellZodEvalIsForbidden } from './zod-without-eval.ts'

/**
 * The setting goes through zod's shared settings object rather than `z.config()` (see the
 * module): this checks, against the installed zod, that zod reads it, set before or after zod
 * is loaded.
 */
describe('tellZodEvalIsForbidden', () => {
  it('turns zod’s compiled parsers off, in the object zod itself reads', async () => {
    tellZodEvalIsForbidden()
    const { config } = await import('zod')
    expect(config().jitless).toBe(true)
  })

  it('keeps the other settings of that object', () => {
    const scope = { __zod_globalConfig: { customError: 'x' } as Record<string, unknown> }
    tellZodEvalIsForbidden(scope)
    expect(scope.__zod_globalConfig).toEqual({ customError: 'x', jitless: true })
    const empty: Record<string, unknown> = {}
    tellZodEvalIsForbidden(empty)
    expect(empty).toEqual({ __zod_globalConfig: { jitless: true } })
  })
})

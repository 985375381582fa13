/**
 * Why: trainers now create and change classes, upload rosters and download whole archives, so
 * the access rules of issue 7 must hold on every one of those endpoints, for every kind of
 * caller: anonymous, a member outside the class, a trainer of another class, the class's
 * trainer, a member of the class, and an admin. A class someone may not see answers 404 like a
 * missing one; what they may see but not change answers 403; a refusal carries no data. The
 * rows are in classes-matrix.ts (authorization.test.ts counts them as covering their endpoints).
 */
import { describe, expect, it } from 'vitest'
import { CLASS_MATRIX_ROWS } from './classes-matrix.ts'
import { buildClassWorld, CALLERS } from './classes-world.ts'
import { DATABASES, serverPerTest } from './harness.ts'

describe.each(DATABASES)('class management authorization on %s', (dbKind) => {
  const start = serverPerTest(dbKind)

  for (const row of CLASS_MATRIX_ROWS)
    it(`${row.method} ${row.declared}`, async () => {
      const world = await buildClassWorld(await start())
      for (const caller of CALLERS) {
        const r = await world.devices[caller].request(
          row.method,
          row.path(world),
          row.json
            ? { json: row.json(world, caller) }
            : row.csv
              ? { raw: row.csv, headers: { 'content-type': 'text/csv' } }
              : {},
        )
        expect(r.status, `${caller}: ${r.text.slice(0, 300)}`).toBe(row.expect[caller])
        // A refusal never leaks data: its body is the error object alone.
        if (r.status >= 400) expect(Object.keys(r.body)).toEqual(['error'])
      }
    })
})

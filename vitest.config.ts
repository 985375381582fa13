import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

/**
 * Vitest's default is one worker per core less one: a single worker on a 2-core machine, where
 * the server suites spend much of their time waiting (scrypt, fsync, PostgreSQL, sockets) and
 * the run kept the cores only 54% busy, 342 s. One worker per core and one more kept them 95%
 * busy and took 211 s. Capped, so a large machine does not open more PostgreSQL connections
 * than a default server allows (each server suite opens its own pool).
 */
const maxWorkers = Math.min(4, availableParallelism() + 1)

export default defineConfig({
  test: {
    include: [
      'src/**/*.test.{ts,tsx}',
      'tests/content/**/*.test.ts',
      'tests/server/**/*.test.ts',
      'tests/chaos/**/*.test.ts',
      'tests/fuzz/**/*.test.ts',
      'scenes/**/*.test.{ts,tsx}',
      'bench/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 20000,
    maxWorkers,
  },
})

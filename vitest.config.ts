import { defineConfig } from 'vitest/config'

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
  },
})

interface ImportMetaEnv {
  /** '1' only in test builds (scripts/test-all.ts): enables window.__hongtuTest with `?test-api=1`. */
  readonly VITE_TEST_API?: string
}

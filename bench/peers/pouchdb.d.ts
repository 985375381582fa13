/** The little of PouchDB's API the drain peer uses (the package ships no types; @types/pouchdb is not installed). */
declare module 'pouchdb' {
  interface ReplicationResult {
    readonly ok: boolean
    readonly docs_written: number
    readonly doc_write_failures: number
    readonly errors: readonly unknown[]
  }
  class PouchDB {
    constructor(name: string, options?: { adapter?: string })
    static plugin(plugin: unknown): typeof PouchDB
    bulkDocs(docs: readonly object[]): Promise<unknown[]>
    info(): Promise<{ doc_count: number; update_seq: number | string }>
    destroy(): Promise<unknown>
    replicate: {
      to(
        target: PouchDB | string,
        options?: { batch_size?: number; batches_limit?: number },
      ): Promise<ReplicationResult>
    }
  }
  export default PouchDB
}

declare module 'pouchdb-adapter-memory' {
  const plugin: unknown
  export default plugin
}

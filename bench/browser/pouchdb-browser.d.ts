/** The little of pouchdb-browser the benchmark page uses (the package ships no types). */
declare module 'pouchdb-browser' {
  interface ReplicationResult {
    ok: boolean;
    docs_written: number;
  }
  class PouchDB {
    constructor(name: string, options?: Record<string, unknown>);
    static replicate(
      source: string | PouchDB,
      target: string | PouchDB,
      options?: Record<string, unknown>,
    ): Promise<ReplicationResult>;
    info(): Promise<{ doc_count: number }>;
    destroy(): Promise<void>;
    close(): Promise<void>;
  }
  export default PouchDB;
}

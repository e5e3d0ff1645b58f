/**
 * The device's database (Dexie over IndexedDB). Everything typed in the
 * field lives here first; the server only ever gets a copy.
 *
 * Each synced entity has its own table of `StoredRecord`s (the merged
 * fields plus the hlc of every field). `outbox` holds the mutations not yet
 * acknowledged by the server, keyed by their gap-free per-client id;
 * `rejected` keeps what the server refused so the user can see it;
 * `conflicts` the deletes and edits that crossed each other; `meta`
 * holds the clientId, the next mutation id, the clock, the pull cursor, the
 * server epoch and the signed-in account.
 *
 * The shapes of the rows are in db-rows.ts.
 *
 * Schema versions are append-only: never edit a released `version(n)` block,
 * add a new one with an upgrade function (STYLE.md, habit 7).
 */
import { Dexie, type Table } from 'dexie';
import type { Ballot, EntityName } from '../../domain';
import { newId } from '../../domain';
import { summariseAll, type RoundTallyRow } from './round-tallies';
import { roundTalliesMiddleware } from './round-tallies-middleware';
import type {
  BufferedTrackPoint,
  ConflictEntry,
  EntityTable,
  EvictedBlob,
  LocalBlob,
  MapPackFile,
  MetaKey,
  MetaRow,
  MetaValues,
  Novedad,
  OutboxEntry,
  RejectedChange,
  StoredRecord,
} from './db-rows';

export type * from './db-rows';

/** Which Dexie table holds each entity. */
export const ENTITY_TABLES = {
  process: 'processes',
  session: 'sessions',
  territorialUnit: 'units',
  directorate: 'directorates',
  problem: 'problems',
  tourNote: 'tourNotes',
  round: 'rounds',
  ballot: 'ballots',
  rubricTemplate: 'rubricTemplates',
  rubricScore: 'rubricScores',
  trackChunk: 'trackChunks',
  mapPack: 'mapPacks',
  visionStatement: 'visionStatements',
  project: 'projects',
  governmentArea: 'governmentAreas',
  agendaVersion: 'agendaVersions',
  agendaValidation: 'agendaValidations',
  projectStatus: 'projectStatuses',
  projectUpdate: 'projectUpdates',
} as const satisfies Record<EntityName, string>;
export type EntityTableName = (typeof ENTITY_TABLES)[EntityName];

/** A typed entity table seen with plain `Fields` (reads are sound; writes must be checked, see `tableFor`). */
function untyped(table: unknown): Table<StoredRecord, string> {
  return table as Table<StoredRecord, string>;
}

export class TequioDb extends Dexie {
  processes!: EntityTable<'process'>;
  sessions!: EntityTable<'session'>;
  units!: EntityTable<'territorialUnit'>;
  directorates!: EntityTable<'directorate'>;
  problems!: EntityTable<'problem'>;
  tourNotes!: EntityTable<'tourNote'>;
  rounds!: EntityTable<'round'>;
  /** Append-only: a ballot is never edited; corrections and annulments are new records. */
  ballots!: EntityTable<'ballot'>;
  rubricTemplates!: EntityTable<'rubricTemplate'>;
  /** Append-only, like ballots. */
  rubricScores!: EntityTable<'rubricScore'>;
  /** Append-only chunks of tour tracks. */
  trackChunks!: EntityTable<'trackChunk'>;
  /** The office's offline map packs (the list; the files are in `mapPackFiles`). */
  mapPacks!: EntityTable<'mapPack'>;
  visionStatements!: EntityTable<'visionStatement'>;
  /** Projects and actions (an action's parent in `fields.parentId`). */
  projects!: EntityTable<'project'>;
  governmentAreas!: EntityTable<'governmentArea'>;
  /** Local Agenda versions; a validated one is frozen (the server refuses any change). */
  agendaVersions!: EntityTable<'agendaVersion'>;
  /** Append-only, like ballots. */
  agendaValidations!: EntityTable<'agendaValidation'>;
  /** The follow-up's project statuses (reference data, coordinators edit). */
  projectStatuses!: EntityTable<'projectStatus'>;
  /** Dated entries of the projects' timelines. */
  projectUpdates!: EntityTable<'projectUpdate'>;
  /** GPS points as the browser delivers them, until sealed into a `trackChunk` (device only, never synced). */
  trackBuffer!: Table<BufferedTrackPoint, number>;
  /** Map pack files downloaded to this device (device only). */
  mapPackFiles!: Table<MapPackFile, string>;
  outbox!: Table<OutboxEntry, number>;
  rejected!: Table<RejectedChange, number>;
  meta!: Table<MetaRow, string>;
  /** Photos and audio by SHA-256, kept until the server has confirmed them (blobs.repository.ts). */
  blobs!: Table<LocalBlob, string>;
  /** Delete/edit conflicts to show on the sync page (conflicts.repository.ts). */
  conflicts!: Table<ConflictEntry, number>;
  /** Per round: its ballots' running tally (device only; round-tallies.ts keeps it). */
  roundTallies!: Table<RoundTallyRow, string>;
  /** Confirmed photos and audio whose device copy was freed; the server holds them (blob-eviction.ts). */
  evictedBlobs!: Table<EvictedBlob, string>;
  /** What the office changed that the field cares about, shown on "Novedades" (novedades.repository.ts). */
  novedades!: Table<Novedad, string>;
  private versionChangeListeners = new Set<() => void>();

  constructor(name = 'tequio', options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      processes: 'id',
      sessions: 'id, fields.processId',
      outbox: 'id, [entity+recordId]',
      rejected: '++key, mutationId',
      meta: 'key',
    });
    // v2: local copies of photos and audio, with their upload state.
    this.version(2).stores({ blobs: 'sha256, status' });
    // v3: delete/edit conflicts met by a pull, for the sync page.
    this.version(3).stores({ conflicts: '++key, [entity+recordId]' });
    this.version(4).stores({ units: 'id, fields.key, fields.directorateId', directorates: 'id' });
    // v5: self-diagnosis, prioritisation and rubrics (and the tour notes problems link to).
    this.version(5).stores({
      problems: 'id, fields.processId',
      tourNotes: 'id, fields.processId, fields.sessionId',
      rounds: 'id, fields.sessionId, fields.processId',
      ballots: 'id, fields.roundId',
      rubricTemplates: 'id, fields.family',
      rubricScores: 'id, fields.processId',
    });
    // v6: territorial tours (track chunks and the local point buffer) and offline map packs.
    this.version(6).stores({
      trackChunks: 'id, fields.sessionId, fields.processId',
      trackBuffer: '++key, sessionId',
      mapPacks: 'id',
      mapPackFiles: 'sha256',
    });
    // v7: confirmed photos and audio freed under storage pressure (downloaded again when shown).
    this.version(7).stores({ evictedBlobs: 'sha256' });
    // v8: vision, projects and actions, government areas, Local Agenda versions and their validations.
    this.version(8).stores({
      visionStatements: 'id, fields.processId',
      projects: 'id, fields.processId, fields.parentId',
      governmentAreas: 'id',
      agendaVersions: 'id, fields.processId',
      agendaValidations: 'id, fields.processId, fields.agendaVersionId',
    });
    // v9: the follow-up — project statuses and the projects' timelines.
    this.version(9).stores({
      projectStatuses: 'id',
      projectUpdates: 'id, fields.processId, fields.projectId',
    });
    // v10: the "novedades" the sync noted for the field (office changes, rejections, review notices).
    this.version(10).stores({ novedades: 'id, at, read' });
    // v11: running tallies of the rounds' ballots (device only), kept by roundTalliesMiddleware in the
    // same transaction as every change to ballots, built here from the ballots already stored; and
    // a round's ballots in the order cast (its latest ballots listed without reading the others).
    this.version(11)
      .stores({ roundTallies: 'roundId', ballots: 'id, fields.roundId, [fields.roundId+fields.castAt]' })
      .upgrade(async (tx) => {
        const rows = (await tx.table('ballots').toArray()) as StoredRecord<Partial<Ballot>>[];
        await tx.table('roundTallies').bulkPut(summariseAll(rows));
      });
    this.use(roundTalliesMiddleware);
    // A newer version of the app wants to upgrade this database from another tab. Step aside at
    // once (the upgrade carries records and outbox over) and let the app reload into the new code;
    // holding on would block the other tab, and this tab's old code must not write to the new schema.
    this.on('versionchange', () => {
      this.close();
      this.versionChangeListeners.forEach((listener) => listener());
      return false;
    });
    this.on('populate', (tx) => {
      const meta = tx.table('meta');
      void meta.bulkAdd([
        { key: 'clientId', value: newId() },
        { key: 'nextMutationId', value: 1 },
      ]);
    });
  }

  /** Called when another tab upgrades or deletes this database; this connection is closed by then. */
  onVersionChange(listener: () => void): () => void {
    this.versionChangeListeners.add(listener);
    return () => this.versionChangeListeners.delete(listener);
  }

  /**
   * The table of `entity` with untyped fields, for the code that handles every entity alike:
   * the local write (which checks the entity's schema before it puts a record) and the sync
   * (which puts what the server checked). Everything else reads the typed tables.
   */
  tableFor(entity: EntityName): Table<StoredRecord, string> {
    return untyped(this[ENTITY_TABLES[entity]]);
  }

  /** The table of `entity`, typed by the entity's schema. */
  entityTable<N extends EntityName>(entity: N): EntityTable<N> {
    const tables: { [E in EntityName]: EntityTable<E> } = {
      process: this.processes,
      session: this.sessions,
      territorialUnit: this.units,
      directorate: this.directorates,
      problem: this.problems,
      tourNote: this.tourNotes,
      round: this.rounds,
      ballot: this.ballots,
      rubricTemplate: this.rubricTemplates,
      rubricScore: this.rubricScores,
      trackChunk: this.trackChunks,
      mapPack: this.mapPacks,
      visionStatement: this.visionStatements,
      project: this.projects,
      governmentArea: this.governmentAreas,
      agendaVersion: this.agendaVersions,
      agendaValidation: this.agendaValidations,
      projectStatus: this.projectStatuses,
      projectUpdate: this.projectUpdates,
    };
    return tables[entity];
  }

  entityTables(): Table<StoredRecord, string>[] {
    return Object.values(ENTITY_TABLES).map((name) => untyped(this[name]));
  }

  async getMeta<K extends MetaKey>(key: K): Promise<MetaValues[K] | null> {
    const row = await this.meta.get(key);
    return row ? (row.value as MetaValues[K]) : null;
  }

  async setMeta<K extends MetaKey>(key: K, value: MetaValues[K]): Promise<void> {
    await this.meta.put({ key, value });
  }
}

// Which store the bot runs on: PostgreSQL when DATABASE_URL is set (any number of instances may
// share it), else the embedded file store in STORE_DIR, opened exactly as before (its lock, the
// snapshot before a format upgrade, journal recovery, the snapshot at start). What is the file
// store's own stays here and in the nightly snapshot; the rest of the bot sees only the port.
import type { Logger } from './app/ports.js';
import type { StorePort } from './app/port/index.js';
import type { Clock } from './app/ports.js';
import type { Config } from './config.js';
import { AgreementConflictError, type Agreement } from './domain/agreement.js';
import { SYSTEM_ACTOR } from './domain/audit.js';
import { upgradeReference } from './channel/conversationReference.js';
import { outdatedFiles, pruneSnapshots, snapshotIfDue, takeSnapshot } from './store/backups.js';
import { fileStorePort } from './store/filePort.js';
import { lockStoreDir } from './store/lock.js';
import { openPostgresStore } from './store/postgres/index.js';
import { AreaRefusedError } from './store/refusals.js';
import { seedDisagreements } from './store/seedCheck.js';
import { ServiceUrlStore } from './store/serviceUrls.js';
import { fileStorage } from './store/storage.js';
import { firstArea, Store } from './store/store.js';
import type { NightlySnapshotDone } from './scheduler/nightlyBackup.js';

/** The opened store: the port, its readiness and, for the file store, its nightly snapshot. */
export interface OpenedStore {
  kind: 'file' | 'postgres';
  port: StorePort;
  /**
   * True while the store answers: for PostgreSQL a `SELECT 1` within `timeoutMs` (else it rejects with
   * DatabaseUnavailableError, its cause the driver's error); the open file store always.
   */
  ready(timeoutMs: number): Promise<boolean>;
  /** Tonight's snapshot of the files and the pruning of old ones (file store only: a database has its own backups). */
  snapshot?: (now: Date) => Promise<NightlySnapshotDone>;
}

/**
 * Opens the store the configuration names. Rejects (DatabaseUnavailableError naming DATABASE_URL,
 * StoreFileError, StoreLockedError) when it cannot: the bot does not start then.
 */
export async function openConfiguredStore(
  config: Config,
  seed: readonly Agreement[],
  clock: Clock,
  logger: Logger,
): Promise<OpenedStore> {
  const opened = config.database
    ? await openDatabaseStore(config, config.database, seed, clock, logger)
    : await openFileStore(config, seed, clock, logger);
  for (const warning of seedDisagreements(await opened.port.areas.areas(), config)) logger.warn({}, warning);
  return opened;
}

async function openDatabaseStore(
  config: Config,
  database: NonNullable<Config['database']>,
  seed: readonly Agreement[],
  clock: Clock,
  logger: Logger,
): Promise<OpenedStore> {
  const store = await openPostgresStore({
    url: database.url,
    max: database.poolMax,
    // A connection cut while idle: the pool replaces it. The message names no address or password.
    onError: (error) => logger.warn({ err: { message: error.message } }, 'a database connection was lost'),
  });
  const created = await seedEmptyDatabase(store, config, seed, clock.now());
  logger.info(
    {
      store: 'postgres',
      migrated: store.migrated,
      created,
      areas: (await store.areas.areas()).length,
      poolMax: database.poolMax,
    },
    created ? 'store created in the database with the bundled agreements' : 'store opened',
  );
  return { kind: 'postgres', port: store, ready: (timeoutMs) => store.probe(timeoutMs).then(() => true) };
}

/**
 * A database without areas gets the bundled agreements as its first area, as a new file store
 * does (ALLOWED_TENANTS and COORDINATORS seed it). Two instances starting on one empty database
 * both try; the database takes one area, and the other instance's refusal means it is there. That
 * refusal is the area's id or, when the other instance committed between this one's two checks
 * (READ COMMITTED), one of its agreements' ids.
 * True when this instance added it.
 */
async function seedEmptyDatabase(
  port: StorePort,
  config: Config,
  seed: readonly Agreement[],
  now: Date,
): Promise<boolean> {
  if ((await port.areas.areas()).length > 0) return false;
  const first = firstArea(seed, { tenants: config.allowedTenants, coordinators: config.coordinators });
  if (!first) return false;
  try {
    await port.areas.addArea(first.area, first.agreements, { by: SYSTEM_ACTOR, at: now, via: 'system' });
    return true;
  } catch (error) {
    const taken = error instanceof AreaRefusedError || error instanceof AgreementConflictError;
    if (taken && (await port.areas.area(first.area.id))) return false;
    throw error;
  }
}

async function openFileStore(
  config: Config,
  seed: readonly Agreement[],
  clock: Clock,
  logger: Logger,
): Promise<OpenedStore> {
  const storage = fileStorage(config.storeDir);
  const releaseLock = lockStoreDir(config.storeDir);
  process.on('exit', releaseLock);
  // No format upgrade without a backup: a snapshot of the files as they are, or no start.
  const outdated = await outdatedFiles(config.storeDir);
  if (outdated.length > 0) {
    const before = await takeSnapshot(config.storeDir, 'upgrade', { now: new Date() });
    logger.info({ snapshot: before.dir, files: outdated }, 'snapshot taken before the store format upgrade');
  }
  // The seeding of a new store is recorded at the bot's time (BOT_TODAY shifts it), so /historik
  // orders it before what is logged on the demo's days.
  const store = await Store.open(storage, seed, {
    now: clock.now(),
    tenants: config.allowedTenants,
    coordinators: config.coordinators,
    upgradeReference,
    backgroundError: (error) =>
      logger.error(
        { err: error },
        'folding a journal into its entries file failed; the journal still holds every entry',
      ),
  });
  logger.info(
    {
      store: 'file',
      storeDir: config.storeDir,
      openedAs: store.openedAs,
      areas: store.areas().length,
      agreements: store.agreements().length,
    },
    store.openedAs === 'upgraded'
      ? 'store upgraded to areas: the single area keeps ALLOWED_TENANTS and COORDINATORS'
      : 'store opened',
  );
  for (const r of store.recovered) {
    logger.info(r, r.tornBytes > 0 ? 'journal folded; a torn last line from a crash was dropped' : 'journal folded');
  }
  if (store.audit.droppedTornLine)
    logger.warn(
      { file: store.audit.label },
      'the audit log ended in a torn line (a crash during an append, never acknowledged): it was dropped',
    );
  const port = fileStorePort(store, await ServiceUrlStore.open(storage));
  const betweenWrites = <T>(read: () => Promise<T>) => store.betweenWrites(read);
  try {
    const started = await snapshotIfDue(config.storeDir, 'start', { now: new Date(), betweenWrites });
    if (started) logger.info({ snapshot: started.dir, files: started.manifest.files.length }, 'snapshot taken');
    await pruneSnapshots(config.storeDir, config.backupKeepDays, new Date());
  } catch (error) {
    logger.error({ err: error }, 'SNAPSHOT AT START FAILED: the store has no fresh backup; npm run store:check');
  }
  return {
    kind: 'file',
    port,
    ready: () => Promise.resolve(true),
    snapshot: async (now) => {
      const snapshot = await takeSnapshot(config.storeDir, 'nightly', { now, betweenWrites });
      const removed = await pruneSnapshots(config.storeDir, config.backupKeepDays, now);
      return { dir: snapshot.dir, files: snapshot.manifest.files.length, removed: removed.length };
    },
  };
}

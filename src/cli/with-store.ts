import { AsyncLocalStorage } from 'node:async_hooks';
import { openStore, storeConfigFromEnv, type Store } from '../store/store';
import { DataDirLockedError } from '../store/engines/data-dir-lock';
import { recordCliCommand } from './cli-audit';
import { CliError } from './cli-error';
import { storeBusyAsCliError } from './store-busy';

const lent = new AsyncLocalStorage<Store>();

/**
 * Runs CLI work against a store that is already open (in-process runs of many commands, as the
 * fuzz corpus does): commands use it instead of opening the configured one, and leave it open.
 */
export function withLentStore<T>(store: Store, work: () => Promise<T>): Promise<T> {
  return lent.run(store, work);
}

/** Opens the configured store (migrated), runs the work, and always closes it. */
export async function withStore<T>(work: (store: Store) => Promise<T>, options: { migrate?: boolean } = {}): Promise<T> {
  const borrowed = lent.getStore();
  if (borrowed) return work(borrowed);
  const config = storeConfigFromEnv();
  let store: Store;
  try {
    store = await openStore(config, options);
  } catch (error) {
    if (error instanceof DataDirLockedError) throw storeBusyAsCliError(error);
    const where = config.engine === 'postgres' ? 'máy chủ PostgreSQL (DATABASE_URL)' : `thư mục dữ liệu ${config.dataDir}`;
    throw new CliError(`không mở được kho dữ liệu ở ${where}: ${(error as Error).message}`, 1);
  }
  try {
    const result = await work(store);
    await recordCliCommand(store);
    return result;
  } catch (error) {
    await recordCliCommand(store, error).catch(() => undefined);
    throw error;
  } finally {
    await store.close();
  }
}

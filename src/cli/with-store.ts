import { openStore, storeConfigFromEnv, type Store } from '../store/store';
import { CliError } from './cli-error';

/** Opens the configured store (migrated), runs the work, and always closes it. */
export async function withStore<T>(work: (store: Store) => Promise<T>, options: { migrate?: boolean } = {}): Promise<T> {
  const config = storeConfigFromEnv();
  let store: Store;
  try {
    store = await openStore(config, options);
  } catch (error) {
    const where = config.engine === 'postgres' ? 'máy chủ PostgreSQL (DATABASE_URL)' : `thư mục dữ liệu ${config.dataDir}`;
    throw new CliError(`không mở được kho dữ liệu ở ${where}: ${(error as Error).message}`, 1);
  }
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

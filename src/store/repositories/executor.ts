import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../schema';

/** A repository runs on the database or inside a caller's transaction alike. */
export type Executor = Kysely<Schema> | Transaction<Schema>;

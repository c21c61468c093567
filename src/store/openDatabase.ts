import { existsSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { UserError } from '../cli/UserError.js';
import { MACROS_SQL, VIEWS_SQL } from '../aggregate/views.js';
import { TABLES_SQL } from './schema.js';

export interface Database {
  readonly path: string;
  readonly connection: DuckDBConnection;
  close(): void;
}

/**
 * Opens (creating if missing) a civic-pulse database and makes sure its tables, macros and views
 * exist. A database that another process holds open fails with a clear message, not a stack.
 */
export async function openDatabase(
  path: string,
  opts: { minimumBase?: number; readOnly?: boolean; mustExist?: boolean } = {},
): Promise<Database> {
  if (opts.mustExist && !existsSync(path)) throw new UserError(`${path}: no such database; create it with pulse run`);
  let instance: DuckDBInstance;
  try {
    // a bounded memory budget: a large batch spills to disk instead of growing with the file
    const config: Record<string, string> = { memory_limit: process.env.PULSE_MEMORY_LIMIT ?? '256MB' };
    if (opts.readOnly) config.access_mode = 'READ_ONLY';
    instance = await DuckDBInstance.create(path, config);
  } catch (e) {
    const msg = (e as Error).message;
    if (/lock/i.test(msg)) {
      throw new UserError(`${path}: the database is in use by another process; wait for it to finish and run again`);
    }
    throw new UserError(`${path}: cannot open the database (${msg.split('\n')[0]})`);
  }
  const connection = await instance.connect();
  if (!opts.readOnly) {
    await connection.run(TABLES_SQL);
    await connection.run(MACROS_SQL);
    await connection.run(VIEWS_SQL);
    if (opts.minimumBase !== undefined) {
      await connection.run(
        `INSERT INTO settings VALUES ('minimum_base', $v) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        { v: String(opts.minimumBase) },
      );
    }
  }
  return {
    path,
    connection,
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

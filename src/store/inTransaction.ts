import type { Database } from './openDatabase.js';

/**
 * Runs `work` in one transaction: committed when it returns, rolled back when it throws, so a
 * failure leaves the database as it was.
 */
export async function inTransaction<T>(db: Database, work: () => Promise<T>): Promise<T> {
  await db.connection.run('BEGIN TRANSACTION');
  let result: T;
  try {
    result = await work();
  } catch (e) {
    await db.connection.run('ROLLBACK');
    throw e;
  }
  await db.connection.run('COMMIT');
  return result;
}

import { Pool, types, type PoolConfig } from 'pg';

const INT8_OID = 20;

/**
 * A connection pool for the state and ticket stores. bigint columns (epoch milliseconds, eTags,
 * ticket numbers) come back as numbers: they stay far below 2^53, and the SQLite stores return numbers too.
 */
export function createPostgresPool(
  connectionString: string,
  { onIdleError = () => undefined, ...options }: Omit<PoolConfig, 'connectionString' | 'types'> & { onIdleError?: (error: Error) => void } = {},
): Pool {
  const pool = new Pool({
    max: 10,
    ...options,
    connectionString,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? (value: string) => Number(value) : types.getTypeParser(oid, format as 'text')) as typeof types.getTypeParser,
    },
  });
  // A server restart, failover or admin command closes idle connections; pg reports that as an
  // 'error' event that would crash the process if unhandled. The pool drops the client and the next
  // query opens a new one, so this only needs reporting.
  pool.on('error', onIdleError);
  return pool;
}

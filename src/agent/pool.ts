import type { Client, ClientConfig, Pool, PoolClient } from 'pg';
import type { Connector } from '../store/postgres/connect.js';

/** How long a connection the agent holds may stay unused before it is closed. */
const IDLE_CONNECTION_MS = 5 * 60_000;

/**
 * The agent's connections: one pool per database and login (the connection string, password
 * included), lent to a command and given back when it ends its client. A connection given back in
 * the middle of a transaction, or after an error, is closed rather than lent again: the server
 * rolls back whatever it had not committed.
 */
export async function makePools(): Promise<{
  lend: Connector;
  open: () => number;
  end: () => Promise<void>;
}> {
  const pg = (await import('pg')).default;
  const pools = new Map<string, Pool>();
  const lend: Connector = async (config: ClientConfig) => {
    const name = String(config.connectionString);
    let pool = pools.get(name);
    if (pool === undefined) {
      pool = new pg.Pool({ ...config, max: 8, idleTimeoutMillis: IDLE_CONNECTION_MS });
      // An idle connection the server closed (it restarted): the pool drops it and makes another.
      pool.on('error', () => {});
      pools.set(name, pool);
    }
    const client: PoolClient = await pool.connect();
    let broken = false;
    const onError = () => {
      broken = true;
    };
    client.on('error', onError);
    let returned = false;
    const lent = {
      query: client.query.bind(client),
      escapeIdentifier: client.escapeIdentifier.bind(client),
      on: () => lent,
      end: async () => {
        if (returned) return;
        returned = true;
        client.off('error', onError);
        client.release(broken || client.getTransactionStatus() !== 'I');
      },
    };
    return lent as unknown as Client;
  };
  return {
    lend,
    open: () => [...pools.values()].reduce((n, pool) => n + pool.totalCount, 0),
    end: async () => {
      await Promise.all([...pools.values()].map((pool) => pool.end().catch(() => {})));
    },
  };
}

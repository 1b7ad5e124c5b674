/** Where a running server can be reached. */
export interface ClusterAddress {
  /** The TCP port on 127.0.0.1 (also the number in the Unix socket's name). */
  port: number;
  /** The folder holding the Unix socket, `.s.PGSQL.<port>`. */
  socketDir: string;
  /** The superuser `postgres` over the Unix socket, no password: `postgresql://postgres@/postgres?host=…&port=…`. */
  adminUrl: string;
}

export interface Cluster extends ClusterAddress {
  /** Stops the server and removes its folder; later calls do nothing. */
  stop(): Promise<void>;
  /** Stops the server (fast: its sessions are ended) and starts it again on the same port. */
  restart(): Promise<void>;
}

/**
 * Starts a throwaway PostgreSQL server in a new temporary folder, on 127.0.0.1 at a free port and
 * on a Unix socket in that folder; it does not outlive this process.
 */
export function startCluster(): Promise<Cluster>;

import { createServer, Server } from 'node:net';
import { Pool, PoolClient } from 'pg';
import { PipeliningClient } from './pipelining-client';

/** A PostgreSQL message: type byte, length, body. */
const message = (type: string, body: Buffer) => {
  const head = Buffer.alloc(5);
  head.write(type, 0, 'latin1');
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
};

/**
 * A server that lets the client in and, in the same TCP segment, ends the connection with the
 * FATAL a restarting PostgreSQL sends (57P01, admin_shutdown): what a pool's new connection meets
 * when the server goes down just as it is handed over.
 */
function shutdownRightAfterLogin(): Promise<{ server: Server; port: number }> {
  const int32 = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeInt32BE(n);
    return b;
  };
  const fields = Buffer.concat([
    ...[
      ['S', 'FATAL'],
      ['V', 'FATAL'],
      ['C', '57P01'],
      ['M', 'terminating connection due to administrator command'],
    ].map(([k, v]) => Buffer.from(`${k}${v}\0`, 'utf8')),
    Buffer.from([0]),
  ]);
  const server = createServer((socket) => {
    socket.once('data', () => {
      socket.end(
        Buffer.concat([
          message('R', int32(0)), // AuthenticationOk
          message('Z', Buffer.from('I')), // ReadyForQuery
          message('E', fields),
        ]),
      );
    });
    socket.on('error', () => undefined);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, port: (server.address() as { port: number }).port }),
    ),
  );
}

describe('PipeliningClient when the server goes down as the pool hands it over', () => {
  it('does not take the process down: the error reaches whoever uses the client next', async () => {
    const { server, port } = await shutdownRightAfterLogin();
    const pool = new Pool({
      host: '127.0.0.1',
      port,
      user: 'u',
      database: 'd',
      Client: PipeliningClient,
      max: 1,
    });
    pool.on('error', () => undefined);
    const uncaught: Error[] = [];
    const onUncaught = (e: Error) => uncaught.push(e);
    process.prependListener('uncaughtException', onUncaught);
    try {
      // As TypeORM takes a connection: its own error listener is added a promise job later.
      const client = await new Promise<PoolClient>((ok, fail) =>
        pool.connect((err, c) => (err || !c ? fail(err) : ok(c))),
      );
      client.on('error', () => undefined);
      await new Promise((r) => setTimeout(r, 50));
      expect(uncaught).toEqual([]);
      await expect(client.query('SELECT 1')).rejects.toThrow();
      client.release(true);
    } finally {
      process.removeListener('uncaughtException', onUncaught);
      await pool.end().catch(() => undefined);
      server.close();
    }
  });
});

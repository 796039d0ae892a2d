import net from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dbDriver } from '@/lib/db/client';
import { withUserSql } from '@/lib/db/user-sql';
import { createTestUser } from '../support/users';

// Every write to a socket is a system call and wakes the Postgres backend; on the order path the
// opening, the lock and the read behind it share one write, and the last statement shares the
// COMMIT's (lib/db/user-sql.ts).
describe('withUserSql on the network', () => {
  afterEach(() => vi.restoreAllMocks());

  it('sends a unit of work in two writes: the opening with what follows it, the last statement with the COMMIT', async () => {
    if (dbDriver().kind !== 'postgres') throw new Error('this file runs against Postgres only (see vitest.config.ts)');
    const user = await createTestUser('packets');
    const work = () =>
      withUserSql(
        user.id,
        async (sql, first) => {
          const [read] = await Promise.all([sql.query<{ two: number }>('SELECT 2 AS two'), first]);
          const [last] = await sql.queryLast<{ three: number }>('SELECT 3 AS three');
          return { read, last };
        },
        { first: 'SELECT 1 AS one' },
      );
    // Once first, so the pool holds a connected client and the statements are prepared on it.
    await work();
    const writes: string[] = [];
    const pgSocket = (socket: net.Socket) => socket.remotePort === Number(new URL(process.env.DATABASE_URL ?? '').port || 5432);
    const writev = net.Socket.prototype._writev!;
    const write = net.Socket.prototype._write;
    vi.spyOn(net.Socket.prototype, '_writev').mockImplementation(function (this: net.Socket, ...args: Parameters<typeof writev>) {
      if (pgSocket(this)) writes.push(`writev of ${args[0].length}`);
      return writev.apply(this, args);
    });
    vi.spyOn(net.Socket.prototype, '_write').mockImplementation(function (this: net.Socket, ...args: Parameters<typeof write>) {
      if (pgSocket(this)) writes.push('write');
      return write.apply(this, args);
    });
    expect(await work()).toEqual({ read: [{ two: 2 }], last: { three: 3 } });
    expect(writes).toHaveLength(2);
  });
});

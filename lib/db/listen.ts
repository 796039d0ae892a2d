import 'server-only';
import type { Socket } from 'node:net';
import pg from 'pg';
import { logError } from '@/lib/log';

// A LISTEN connection is trusted only while it can prove it is alive: it sends itself a heartbeat
// every HEARTBEAT_MS and counts as live for LIVE_MS after the last one came back. A connection that
// died silently (a dropped network, a frozen serverless instance thawed minutes later) therefore
// stops counting within seconds, before anyone relies on what it did not hear.
const HEARTBEAT_MS = 2_000;
const LIVE_MS = 5_000;
const RETRY_MS = [1_000, 2_000, 5_000, 10_000, 30_000];
// Real payloads are the caller's (here 's:…' and 'u:…'); this one never is.
const BEAT = '-heartbeat-';

const open = new Set<Listener>();

/** Closes every listener of this process (disconnectDb). */
export async function closeListeners(): Promise<void> {
  await Promise.all([...open].map((listener) => listener.close()));
}

export type Listener = {
  /** True while every notification sent since the last reset is known to have been delivered. */
  live(): boolean;
  closed(): boolean;
  close(): Promise<void>;
};

/**
 * Listens on `channel` over a connection of its own. `onMessage` gets each payload; `onReset` is
 * called whenever notifications may have been missed (connection lost or not yet confirmed), so
 * the caller can forget what it learned under the old connection.
 */
export function listen(connectionString: string, channel: string, onMessage: (payload: string) => void, onReset: () => void): Listener {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`listen: unsafe channel name ${channel}`);
  let client: pg.Client | null = null;
  let lastBeat = 0;
  let closed = false;
  let attempt = 0;
  let beatTimer: NodeJS.Timeout | undefined;
  let retryTimer: NodeJS.Timeout | undefined;

  // Called once per connection, whatever ended it: forget, then try again unless closed.
  const drop = (dead: pg.Client, error: unknown) => {
    if (!closed) logError(`database: the ${channel} listener failed; retrying`, error);
    if (client === dead) client = null;
    lastBeat = 0;
    clearInterval(beatTimer);
    onReset();
    dead.end().catch(() => undefined);
    if (closed) return;
    retryTimer = setTimeout(() => void connect(), RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]);
    retryTimer.unref();
    attempt += 1;
  };

  const connect = async () => {
    const next = new pg.Client({ connectionString, application_name: `tradedeck-listen-${channel}` });
    let dead = false;
    const die = (error: unknown) => {
      if (dead) return;
      dead = true;
      drop(next, error);
    };
    next.on('error', die);
    next.on('end', () => die(new Error('connection ended')));
    next.on('notification', (message) => {
      if (message.channel !== channel) return;
      if (message.payload === BEAT) {
        lastBeat = Date.now();
        attempt = 0;
      } else if (message.payload !== undefined) {
        onMessage(message.payload);
      }
    });
    try {
      await next.connect();
      // A listener must not keep a process (a script, a test run) alive on its own.
      (next.connection.stream as Socket).unref();
      await next.query(`LISTEN ${channel}`);
    } catch (error) {
      return die(error);
    }
    if (closed) {
      dead = true;
      return void next.end().catch(() => undefined);
    }
    client = next;
    const beat = () => void next.query('SELECT pg_notify($1, $2)', [channel, BEAT]).catch(die);
    beatTimer = setInterval(beat, HEARTBEAT_MS);
    beatTimer.unref();
    beat();
  };

  void connect();
  const listener: Listener = {
    live: () => client !== null && Date.now() - lastBeat < LIVE_MS,
    closed: () => closed,
    async close() {
      open.delete(listener);
      closed = true;
      clearInterval(beatTimer);
      clearTimeout(retryTimer);
      const old = client;
      client = null;
      onReset();
      // Its 'end' event then runs drop, which does nothing more once closed.
      await old?.end().catch(() => undefined);
    },
  };
  open.add(listener);
  return listener;
}

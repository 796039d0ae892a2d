import { connect, type Socket } from 'node:net';

// The load generator shares the machine's two cores with the server and Postgres, so every
// microsecond it spends is taken from what it measures (pgbench, the baseline, is a lean C client).
// node:http cost ~0.3 ms of CPU per request here, mostly its stream and event machinery; this client
// writes a request in one call and parses only what a benchmark needs: the status, and a body
// framed by Content-Length or chunked encoding. One request at a time per connection, kept alive.

type Reply = { status: number; text: string };
const HEADER_END = Buffer.from('\r\n\r\n');
const CRLF = Buffer.from('\r\n');

export class KeepAliveConnection {
  private readonly socket: Socket;
  private readonly host: string;
  private buffered: Buffer = Buffer.alloc(0);
  private pending: { resolve: (reply: Reply) => void; reject: (error: Error) => void } | null = null;

  private constructor(socket: Socket, host: string) {
    this.socket = socket;
    this.host = host;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => this.fail(new Error('the server closed the connection')));
  }

  static open(base: string): Promise<KeepAliveConnection> {
    const url = new URL(base);
    return new Promise((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname, () => resolve(new KeepAliveConnection(socket, url.host)));
      socket.once('error', reject);
    });
  }

  post(path: string, headers: Record<string, string>, body: string): Promise<Reply> {
    if (this.pending) return Promise.reject(new Error('one request at a time per connection'));
    const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
    const head = `POST ${path} HTTP/1.1\r\nhost: ${this.host}\r\n${lines}content-length: ${Buffer.byteLength(body)}\r\n\r\n`;
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.socket.write(head + body);
    });
  }

  close(): void {
    this.pending = null;
    this.socket.destroy();
  }

  private fail(error: Error): void {
    const pending = this.pending;
    this.pending = null;
    pending?.reject(error);
  }

  private receive(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const reply = parseReply(this.buffered);
    if (reply === null || !this.pending) return;
    this.buffered = this.buffered.subarray(reply.length);
    const { resolve } = this.pending;
    this.pending = null;
    resolve({ status: reply.status, text: reply.text });
  }
}

/** A complete response at the start of `data` and its length in bytes, or null while it is still arriving. */
export function parseReply(data: Buffer): { status: number; text: string; length: number } | null {
  const headerEnd = data.indexOf(HEADER_END);
  if (headerEnd < 0) return null;
  const head = data.toString('latin1', 0, headerEnd).toLowerCase();
  const status = Number(head.slice(9, 12));
  const bodyStart = headerEnd + HEADER_END.length;
  const length = /\r\ncontent-length: *(\d+)/.exec(head);
  if (length) {
    const end = bodyStart + Number(length[1]);
    return data.length < end ? null : { status, text: data.toString('utf8', bodyStart, end), length: end };
  }
  if (!/\r\ntransfer-encoding: *chunked/.test(head)) throw new Error('a response without a length or chunked body');
  const parts: Buffer[] = [];
  for (let at = bodyStart; ; ) {
    const sizeEnd = data.indexOf(CRLF, at);
    if (sizeEnd < 0) return null;
    const size = Number.parseInt(data.toString('latin1', at, sizeEnd), 16);
    if (!Number.isInteger(size) || size < 0) throw new Error('a chunked body with a bad chunk size');
    const chunkEnd = sizeEnd + CRLF.length + size;
    if (data.length < chunkEnd + CRLF.length) return null;
    if (!data.subarray(chunkEnd, chunkEnd + CRLF.length).equals(CRLF)) throw new Error('a chunk longer than its size');
    if (size === 0) return { status, text: Buffer.concat(parts).toString('utf8'), length: chunkEnd + CRLF.length };
    parts.push(data.subarray(sizeEnd + CRLF.length, chunkEnd));
    at = chunkEnd + CRLF.length;
  }
}

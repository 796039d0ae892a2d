import { describe, expect, it } from 'vitest';
import { parseReply } from '../bench/support/keep-alive-client';

// The benchmark's HTTP client: a wrong parse would count a failed order as placed, or hang.
describe('parseReply', () => {
  // The rupee sign (3 bytes in UTF-8) is split between the two chunks.
  const rupee = Buffer.from('₹');
  const chunked = Buffer.concat([
    Buffer.from('HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n7\r\n{"a":"'),
    rupee.subarray(0, 1),
    Buffer.from('\r\n4\r\n'),
    rupee.subarray(1),
    Buffer.from('"}\r\n0\r\n\r\n'),
  ]);

  it('reads a chunked body (multi-byte characters across chunks) and its length', () => {
    expect(parseReply(chunked)).toEqual({ status: 201, text: '{"a":"₹"}', length: chunked.length });
  });

  it('waits for every byte of the response, at any split', () => {
    for (let cut = 0; cut < chunked.length; cut += 1) expect(parseReply(chunked.subarray(0, cut))).toBeNull();
  });

  it('reads a Content-Length body and leaves what follows it', () => {
    const reply = Buffer.from('HTTP/1.1 400 Bad Request\r\ncontent-length: 2\r\n\r\n{}HTTP/1.1');
    expect(parseReply(reply)).toEqual({ status: 400, text: '{}', length: reply.length - 'HTTP/1.1'.length });
  });

  it('refuses a body it cannot frame', () => {
    expect(() => parseReply(Buffer.from('HTTP/1.1 200 OK\r\nconnection: close\r\n\r\n{}'))).toThrow('without a length');
    const head = 'HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n';
    expect(() => parseReply(Buffer.from(`${head}zz\r\n{}\r\n0\r\n\r\n`))).toThrow('bad chunk size');
    expect(() => parseReply(Buffer.from(`${head}1\r\n{}\r\n0\r\n\r\n`))).toThrow('longer than its size');
  });
});

import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { MessagesRequest } from './request-schema';
import type { ApiFailure, ImageSummary } from './validate-request';

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Ids shaped like the real ones: msg_01…, toolu_01…, req_011…. */
export function newId(prefix: 'msg_01' | 'toolu_01' | 'req_011'): string {
  return prefix + Array.from(randomBytes(22), (b) => BASE62[b % 62]).join('');
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    'request-id': headers['request-id'] ?? newId('req_011'),
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, failure: ApiFailure, headers: Record<string, string> = {}): void {
  const requestId = newId('req_011');
  sendJson(
    res,
    failure.status,
    { type: 'error', error: { type: failure.type, message: failure.message }, request_id: requestId },
    { ...headers, 'request-id': requestId },
  );
}

export type ContentOut =
  | { type: 'tool_use'; id: string; name: string; input: unknown; caller: { type: 'direct' } }
  | { type: 'text'; text: string; citations: null };

export type StopReason = 'tool_use' | 'end_turn' | 'max_tokens' | 'refusal';

export type MessageOut = {
  id: string;
  type: 'message';
  role: 'assistant';
  model: string;
  content: ContentOut[];
  stop_reason: StopReason;
  stop_sequence: null;
  stop_details: { type: 'refusal'; category: null; explanation: string } | null;
  usage: {
    input_tokens: number;
    output_tokens: number;
    cache_creation_input_tokens: number;
    cache_read_input_tokens: number;
    service_tier: 'standard';
  };
};

// Rough but stable: about four characters a token for text, width × height / 750 for images.
export function estimateInputTokens(body: MessagesRequest, images: ImageSummary[]): number {
  const withoutImages = JSON.stringify(body, (key, value: unknown) => (key === 'data' ? '' : value));
  return Math.ceil(withoutImages.length / 4) + images.reduce((sum, i) => sum + Math.ceil((i.width * i.height) / 750), 0);
}

export function buildMessage(
  body: MessagesRequest,
  images: ImageSummary[],
  content: ContentOut[],
  stopReason: StopReason,
): MessageOut {
  return {
    id: newId('msg_01'),
    type: 'message',
    role: 'assistant',
    model: body.model,
    content,
    stop_reason: stopReason,
    stop_sequence: null,
    stop_details:
      stopReason === 'refusal' ? { type: 'refusal', category: null, explanation: 'The request was declined.' } : null,
    usage: {
      input_tokens: estimateInputTokens(body, images),
      output_tokens: Math.max(1, Math.ceil(JSON.stringify(content).length / 4)),
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      service_tier: 'standard',
    },
  };
}

function sseEvent(res: ServerResponse, event: string, data: unknown): void {
  res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** The message as the SSE sequence of the streaming API; the `event:` lines are mandatory. */
export function sendStream(res: ServerResponse, message: MessageOut): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'request-id': newId('req_011') });
  const start = { ...message, content: [], stop_reason: null, usage: { ...message.usage, output_tokens: 1 } };
  sseEvent(res, 'message_start', { type: 'message_start', message: start });
  message.content.forEach((block, index) => {
    if (block.type === 'tool_use') {
      const content_block = { ...block, input: {} };
      sseEvent(res, 'content_block_start', { type: 'content_block_start', index, content_block });
      sseEvent(res, 'ping', { type: 'ping' });
      const json = JSON.stringify(block.input);
      const middle = Math.floor(json.length / 2);
      for (const partial_json of [json.slice(0, middle), json.slice(middle)]) {
        const delta = { type: 'input_json_delta', partial_json };
        sseEvent(res, 'content_block_delta', { type: 'content_block_delta', index, delta });
      }
    } else {
      sseEvent(res, 'content_block_start', { type: 'content_block_start', index, content_block: { ...block, text: '' } });
      const delta = { type: 'text_delta', text: block.text };
      sseEvent(res, 'content_block_delta', { type: 'content_block_delta', index, delta });
    }
    sseEvent(res, 'content_block_stop', { type: 'content_block_stop', index });
  });
  sseEvent(res, 'message_delta', {
    type: 'message_delta',
    delta: { stop_reason: message.stop_reason, stop_sequence: null },
    usage: { output_tokens: message.usage.output_tokens },
  });
  sseEvent(res, 'message_stop', { type: 'message_stop' });
  res.end();
}

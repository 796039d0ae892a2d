import type { IncomingHttpHeaders } from 'node:http';
import sharp from 'sharp';
import type { z } from 'zod';
import { API_VERSIONS, MessagesRequestSchema, type ContentBlock, type MessagesRequest } from './request-schema';

export type ApiFailure = { status: number; type: string; message: string };
export type ImageSummary = { mediaType: string; base64Length: number; bytes: number; width: number; height: number };
export type ValidRequest = { body: MessagesRequest; version: string; images: ImageSummary[] };

// Limits from the vision and errors docs (see /work/shared/docs/anthropic.md B6).
export const MAX_IMAGE_BASE64_LENGTH = 5_242_880;
export const MAX_IMAGES_PER_REQUEST = 100;
const MAX_EDGE = 8000;
const MAX_EDGE_MANY_IMAGES = 2000;
const MANY_IMAGES = 20;

const invalid = (message: string): ApiFailure => ({ status: 400, type: 'invalid_request_error', message });

export function checkHeaders(headers: IncomingHttpHeaders, apiKey: string): ApiFailure | { version: string } {
  const bearer = headers.authorization?.match(/^Bearer (.+)$/)?.[1];
  const header = headers['x-api-key'];
  const presented = bearer ?? (typeof header === 'string' ? header : undefined);
  if (presented === undefined) {
    return { status: 401, type: 'authentication_error', message: 'x-api-key header is required' };
  }
  if (presented !== apiKey) return { status: 401, type: 'authentication_error', message: 'invalid x-api-key' };
  const version = headers['anthropic-version'];
  if (typeof version !== 'string') return invalid('anthropic-version: header is required');
  if (!API_VERSIONS.some((v) => v === version)) return invalid(`anthropic-version: invalid version ${version}`);
  return { version };
}

type Issue = z.core.$ZodIssue;

// zod reports a failed union (string | blocks[]) as one vague issue; the real API names the
// innermost field, so follow the branch that got furthest into the value.
function innermost(issue: Issue, prefix: PropertyKey[] = []): { issue: Issue; path: PropertyKey[] } {
  const path = [...prefix, ...issue.path];
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return { issue, path };
  const candidates = issue.errors.flatMap((branch) => branch.slice(0, 1).map((inner) => innermost(inner, path)));
  return candidates.reduce((best, next) => (next.path.length > best.path.length ? next : best), { issue, path });
}

function zodFailure(error: z.ZodError): ApiFailure {
  const top = error.issues[0];
  if (!top) return invalid('invalid request');
  const { issue: first, path: rawPath } = innermost(top);
  const path = rawPath.map(String).join('.');
  if (first.code === 'unrecognized_keys') {
    const where = path ? `${path}.` : '';
    return invalid(`${where}${first.keys.join(', ')}: Extra inputs are not permitted (or not modelled by fake-anthropic)`);
  }
  return invalid(`${path || 'body'}: ${first.message}`);
}

function blocksOf(content: string | ContentBlock[]): ContentBlock[] {
  return typeof content === 'string' ? [] : content;
}

function checkConversation(body: MessagesRequest): ApiFailure | undefined {
  const names = (body.tools ?? []).map((tool) => tool.name);
  if (new Set(names).size !== names.length) return invalid('tools: Tool names must be unique.');
  if (body.tool_choice && !body.tools?.length && body.tool_choice.type !== 'none') {
    return invalid('tool_choice: tool_choice may only be specified while providing tools');
  }
  if (body.tool_choice?.type === 'tool' && !names.includes(body.tool_choice.name)) {
    return invalid(`tool_choice.name: Tool '${body.tool_choice.name}' not found in provided tools`);
  }
  for (const [i, msg] of body.messages.entries()) {
    const previous = body.messages[i - 1];
    const asked = previous?.role === 'assistant' ? blocksOf(previous.content) : [];
    const expected = asked.flatMap((b) => (b.type === 'tool_use' ? [b.id] : []));
    const results = blocksOf(msg.content).flatMap((b) => (b.type === 'tool_result' ? [b.tool_use_id] : []));
    const orphan = results.find((id) => !expected.includes(id));
    if (orphan) {
      return invalid(
        `messages.${i}.content: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${orphan}. ` +
          'Each `tool_result` block must have a corresponding `tool_use` block in the previous message.',
      );
    }
    const unanswered = expected.filter((id) => !results.includes(id));
    if (unanswered.length > 0) {
      return invalid(
        `messages.${i - 1}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ` +
          unanswered.join(', '),
      );
    }
    if (msg.role === 'assistant' && blocksOf(msg.content).some((b) => b.type === 'tool_result')) {
      return invalid(`messages.${i}.content: tool_result blocks are only allowed in user messages`);
    }
  }
  return undefined;
}

function sniff(bytes: Buffer): string | undefined {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.toString('latin1', 0, 4) === 'GIF8') return 'image/gif';
  if (bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return undefined;
}

type Located = { path: string; block: Extract<ContentBlock, { type: 'image' }> };

function imagesIn(body: MessagesRequest): Located[] {
  return body.messages.flatMap((msg, m) =>
    blocksOf(msg.content).flatMap((block, b): Located[] => {
      if (block.type === 'image') return [{ path: `messages.${m}.content.${b}.image`, block }];
      if (block.type !== 'tool_result' || typeof block.content !== 'object') return [];
      const base = `messages.${m}.content.${b}.tool_result.content`;
      return (block.content ?? []).flatMap((inner, k): Located[] =>
        inner.type === 'image' ? [{ path: `${base}.${k}.image`, block: inner }] : [],
      );
    }),
  );
}

async function checkImages(body: MessagesRequest): Promise<ApiFailure | ImageSummary[]> {
  const located = imagesIn(body);
  if (located.length > MAX_IMAGES_PER_REQUEST) {
    return invalid(`Too much media: 0 document pages + ${located.length} images > ${MAX_IMAGES_PER_REQUEST}`);
  }
  const maxEdge = located.length > MANY_IMAGES ? MAX_EDGE_MANY_IMAGES : MAX_EDGE;
  const summaries: ImageSummary[] = [];
  for (const { path, block } of located) {
    const source = block.source;
    if (source.type !== 'base64') return invalid(`${path}.source: fake-anthropic only serves base64 image sources`);
    const where = `${path}.source.base64`;
    if (source.data.length > MAX_IMAGE_BASE64_LENGTH) {
      const sizes = `${source.data.length} bytes > ${MAX_IMAGE_BASE64_LENGTH} bytes`;
      return invalid(`${where}: image exceeds 5 MB maximum: ${sizes}`);
    }
    if (source.data.length === 0 || source.data.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(source.data)) {
      return invalid(`${where}.data: The image data is not valid base64 (send it without a data: prefix)`);
    }
    const bytes = Buffer.from(source.data, 'base64');
    if (sniff(bytes) !== source.media_type) {
      return invalid(`${where}.media_type: Image does not match the provided media type ${source.media_type}`);
    }
    const meta = await sharp(bytes).metadata().catch(() => undefined);
    if (!meta?.width || !meta.height) return invalid(`${where}.data: Could not process image`);
    if (meta.width > maxEdge || meta.height > maxEdge) {
      const many = located.length > MANY_IMAGES ? ' for many-image requests' : '';
      return invalid(
        `${where}.data: At least one of the image dimensions exceed max allowed size${many}: ${maxEdge} pixels`,
      );
    }
    summaries.push({
      mediaType: source.media_type,
      base64Length: source.data.length,
      bytes: bytes.length,
      width: meta.width,
      height: meta.height,
    });
  }
  return summaries;
}

/** Validates a parsed JSON body as the Messages API would; the first problem wins, as there. */
export async function validateBody(raw: unknown, version: string): Promise<ApiFailure | ValidRequest> {
  const parsed = MessagesRequestSchema.safeParse(raw);
  if (!parsed.success) return zodFailure(parsed.error);
  const body = parsed.data;
  if (version === '2026-10-21') {
    const removed = (['temperature', 'top_p', 'top_k'] as const).find((key) => body[key] !== undefined);
    if (removed) return invalid(`${removed}: Extra inputs are not permitted (removed in anthropic-version 2026-10-21)`);
  }
  const conversation = checkConversation(body);
  if (conversation) return conversation;
  const images = await checkImages(body);
  if (!Array.isArray(images)) return images;
  return { body, version, images };
}

export function isFailure(value: object): value is ApiFailure {
  return 'status' in value && 'message' in value;
}

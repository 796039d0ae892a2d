import 'server-only';
import type { z } from 'zod';
import { getCurrentUser, type CurrentUser } from '@/lib/auth/session';
import { authorizeCron } from '@/lib/http/cron-auth';
import { unauthenticated } from '@/lib/errors';
import { readJsonBody } from '@/lib/http/read-body';
import { errorResponse, json } from '@/lib/http/respond';
import { parseOrThrow } from '@/lib/http/zod-errors';

type RouteContext = { params: Promise<Record<string, string | string[]>> };

type Options<B extends z.ZodType | undefined, Q extends z.ZodType | undefined> = {
  body?: B;
  query?: Q;
  /** Bytes; JSON bodies default to 64 kB. */
  bodyLimit?: number;
};

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

type HandlerArgs<B, Q> = {
  request: Request;
  params: Record<string, string | string[]>;
  body: Parsed<B>;
  query: Parsed<Q>;
};

type Result = Response | { status?: number; data: unknown };

async function parseInputs<B extends z.ZodType | undefined, Q extends z.ZodType | undefined>(
  request: Request,
  options: Options<B, Q>,
): Promise<{ body: Parsed<B>; query: Parsed<Q> }> {
  const query = options.query
    ? parseOrThrow(options.query, Object.fromEntries(groupSearchParams(new URL(request.url).searchParams)), 'The query string is not valid.')
    : undefined;
  const body = options.body ? parseOrThrow(options.body, await readJsonBody(request, options.bodyLimit)) : undefined;
  return { body: body as Parsed<B>, query: query as Parsed<Q> };
}

/** Repeated keys (?i=a&i=b) become arrays; single keys stay strings. */
function groupSearchParams(params: URLSearchParams): Map<string, string | string[]> {
  const grouped = new Map<string, string | string[]>();
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    grouped.set(key, values.length === 1 ? (values[0] ?? '') : values);
  }
  return grouped;
}

function toResponse(result: Result): Response {
  return result instanceof Response ? result : json(result.data, { status: result.status ?? 200 });
}

/** The wrapper for route handlers that need a signed-in user. Identity comes only from the session. */
export function withUser<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  options: Options<B, Q>,
  handler: (args: HandlerArgs<B, Q> & { user: CurrentUser }) => Promise<Result>,
) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      const user = await getCurrentUser(request);
      if (!user) throw unauthenticated();
      const inputs = await parseInputs(request, options);
      return toResponse(await handler({ request, params: await context.params, ...inputs, user }));
    } catch (error) {
      return errorResponse(error, `${request.method} ${new URL(request.url).pathname}`);
    }
  };
}

/** The wrapper for the few public route handlers (registration, health). */
export function withPublic<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  options: Options<B, Q>,
  handler: (args: HandlerArgs<B, Q>) => Promise<Result>,
) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      const inputs = await parseInputs(request, options);
      return toResponse(await handler({ request, params: await context.params, ...inputs }));
    } catch (error) {
      return errorResponse(error, `${request.method} ${new URL(request.url).pathname}`);
    }
  };
}

/**
 * The wrapper for scheduled work on serverless hosts: only `Authorization: Bearer $CRON_SECRET`
 * gets in, and without a configured secret the route does not exist (404).
 */
export function withCron(handler: (args: { request: Request }) => Promise<Result>) {
  return async (request: Request): Promise<Response> => {
    try {
      authorizeCron(request);
      return toResponse(await handler({ request }));
    } catch (error) {
      return errorResponse(error, `${request.method} ${new URL(request.url).pathname}`);
    }
  };
}

const ALL_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Method = (typeof ALL_METHODS)[number];

/**
 * Handlers for the methods a route does not serve, so a wrong method gets 405 in the one error
 * shape (with Allow) instead of Next's empty 405: `export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET'])`.
 */
export function otherMethods(allowed: readonly Method[]): Record<Method, (request: Request) => Response> {
  const allow = allowed.join(', ');
  const handler = (request: Request) =>
    Response.json(
      { error: { code: 'method_not_allowed', message: `${request.method} is not supported here; use ${allow}.` } },
      { status: 405, headers: { allow, 'cache-control': 'no-store' } },
    );
  return Object.fromEntries(ALL_METHODS.map((method) => [method, handler])) as Record<Method, (request: Request) => Response>;
}

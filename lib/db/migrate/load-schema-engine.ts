import 'server-only';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as SchemaEngineWasm from '@prisma/schema-engine-wasm/schema_engine_bg';

export type SchemaEngineModule = typeof SchemaEngineWasm;

const GLUE_SPECIFIER = '@prisma/schema-engine-wasm/schema_engine_bg';
const WASM_FILE = 'schema_engine_bg.wasm';

// The wasm-bindgen glue keeps the instance in module state, so one instantiation serves every
// engine in the process; caching the promise also stops concurrent callers compiling it twice.
let cached: Promise<SchemaEngineModule> | undefined;

/** Loads and starts the WebAssembly schema engine on first use; later calls reuse it. */
export function loadSchemaEngine(): Promise<SchemaEngineModule> {
  cached ??= instantiate().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function instantiate(): Promise<SchemaEngineModule> {
  const glue: SchemaEngineModule = await import('@prisma/schema-engine-wasm/schema_engine_bg');
  const bytes = await readFile(wasmPath());
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': { ...glue } });
  glue.__wbg_set_wasm(instance.exports);
  const start = instance.exports.__wbindgen_start;
  if (typeof start !== 'function') throw new Error(`${WASM_FILE} has no __wbindgen_start export`);
  start();
  return glue;
}

// The package does not export its .wasm file, so resolve the exported glue module and take its
// sibling. The cwd fallback covers bundlers that rewrite import.meta.url (Next.js server chunks).
function wasmPath(): string {
  const candidates: string[] = [];
  try {
    const glueFile = createRequire(import.meta.url).resolve(GLUE_SPECIFIER);
    candidates.push(path.join(path.dirname(glueFile), WASM_FILE));
  } catch {
    // Fall through to the cwd candidate below.
  }
  candidates.push(path.join(process.cwd(), 'node_modules', '@prisma', 'schema-engine-wasm', WASM_FILE));
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`Cannot find ${WASM_FILE}; looked in:\n  ${candidates.join('\n  ')}`);
  return found;
}

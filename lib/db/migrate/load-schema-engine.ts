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
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': withUnrefTimers(glue) });
  glue.__wbg_set_wasm(instance.exports);
  const start = instance.exports.__wbindgen_start;
  if (typeof start !== 'function') throw new Error(`${WASM_FILE} has no __wbindgen_start export`);
  start();
  return glue;
}

// The engine arms a setTimeout for each lock or connection timeout and never clears it, which held
// a finished CLI process open for 10 s. Unref'd, a timer still fires while queries keep the
// process alive, but no longer keeps an idle process from exiting.
function withUnrefTimers(glue: SchemaEngineModule): WebAssembly.ModuleImports {
  const imports: WebAssembly.ModuleImports = { ...glue };
  for (const [name, original] of Object.entries(imports)) {
    if (!name.startsWith('__wbg_setTimeout_') || typeof original !== 'function') continue;
    imports[name] = (...args: unknown[]): unknown => {
      const handle: unknown = Reflect.apply(original, undefined, args);
      const unref: unknown = handle instanceof Object ? Reflect.get(handle, 'unref') : undefined;
      if (typeof unref === 'function') unref.call(handle);
      return handle;
    };
  }
  return imports;
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

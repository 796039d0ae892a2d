// Structured one-line logs. Callers pass context and errors, never request bodies or secrets.
export function logError(context: string, error: unknown): void {
  const detail = error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : { error };
  console.error(JSON.stringify({ level: 'error', at: new Date().toISOString(), context, ...detail }));
}

export function logInfo(context: string, fields: Record<string, string | number | boolean> = {}): void {
  console.log(JSON.stringify({ level: 'info', at: new Date().toISOString(), context, ...fields }));
}

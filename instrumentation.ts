// Runs once when a server process starts, before it answers any request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { prepareRuntime } = await import('@/lib/startup/prepare-runtime');
  try {
    await prepareRuntime();
  } catch (error) {
    // A server without its configuration or schema must not serve half-working pages.
    console.error(`Tradedeck cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

// Runs once when a server process starts, before it answers any request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { prepareRuntimeOrExit } = await import('@/lib/startup/prepare-runtime');
  await prepareRuntimeOrExit();
}

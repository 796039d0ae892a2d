import { spawnSync } from 'node:child_process';
import { createTestDatabase } from '../support/test-database';
const appDb = await createTestDatabase('tradedeck_inproc');
process.env.DATABASE_URL = appDb.url;
spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', 'scripts/db.ts', 'migrate'], { stdio: 'inherit', env: process.env });
const { createTestUser } = await import('../support/users');
const { placePaperOrder } = await import('@/lib/paper/orders/place-order');
const { seedBundledInstruments } = await import('@/lib/instruments/seed-bundled');
const { disconnectDb } = await import('@/lib/db/client');
await seedBundledInstruments();
const users = await Promise.all(Array.from({ length: 10 }, () => createTestUser('b')));
for (const round of [0, 1]) {
  const t = performance.now(); let n = 0;
  const end = Date.now() + 5000;
  await Promise.all(users.map(async (u, c) => { for (let i = 0; Date.now() < end; i++) { await placePaperOrder({ userId: u.id, input: { exchange: 'NSE', tradingsymbol: 'INFY', transaction_type: i % 2 ? 'SELL' : 'BUY', order_type: 'MARKET', product: 'MIS', quantity: 1, validity: 'DAY' } as never, idempotencyKey: `r${round}-${c}-${i}` }); n++; } }));
  console.log('round', round, (n / ((performance.now() - t) / 1000)).toFixed(1), 'orders/s');
}
await disconnectDb(); await appDb.drop(); process.exit(0);

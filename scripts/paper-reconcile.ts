// npm run paper:reconcile — checks every paper account against its ledger and fills:
// cash never negative, ended orders hold no margin, charges on fills = charges in the ledger,
// positions = sum of fills. Uses DATABASE_URL (or the embedded database). Exit 1 on any drift.
import { disconnectDb } from '@/lib/db/client';
import { reconcileAllAccounts } from '@/lib/paper/reconcile/reconcile-all';

try {
  const { accounts, drifts } = await reconcileAllAccounts();
  for (const drift of drifts) console.log(`DRIFT account ${drift.accountId} [${drift.check}] ${drift.detail}`);
  console.log(`paper:reconcile — ${accounts} account(s), ${drifts.length} drift(s)`);
  process.exitCode = drifts.length === 0 ? 0 : 1;
} finally {
  await disconnectDb();
}

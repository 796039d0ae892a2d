import { Decimal } from 'decimal.js';
import { describe, expect, it, onTestFinished } from 'vitest';
import { db } from '@/lib/db/client';
import { withUserTx } from '@/lib/db/rls';
import { seedBundledInstruments } from '@/lib/instruments/seed-bundled';
import { getPaperAccount } from '@/lib/paper/account/get-paper-account';
import { placeOrderSchema } from '@/lib/paper/orders/order-input';
import { placePaperOrder } from '@/lib/paper/orders/place-order';
import { LEDGER_PAGE } from '@/lib/paper/read/ledger-page';
import { listLedger } from '@/lib/paper/read/read-paper';
import { drifts } from '../support/paper';
import { createTestUser } from '../support/users';


const ledgerSum = async (accountId: string) => new Decimal((await db().ledgerEntry.aggregate({ where: { accountId }, _sum: { amount: true } }))._sum.amount?.toString() ?? '0');

// Integration files share one database and the engine's test reconciles every account in it: entries
// written here by hand are trade debits and credits, which only the cash check covers, never
// charges or margin, which must match fills and positions.
describe('the paper ledger', () => {
  it('keeps the account’s cash equal to the ledger on every insert, one row or many', async () => {
    const user = await createTestUser('ledger');
    const account = await getPaperAccount({ userId: user.id });
    await withUserTx(user.id, (tx) =>
      tx.ledgerEntry.createMany({
        data: [
          { userId: user.id, accountId: account.id, kind: 'TRADE_DEBIT', amount: '-12.34' },
          { userId: user.id, accountId: account.id, kind: 'TRADE_CREDIT', amount: '100.01' },
        ],
      }),
    );
    await withUserTx(user.id, (tx) => tx.ledgerEntry.create({ data: { userId: user.id, accountId: account.id, kind: 'TRADE_DEBIT', amount: '-0.67' } }));
    const cash = (await getPaperAccount({ userId: user.id })).cash;
    expect(cash).toBe('100087.00');
    expect((await ledgerSum(account.id)).toFixed(2)).toBe(cash);
  });

  it('is append-only: an entry cannot be changed, even by the owner of the tables', async () => {
    const user = await createTestUser('ledger');
    const account = await getPaperAccount({ userId: user.id });
    await expect(db().$executeRaw`UPDATE "LedgerEntry" SET amount = amount + 1 WHERE "accountId" = ${account.id}::uuid`).rejects.toThrow(/append-only/);
    expect((await ledgerSum(account.id)).toFixed(2)).toBe('100000.00');
  });

  it('lists the entries one booking writes at the same instant in the order they were booked, so the running balance is the real one', async () => {
    await seedBundledInstruments();
    const user = await createTestUser('ledger');
    const buy = placeOrderSchema.parse({ exchange: 'NSE', tradingsymbol: 'INFY', transaction_type: 'BUY', order_type: 'MARKET', product: 'CNC', quantity: 3 });
    await placePaperOrder({ userId: user.id, input: buy });
    const oldestFirst = (await listLedger({ userId: user.id })).reverse();
    // Opening balance; then the order: margin blocked at placement, released by the fill, which is
    // debited and charged.
    expect(oldestFirst.map((e) => e.kind)).toEqual(['OPENING_BALANCE', 'MARGIN_BLOCK', 'MARGIN_RELEASE', 'TRADE_DEBIT', 'CHARGE']);
    const booked = oldestFirst.slice(1);
    expect(new Set(booked.map((e) => e.created_at)).size).toBe(1);
    let balance = new Decimal(0);
    for (const entry of oldestFirst) {
      balance = balance.plus(entry.amount);
      expect(entry.balance).toBe(balance.toFixed(2));
    }
    // Never above the opening balance: a release is never listed before its block.
    expect(oldestFirst.every((e) => new Decimal(e.balance).lte(100_000))).toBe(true);
  });

  it('shows the newest entries of a long ledger, each with the balance after it', async () => {
    const user = await createTestUser('ledger');
    const account = await getPaperAccount({ userId: user.id });
    const extra = LEDGER_PAGE + 4;
    await withUserTx(user.id, (tx) =>
      tx.ledgerEntry.createMany({ data: Array.from({ length: extra }, (_, i) => ({ userId: user.id, accountId: account.id, kind: 'TRADE_DEBIT' as const, amount: `-${(i % 7) + 1}.25` })) }),
    );
    const ledger = await listLedger({ userId: user.id });
    expect(ledger).toHaveLength(LEDGER_PAGE);
    // Newest first, and the newest balance is the account's cash.
    expect(ledger[0]?.balance).toBe((await getPaperAccount({ userId: user.id })).cash);
    // The oldest one shown (the fifth debit) still counts everything before it: the opening balance
    // and the four debits that fell off the page.
    const throughFifth = [0, 1, 2, 3, 4].reduce((sum, i) => sum.minus(`${(i % 7) + 1}.25`), new Decimal(100_000));
    expect(ledger.at(-1)?.balance).toBe(throughFifth.toFixed(2));
    for (let i = 1; i < ledger.length; i += 1) {
      expect(new Decimal(ledger[i - 1]?.balance ?? 0).minus(ledger[i - 1]?.amount ?? 0).toFixed(2)).toBe(ledger[i]?.balance);
    }
  });

  it('reconciliation catches a cash or position margin that no longer matches the ledger', async () => {
    await seedBundledInstruments();
    const user = await createTestUser('ledger');
    const account = await getPaperAccount({ userId: user.id });
    await placePaperOrder({ userId: user.id, input: placeOrderSchema.parse({ exchange: 'NSE', tradingsymbol: 'INFY', transaction_type: 'BUY', order_type: 'MARKET', product: 'MIS', quantity: 5 }) });
    expect(await drifts(user.id)).toEqual([]);

    // Corruption only a direct database edit could cause, made as the tables' owner, and undone
    // afterwards: the engine's reconcile-all test checks every account of the shared database.
    await db().$executeRaw`UPDATE "PaperAccount" SET cash = cash + 1 WHERE id = ${account.id}::uuid`;
    await db().$executeRaw`UPDATE "PaperPosition" SET "marginHeld" = "marginHeld" + 1 WHERE "accountId" = ${account.id}::uuid`;
    onTestFinished(async () => {
      await db().$executeRaw`UPDATE "PaperAccount" SET cash = cash - 1 WHERE id = ${account.id}::uuid`;
      await db().$executeRaw`UPDATE "PaperPosition" SET "marginHeld" = "marginHeld" - 1 WHERE "accountId" = ${account.id}::uuid`;
    });
    const found = await drifts(user.id);
    expect(found.map((d) => d.check).sort()).toEqual(['cash', 'margin']);
  });
});

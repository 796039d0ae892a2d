import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnthropicClient } from '@/lib/analysis/claude/anthropic-client';
import { createAnalysis } from '@/lib/analysis/create-analysis';
import { getAnalysis } from '@/lib/analysis/get-analysis';
import { analysisJobHandler } from '@/lib/analysis/jobs/analysis-job-handler';
import { ANALYSIS_JOB_KIND } from '@/lib/analysis/jobs/analysis-job-kind';
import { db } from '@/lib/db/client';
import { resetEnvCache } from '@/lib/env';
import { claimNextJob } from '@/lib/jobs/claim-next-job';
import { authorizeCron } from '@/lib/http/cron-auth';
import { runCronJobs } from '@/lib/jobs/run-cron-jobs';
import { markJobSucceeded } from '@/lib/jobs/finish-job';
import type { JobHandlers } from '@/lib/jobs/job-types';
import { requeueStuckJobs } from '@/lib/jobs/requeue-stuck-jobs';
import { runDueJobs } from '@/lib/jobs/run-due-jobs';
import { FAKE_ANTHROPIC_API_KEY, startFakeAnthropic, type FakeAnthropic } from '@/tests/fakes/anthropic-server/server';
import { makeChartPng } from '@/tests/fixtures/images/make-images';
import { createTestUser } from '../support/users';

let fake: FakeAnthropic;
beforeAll(async () => {
  fake = await startFakeAnthropic();
  process.env.ANTHROPIC_API_KEY = FAKE_ANTHROPIC_API_KEY;
  resetEnvCache();
});
afterAll(async () => {
  await fake.close();
  delete process.env.ANTHROPIC_API_KEY;
  resetEnvCache();
});

async function addJobs(kind: string, count: number, fields: { maxAttempts?: number } = {}): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push((await db().job.create({ data: { kind, payload: { i }, ...fields }, select: { id: true } })).id);
  return ids;
}

describe('job worker', () => {
  it('hands each job to exactly one of several concurrent workers', async () => {
    const kind = `test.count.${Date.now()}`;
    const ids = await addJobs(kind, 12);
    const runs: string[] = [];
    const handlers: JobHandlers = {
      [kind]: {
        run: async (job) => {
          runs.push(job.id);
          await new Promise((resolve) => setImmediate(resolve));
        },
      },
    };
    const results = await Promise.all(['w1', 'w2', 'w3'].map((workerId) => runDueJobs({ handlers, workerId })));
    expect(results.reduce((sum, r) => sum + r.succeeded, 0)).toBe(12);
    expect([...runs].sort()).toEqual([...ids].sort());
    const rows = await db().job.findMany({ where: { kind } });
    expect(rows.every((r) => r.status === 'SUCCEEDED' && r.attempts === 1 && r.lockedAt === null)).toBe(true);
  });

  it('retries a failing job up to maxAttempts, then fails it and tells the handler', async () => {
    const kind = `test.fail.${Date.now()}`;
    const [id] = await addJobs(kind, 1, { maxAttempts: 2 });
    const failed: string[] = [];
    const { RetryableJobError } = await import('@/lib/jobs/job-types');
    const handlers: JobHandlers = {
      [kind]: {
        run: async () => {
          throw new RetryableJobError('upstream down');
        },
        onFailed: async (job, reason) => {
          failed.push(`${job.id}:${reason}`);
        },
      },
    };
    expect(await runDueJobs({ handlers, workerId: 'w', retryDelayMs: 0 })).toEqual({ succeeded: 0, retried: 1, failed: 1 });
    expect(failed).toEqual([`${id}:upstream down`]);
    expect(await db().job.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({ status: 'FAILED', attempts: 2, lastError: 'upstream down' });
  });

  it('re-queues a job stuck in RUNNING, and the dead worker cannot overwrite the new run', async () => {
    const kind = `test.stuck.${Date.now()}`;
    const [id] = await addJobs(kind, 1);
    const claimed = await claimNextJob({ workerId: 'dead-worker', kinds: [kind] });
    expect(claimed?.id).toBe(id);
    expect(await requeueStuckJobs({ stuckAfterMs: 60_000, handlers: {} })).toMatchObject({ requeued: 0 });
    await db().job.update({ where: { id: id! }, data: { lockedAt: new Date(Date.now() - 120_000) } });
    expect(await requeueStuckJobs({ stuckAfterMs: 60_000, handlers: {} })).toMatchObject({ requeued: 1 });
    expect(await db().job.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({ status: 'QUEUED', lockedBy: null });
    expect(await markJobSucceeded({ id: id!, workerId: 'dead-worker' })).toBe(false);
    const reclaimed = await claimNextJob({ workerId: 'alive', kinds: [kind] });
    expect(reclaimed).toMatchObject({ id, attempts: 2 });
  });

  it('after a restart, re-queues a stuck analysis and completes it', async () => {
    const user = await createTestUser('restart');
    const created = await createAnalysis({ userId: user.id, kind: 'chart', useHistory: false, images: [await makeChartPng(800, 500)] });
    // Other files' jobs share this database on Postgres; this one goes first in the queue.
    await db().job.updateMany({ where: { ownerId: user.id }, data: { runAt: new Date(0) } });
    // A worker claims the job and "crashes" mid-run.
    const claimed = await claimNextJob({ workerId: 'crashed', kinds: [ANALYSIS_JOB_KIND] });
    expect(claimed?.ownerId).toBe(user.id);
    await db().job.update({ where: { id: claimed!.id }, data: { lockedAt: new Date(Date.now() - 3_600_000) } });

    const handlers = {
      [ANALYSIS_JOB_KIND]: analysisJobHandler({
        client: () => createAnthropicClient({ apiKey: FAKE_ANTHROPIC_API_KEY, baseURL: fake.url, maxRetries: 0 }),
        model: 'claude-haiku-4-5',
      }),
    };
    expect(await requeueStuckJobs({ stuckAfterMs: 600_000, handlers })).toMatchObject({ requeued: 1 });
    await runDueJobs({ handlers, workerId: 'restarted' });
    expect(await getAnalysis({ userId: user.id, analysisId: created.id })).toMatchObject({ status: 'succeeded', model: 'claude-haiku-4-5' });
  });

  it('fails a stuck job that has used all its attempts and marks its analysis failed', async () => {
    const user = await createTestUser('exhausted');
    const created = await createAnalysis({ userId: user.id, kind: 'chart', useHistory: false, images: [await makeChartPng(820, 500)] });
    await db().job.updateMany({ where: { ownerId: user.id }, data: { status: 'RUNNING', attempts: 3, lockedBy: 'gone', lockedAt: new Date(0) } });
    const handlers = { [ANALYSIS_JOB_KIND]: analysisJobHandler() };
    expect(await requeueStuckJobs({ stuckAfterMs: 1_000, handlers })).toMatchObject({ failed: 1 });
    const failed = await getAnalysis({ userId: user.id, analysisId: created.id });
    expect(failed.status).toBe('failed');
    expect(failed.failure_reason).toMatch(/worker running this job stopped/);
  });

  it('runs due jobs from the cron route only with the right secret', async () => {
    const cron = (auth?: string) => new Request('http://localhost/api/cron/jobs', auth ? { headers: { authorization: auth } } : {});
    delete process.env.CRON_SECRET;
    resetEnvCache();
    expect(() => authorizeCron(cron('Bearer anything-at-all-here'))).toThrow(expect.objectContaining({ status: 404 }));
    process.env.CRON_SECRET = 'a-cron-secret-of-some-length';
    resetEnvCache();
    try {
      expect(() => authorizeCron(cron())).toThrow(expect.objectContaining({ status: 401 }));
      expect(() => authorizeCron(cron('Bearer wrong-secret-of-same-len'))).toThrow(expect.objectContaining({ status: 401 }));
      expect(() => authorizeCron(cron('Bearer a-cron-secret-of-some-length'))).not.toThrow();
      const result = await runCronJobs({ maxJobs: 0 });
      expect(result).toMatchObject({ succeeded: 0, failed: 0 });
    } finally {
      delete process.env.CRON_SECRET;
      resetEnvCache();
    }
  });
});

// npm run bench:analysis-preprocess — time preprocessImage on the two upload shapes that matter:
// a 4000 × 2500 PNG chart screenshot (a 4K monitor) and a 12 MP JPEG phone photo of a screen.
// Prints p50/p95 over BENCH_RUNS runs (default 15, after 2 warm-ups), bytes and estimated image
// tokens before and after, and whether the targets hold: ≤ 200 ms p50, ≤ 1,600 tokens per image.
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { estimateImageTokens } from '@/lib/analysis/images/limits';
import { preprocessImage } from '@/lib/analysis/images/preprocess-image';
import { makeChartPng } from '@/tests/fixtures/images/make-images';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARMUP = 2;
const TARGET_P50_MS = 200;
const TARGET_TOKENS = 1600;

async function phonePhotoJpeg(width: number, height: number): Promise<Buffer> {
  // A chart with sensor-like noise on top, as a photo of a monitor has.
  const chart = await sharp(await makeChartPng(width, height)).removeAlpha().raw().toBuffer();
  let state = 0x9e3779b9;
  for (let i = 0; i < chart.length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    chart[i] = Math.min(255, Math.max(0, (chart[i] ?? 0) + ((state & 0x0f) - 8)));
  }
  return sharp(chart, { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function bench(label: string, input: Buffer) {
  const meta = await sharp(input).metadata();
  let last: Awaited<ReturnType<typeof preprocessImage>> | undefined;
  const times: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const start = performance.now();
    last = await preprocessImage(input);
    if (i >= WARMUP) times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const out = last!;
  const row = {
    input: label,
    'before px': `${meta.width}×${meta.height}`,
    'before bytes': input.length,
    'before tokens': estimateImageTokens(meta.width ?? 0, meta.height ?? 0),
    'after px': `${out.width}×${out.height}`,
    'after type': out.mediaType,
    'after bytes': out.bytes,
    'after tokens': out.estimatedTokens,
    'p50 ms': Number(percentile(times, 50).toFixed(1)),
    'p95 ms': Number(percentile(times, 95).toFixed(1)),
  };
  const ok = row['p50 ms'] <= TARGET_P50_MS && out.estimatedTokens <= TARGET_TOKENS;
  return { row, ok };
}

const results = [
  await bench('4000×2500 PNG chart', await makeChartPng(4000, 2500)),
  await bench('12 MP JPEG photo', await phonePhotoJpeg(4000, 3000)),
];
console.table(results.map((r) => r.row));
const pass = results.every((r) => r.ok);
console.log(`targets (p50 ≤ ${TARGET_P50_MS} ms, ≤ ${TARGET_TOKENS} tokens per image): ${pass ? 'met' : 'NOT met'}; ${RUNS} runs each, sharp concurrency ${sharp.concurrency()}`);
process.exitCode = pass ? 0 : 1;

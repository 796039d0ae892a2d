'use client';

import { AreaSeries, createChart, type UTCTimestamp } from 'lightweight-charts';
import { useEffect, useRef } from 'react';

/** The equity curve, drawn with lightweight-charts; follows the colour scheme. */
export function EquityChart({ points }: { points: { time: string; equity: string }[] }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const dark = window.matchMedia('(prefers-color-scheme: dark)').matches;
    const chart = createChart(element, {
      height: 220,
      autoSize: true,
      layout: { background: { color: 'transparent' }, textColor: dark ? '#cbd5e1' : '#334155' },
      grid: { vertLines: { visible: false }, horzLines: { color: dark ? '#1e293b' : '#e2e8f0' } },
      timeScale: { timeVisible: true },
    });
    const series = chart.addSeries(AreaSeries, { lineColor: '#2563eb', topColor: 'rgba(37,99,235,0.3)', bottomColor: 'rgba(37,99,235,0)' });
    // Chart time must strictly increase: keep the last point of each second.
    const bySecond = new Map<number, number>();
    for (const point of points) bySecond.set(Math.floor(new Date(point.time).getTime() / 1000), Number(point.equity));
    series.setData([...bySecond.entries()].sort((a, b) => a[0] - b[0]).map(([time, value]) => ({ time: time as UTCTimestamp, value })));
    chart.timeScale().fitContent();
    return () => chart.remove();
  }, [points]);
  return <div ref={container} role="img" aria-label="Equity curve: account value after each fill" className="w-full" />;
}

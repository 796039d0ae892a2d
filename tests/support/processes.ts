import { readFileSync } from 'node:fs';

// What the tests and benchmarks need to know of server processes, read from /proc (Linux, where
// they run): a process's children and CPU time. Elsewhere: no children, no CPU figure.

/** The direct children of a process. */
export function childPids(pid: number | undefined): number[] {
  if (pid === undefined) return [];
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return []; // not Linux, or the process is gone
  }
}

/** A process and all its descendants. */
export function processTree(pid: number): number[] {
  return [pid, ...childPids(pid).flatMap(processTree)];
}

/** CPU time (user + system) a process has used so far, in ms. */
function processCpuMs(pid: number): number | null {
  try {
    // Fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 per second on Linux); the command
    // name (field 2) is in parentheses and may hold spaces, so count from the closing one.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/**
 * CPU time of a process and its descendants (a server and its workers). CPU per request is steadier
 * than requests/s on a shared machine, so the benchmarks print both.
 */
export function treeCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  const times = processTree(pid).map(processCpuMs);
  return times.some((t) => t === null) ? null : times.reduce<number>((sum, t) => sum + (t ?? 0), 0);
}

/** The parent of a process (for a Postgres backend: the postmaster), or null. */
export function parentPid(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

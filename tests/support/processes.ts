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

/**
 * The fields of /proc/<pid>/stat from the third on (state, ppid, …), or null when the process is gone
 * or this is not Linux. The command name (field 2) is in parentheses and may hold spaces, so the
 * fields are counted from the closing one.
 */
function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** CPU time (user + system: fields 14 and 15, in ticks of 10 ms) a process has used so far, in ms. */
function processCpuMs(pid: number): number | null {
  const fields = statFields(pid);
  return fields === null ? null : (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * CPU time of a process and its descendants (a server and its workers, Postgres and its backends).
 * CPU per request is steadier than requests/s on a shared machine, so the benchmarks print both.
 * A descendant that exits between listing and reading (a Postgres autovacuum worker) is skipped.
 */
export function treeCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  const [own, ...descendants] = processTree(pid).map(processCpuMs);
  if (own === null || own === undefined) return null;
  return descendants.reduce<number>((sum, t) => sum + (t ?? 0), own);
}

/** The parent of a process (for a Postgres backend: the postmaster), or null. */
export function parentPid(pid: number): number | null {
  const fields = statFields(pid);
  return fields === null ? null : Number(fields[1]);
}

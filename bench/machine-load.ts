import fs from 'node:fs';

// What else the machine did during a run. The load average at the end counts the run's own last
// minute (its server, its queries), so on its own it cannot tell a busy machine from a busy bench.
// Instead: the machine's busy CPU time over the run, less what this process and its children (the
// build, the server, the PDF worker) and PostgreSQL's processes used.

const TICK_MS = 10; // USER_HZ is 100 on Linux

interface CpuSnapshot {
  at: number;
  machineBusyMs: number;
  ownMs: number;
  postgresMs: number;
}

function machineBusyMs(): number {
  const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal …: everything but idle and iowait is work.
  const [user, nice, system, , , irq, softirq, steal] = fields as [number, number, number, number, number, number, number, number];
  return (user + nice + system + irq + softirq + steal) * TICK_MS;
}

/** utime + stime (+ cutime + cstime: children waited for) of one process, in ms. */
function processMs(pid: number | 'self', withChildren: boolean): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
  // Fields after the command: state is f[0], so utime is f[11], stime f[12], cutime f[13], cstime f[14].
  return (f[11]! + f[12]! + (withChildren ? f[13]! + f[14]! : 0)) * TICK_MS;
}

// PostgreSQL's processes by pid: their CPU time when the run started (0 for a backend that started
// later) and when last seen. A backend takes its time with it when it exits (the server's pool closes
// when the server stops), so samplePostgres() is called again just before the connections close.
const postgresAtStart = new Map<number, number>();
const postgresLastSeen = new Map<number, number>();

export function samplePostgres(atStart = false): void {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
      const pid = Number(entry);
      const ms = processMs(pid, false);
      if (!postgresAtStart.has(pid)) postgresAtStart.set(pid, atStart ? ms : 0);
      postgresLastSeen.set(pid, ms);
    } catch {
      // The process ended while we looked.
    }
  }
}

function postgresUsedMs(): number {
  let total = 0;
  for (const [pid, last] of postgresLastSeen) total += last - (postgresAtStart.get(pid) ?? 0);
  return total;
}

/** The first snapshot starts the count of PostgreSQL's time; later ones read it. */
export function cpuSnapshot(): CpuSnapshot {
  const first = postgresAtStart.size === 0;
  samplePostgres(first);
  return { at: performance.now(), machineBusyMs: machineBusyMs(), ownMs: processMs('self', true), postgresMs: first ? 0 : postgresUsedMs() };
}

/**
 * The share of the machine's CPU that other processes used between two snapshots (0 to 1). Take the
 * second after the server has exited, so its time is counted as this process's child. A PostgreSQL
 * backend that ended between samples takes its last moments with it, which can only make the share larger.
 */
export function otherWorkShare(start: CpuSnapshot, end: CpuSnapshot, cpus: number): number {
  const capacity = (end.at - start.at) * cpus;
  const other = end.machineBusyMs - start.machineBusyMs - (end.ownMs - start.ownMs) - Math.max(0, end.postgresMs - start.postgresMs);
  return capacity > 0 ? Math.max(0, other) / capacity : 0;
}

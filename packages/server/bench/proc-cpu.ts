import fs from 'node:fs';

/** A process's CPU time so far, user + system (ms), from Linux's /proc (NaN where it cannot be read). */
export function procCpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // (the command name in parentheses may hold spaces: the fields are counted after its ')')
    const [utime, stime] = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .slice(11, 13)
      .map(Number);
    return ((utime + stime) * 1000) / 100; // clock ticks of USER_HZ = 100
  } catch {
    return NaN;
  }
}

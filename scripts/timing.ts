/** The bench's timer: the best of several runs, so a busy moment of the machine is not the figure. */
export function best(times: number, f: () => unknown): number {
  let min = Infinity;
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    f();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

export async function bestAsync(times: number, f: () => Promise<unknown>): Promise<number> {
  let min = Infinity;
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await f();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

// Issue 18 point 6: one import at a time; the others wait in order and are told how many are before them.
import { describe, expect, it } from 'vitest';
import { ImportQueue } from './import-queue.ts';

const later = () => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return { gate, release };
};

describe('ImportQueue', () => {
  it('runs one at a time in the order they came, telling each how many are before it and when it starts', async () => {
    const queue = new ImportQueue(2);
    const log: string[] = [];
    const gates = [later(), later(), later()];
    const job = (n: number) =>
      queue.run(
        async () => {
          log.push(`start ${n}`);
          await gates[n]!.gate;
          log.push(`end ${n}`);
          return n;
        },
        (ahead) => log.push(`${n} ahead ${ahead}`),
      );
    const runs = [job(0), job(1), job(2)];
    await new Promise((resolve) => setImmediate(resolve));
    expect(queue.full).toBe(true);
    expect(queue.size).toBe(3);
    await expect(queue.run(() => Promise.resolve(3))).rejects.toMatchObject({ code: 'IMPORT_QUEUE_FULL', status: 429 });
    gates[0]!.release();
    await runs[0];
    await new Promise((resolve) => setImmediate(resolve));
    gates[1]!.release();
    await runs[1];
    await new Promise((resolve) => setImmediate(resolve));
    gates[2]!.release();
    expect(await Promise.all(runs)).toEqual([0, 1, 2]);
    expect(log).toEqual([
      'start 0',
      '1 ahead 1',
      '2 ahead 2',
      'end 0',
      '2 ahead 1',
      '1 ahead 0',
      'start 1',
      'end 1',
      '2 ahead 0',
      'start 2',
      'end 2',
    ]);
    expect(queue.size).toBe(0);
  });

  it('goes on with the next when one fails', async () => {
    const queue = new ImportQueue(1);
    const failing = queue.run(() => Promise.reject(new Error('boom')));
    const next = queue.run(() => Promise.resolve('ran'));
    await expect(failing).rejects.toThrow('boom');
    expect(await next).toBe('ran');
    expect(queue.size).toBe(0);
  });
});

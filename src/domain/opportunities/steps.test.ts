import { describe, expect, it } from 'vitest';
import { currentStageId, type Step, type StepState } from './steps.ts';

const steps = (...states: StepState[]): Step[] => states.map((state, i) => ({ stageId: 10 + i, position: i + 1, state }));

describe('currentStageId (O-7)', () => {
  it.each([
    ['all to do → first', steps('todo', 'todo', 'todo'), 10],
    ['first done → second', steps('done', 'todo', 'todo'), 11],
    ['first cancelled → second', steps('cancelled', 'todo', 'todo'), 11],
    ['a later step done does not skip an earlier to-do', steps('todo', 'done', 'todo'), 10],
    ['done, cancelled, to do → third', steps('done', 'cancelled', 'todo'), 12],
    ['nothing left to do → last done', steps('done', 'done', 'cancelled'), 11],
    ['all cancelled → last step', steps('cancelled', 'cancelled'), 11],
    ['no steps → none', [] as Step[], null],
  ])('%s', (_name, list, expected) => {
    expect(currentStageId(list)).toBe(expected);
  });

  it('orders by position, not by list order', () => {
    const shuffled: Step[] = [
      { stageId: 3, position: 3, state: 'todo' },
      { stageId: 1, position: 1, state: 'done' },
      { stageId: 2, position: 2, state: 'todo' },
    ];
    expect(currentStageId(shuffled)).toBe(2);
  });
});

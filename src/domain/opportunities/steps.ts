// O-7: each stage of the process is a step with a state per opportunity; the current stage is the
// earliest step that is neither done nor cancelled. Pure functions, tested beside this file.

export type StepState = 'todo' | 'done' | 'cancelled';
export type Step = { stageId: number; position: number; state: StepState };

/** The current stage: the earliest step still to do; when none is left, the last step that was done. */
export function currentStageId(steps: readonly Step[]): number | null {
  const ordered = [...steps].sort((a, b) => a.position - b.position);
  const todo = ordered.find((s) => s.state === 'todo');
  if (todo) return todo.stageId;
  const done = ordered.filter((s) => s.state === 'done').at(-1);
  return done?.stageId ?? ordered.at(-1)?.stageId ?? null;
}

/**
 * Moving an opportunity to a stage (board drag, stage picker): steps before it that were still to
 * do become done, the target becomes to do, later done steps become to do again. Cancelled steps
 * stay cancelled, except the target itself, which a seller chose deliberately.
 */
export function stepsForStage(steps: readonly Step[], targetStageId: number): Step[] {
  const target = steps.find((s) => s.stageId === targetStageId);
  if (!target) throw new Error(`stage ${targetStageId} is not a step of this opportunity`);
  return steps.map((step) => {
    if (step.position < target.position) return { ...step, state: step.state === 'todo' ? 'done' : step.state };
    if (step.position === target.position) return { ...step, state: 'todo' };
    return { ...step, state: step.state === 'done' ? 'todo' : step.state };
  });
}

/** Winning completes the process: every step still to do becomes done. */
export function stepsWhenWon(steps: readonly Step[]): Step[] {
  return steps.map((step) => (step.state === 'todo' ? { ...step, state: 'done' } : step));
}

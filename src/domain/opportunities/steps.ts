// O-7: each stage of the process is a step with a state per opportunity; the current stage is the
// earliest step that is neither done nor cancelled. This file reads the current stage from the
// states; the states a move or a win gives the steps are written by the SQL function
// opportunity_step_state (migration 0012), as imports and a process's new stage need them in SQL.

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

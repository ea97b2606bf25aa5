// How a CLI command run with promisified execFile failed: its exit code and what it printed.
export type Failure = { code: number; stdout: string; stderr: string };

/** Awaits a command that must fail and returns how it failed; one that succeeds (or dies without an exit code) fails the test. */
export async function failureOf(command: Promise<unknown>): Promise<Failure> {
  const outcome = await command.then(
    () => new Error('the command succeeded but should have failed'),
    (error: unknown) => error,
  );
  if (isFailure(outcome)) return outcome;
  throw outcome instanceof Error ? outcome : new Error(`the command failed without an exit code: ${String(outcome)}`);
}

function isFailure(error: unknown): error is Failure {
  if (typeof error !== 'object' || error === null) return false;
  const { code, stdout, stderr } = error as Partial<Record<keyof Failure, unknown>>;
  return typeof code === 'number' && typeof stdout === 'string' && typeof stderr === 'string';
}

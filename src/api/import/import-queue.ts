// Issue 18 point 6: imports (and their dry runs) run one at a time per server instance. Each
// holds a transaction for its whole file and reads the sheet on the HTTP thread, so two at once
// doubled the memory and halved the speed of both; the ones that come while one runs wait here,
// in order, and are told how many are before them. In memory, not a table: see
// docs/decisions/0012-import-jobs.md.
import { AppError } from '../../domain/errors.ts';

/** While waiting: `ahead` imports before this one (the running one included); 0 when its turn has come. */
export type OnWait = (ahead: number) => void;

type Waiting = { start: () => void; onWait: OnWait | undefined };

export class ImportQueue {
  private running = false;
  private readonly waiting: Waiting[] = [];

  /** `maxWaiting`: imports that may wait at once; one more is refused (429), not held with its file. */
  constructor(readonly maxWaiting: number) {}

  /** Whether one more import would be refused: checked before its file is received. */
  get full(): boolean {
    return this.running && this.waiting.length >= this.maxWaiting;
  }

  /** Imports running or waiting. */
  get size(): number {
    return this.waiting.length + (this.running ? 1 : 0);
  }

  /** Runs `work` once every import that came before it has finished. */
  async run<T>(work: () => Promise<T>, onWait?: OnWait): Promise<T> {
    if (this.running) {
      if (this.full) throw queueFull(this.maxWaiting);
      await new Promise<void>((start) => {
        this.waiting.push({ start, onWait });
        onWait?.(this.waiting.length);
      });
      onWait?.(0);
    }
    this.running = true;
    try {
      return await work();
    } finally {
      this.startNext();
    }
  }

  private startNext() {
    const next = this.waiting.shift();
    if (!next) {
      this.running = false;
      return;
    }
    // `running` stays true: the next one is handed the turn, so none can slip in between
    this.waiting.forEach((waiting, index) => waiting.onWait?.(index + 1));
    next.start();
  }
}

export const queueFull = (maxWaiting: number) =>
  new AppError('IMPORT_QUEUE_FULL', `An import is running and ${maxWaiting} more are waiting; try again when one has finished`);

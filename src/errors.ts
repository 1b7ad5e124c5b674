/**
 * Every failure a user can cause is one of these. Each carries its exit code from the contract
 * and a hint saying how to fix it; only `main` turns them into output.
 */
export abstract class NsmError extends Error {
  abstract readonly exitCode: number;
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Exit 2: an unknown flag, a bad or missing value. */
export class UsageError extends NsmError {
  readonly exitCode = 2;
}

/** Exit 3: refused by a rule (a conflict, a duplicate, an invalid state change). */
export class RuleError extends NsmError {
  readonly exitCode = 3;
}

/** Exit 4: a precinct, sector, NCO or other record that does not exist. */
export class NotFoundError extends NsmError {
  readonly exitCode = 4;
}

/** Exit 5: another nsm held the store's lock for too long. */
export class StoreBusyError extends NsmError {
  readonly exitCode = 5;
}

/** Exit 6: the store cannot be read, does not validate, or was written by a newer nsm. */
export class StoreUnreadableError extends NsmError {
  readonly exitCode = 6;
}

/** Exit 7: the store or an output file cannot be written. */
export class WriteError extends NsmError {
  readonly exitCode = 7;
}

/** Exit 130: the user pressed Ctrl-C at a prompt. */
export class InterruptedError extends NsmError {
  readonly exitCode = 130;
}

/**
 * The request context of one `XlsxHost.run`: a queue of commands that only `sync()` executes.
 *
 * - Every property set, method call and `load()` adds one action. An action's size is the UTF-8
 *   length of the JSON of its descriptor `{ path, op, args }`, which is close to what Office.js
 *   sends for it.
 * - `sync()` records the batch's size, rejects with "RequestPayloadSizeLimitExceeded" (executing
 *   nothing) past the limit, then runs the actions in order. The first failing action rejects the
 *   sync; actions before it have taken effect, actions after it are dropped, as in Excel.
 * - Once the run ends, the session is dead: its proxies throw "InvalidObjectPath", until a run
 *   is given this context again (`Excel.run(context, batch)`), which resumes it.
 * - A host may refuse every sync for a while (Excel in cell-edit mode): the sync rejects with the
 *   host's error and executes nothing.
 */
import { apiError, HostApiError, MESSAGES } from "./errors";

/** One queued command. */
interface Action {
  bytes: number;
  location: string;
  run: () => void;
}

/** What a command sends: the object it targets, the member, and its arguments. */
export interface Descriptor {
  path: string;
  op: string;
  args?: unknown;
}

/** One sync as the host records it. */
export interface SyncRecord {
  /** Request bytes: the summed size of the batch's actions. */
  bytes: number;
  /** Number of queued actions. */
  actions: number;
  /** Bytes of the loaded values sent back (JSON), for comparison with Excel's response limit. */
  responseBytes: number;
}

/** What the session needs from its host. */
export interface SessionHost {
  readonly payloadLimitBytes: number;
  readonly responseLimitBytes: number;
  recordSync(record: SyncRecord): void;
  /** The error every sync rejects with right now (Excel in cell-edit mode), or null. */
  refusal(): HostApiError | null;
  /** Called after a sync's actions ran (fires event handlers). */
  afterSync(): void;
}

let nextSessionId = 1;

/** The queue and lifetime of one run. Proxies hold their session and check it on every use. */
export class Session {
  readonly id = nextSessionId++;
  private queue: Action[] = [];
  private alive = true;
  private responseBytes = 0;
  constructor(readonly host: SessionHost) {}

  /** Whether the run that created this session is still going. */
  get isAlive(): boolean {
    return this.alive;
  }

  /** Throws "InvalidObjectPath" once the run has ended. */
  assertAlive(path: string): void {
    if (!this.alive) throw apiError("InvalidObjectPath", MESSAGES.invalidObjectPath(path));
  }

  /** Number of actions waiting for the next sync. */
  get pending(): number {
    return this.queue.length;
  }

  /** Queues an action. */
  enqueue(descriptor: Descriptor, location: string, run: () => void): void {
    this.assertAlive(descriptor.path);
    const bytes = Buffer.byteLength(JSON.stringify(descriptor), "utf8");
    this.queue.push({ bytes, location, run });
  }

  /** Adds a loaded value to the current sync's response size. */
  noteResponse(value: unknown): void {
    this.responseBytes += Buffer.byteLength(JSON.stringify(value) ?? "", "utf8");
  }

  /** Executes the queue against the workbook, like `context.sync()`. */
  async sync(): Promise<void> {
    this.assertAlive("context");
    const batch = this.queue;
    this.queue = [];
    this.responseBytes = 0;
    const bytes = batch.reduce((sum, a) => sum + a.bytes, 0);
    const record: SyncRecord = { bytes, actions: batch.length, responseBytes: 0 };
    this.host.recordSync(record);
    // Excel answers asynchronously; callers must not rely on the queue running synchronously.
    await Promise.resolve();
    const refusal = this.host.refusal();
    if (refusal !== null) throw refusal;
    if (bytes > this.host.payloadLimitBytes) {
      throw apiError("RequestPayloadSizeLimitExceeded", MESSAGES.requestPayload(bytes, this.host.payloadLimitBytes), "context.sync");
    }
    try {
      for (const action of batch) {
        try {
          action.run();
        } catch (e) {
          throw asApiError(e, action.location);
        }
      }
    } finally {
      this.host.afterSync();
    }
    record.responseBytes = this.responseBytes;
    if (this.responseBytes > this.host.responseLimitBytes) {
      throw apiError("ResponsePayloadSizeLimitExceeded", MESSAGES.responsePayload(this.responseBytes, this.host.responseLimitBytes), "context.sync");
    }
  }

  /** Makes the session usable again, for a run given this context. */
  resume(): void {
    this.alive = true;
  }

  /** Ends the session: every proxy of it becomes unusable. */
  poison(): void {
    this.alive = false;
    this.queue = [];
  }
}

function asApiError(e: unknown, location: string): HostApiError {
  if (e instanceof HostApiError) {
    if (e.debugInfo.errorLocation !== undefined) return e;
    return new HostApiError(e.code, e.message, location);
  }
  const detail = e instanceof Error ? e.message : String(e);
  return apiError("GeneralException", MESSAGES.general(detail), location);
}

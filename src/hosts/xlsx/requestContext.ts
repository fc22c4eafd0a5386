/**
 * The object handed to a batch as `Excel.RequestContext`: `workbook`, `application` and `sync()`.
 */
import type { HostState } from "./hostState";
import { Application, Workbook } from "./proxies/workbook";
import { Session, type SessionHost } from "./session";

export class RequestContext {
  /** @internal */
  readonly session: Session;
  private readonly wb: Workbook;

  constructor(host: SessionHost, state: HostState) {
    this.session = new Session(host);
    this.session.context = this;
    this.wb = new Workbook(this.session, state);
  }

  /** The workbook. */
  get workbook(): Workbook {
    this.session.assertAlive("context.workbook");
    return this.wb;
  }

  /** The application. */
  get application(): Application {
    this.session.assertAlive("context.application");
    return this.wb.application;
  }

  /** Runs the queued commands and fills loaded properties. */
  sync<T>(passThroughValue?: T): Promise<T | undefined> {
    return this.session.sync().then(() => passThroughValue);
  }
}

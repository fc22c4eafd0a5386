/**
 * The request context handed to a batch (the root proxy): `workbook`, `application` and `sync()`, the port's
 * {@link PortContext}.
 */
import type { PortContext } from "../../../excel/port";
import type { HostState } from "../exceljs/hostState";
import { Application, Workbook } from "./workbook";
import { Session, type SessionHost } from "../office/session";

export class RequestContext implements PortContext {
  /** @internal */
  readonly session: Session;
  private readonly wb: Workbook;
  private readonly app: Application;

  constructor(host: SessionHost, state: HostState) {
    this.session = new Session(host);
    this.wb = new Workbook(this.session, state);
    this.app = new Application(this.session);
  }

  /** The workbook. */
  get workbook(): Workbook {
    this.session.assertAlive("context.workbook");
    return this.wb;
  }

  /** The application. */
  get application(): Application {
    this.session.assertAlive("context.application");
    return this.app;
  }

  /** Runs the queued commands and fills loaded properties. */
  sync(): Promise<void> {
    return this.session.sync();
  }
}

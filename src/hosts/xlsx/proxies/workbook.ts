/**
 * `Excel.Workbook` and `Excel.Application`, the roots every other proxy hangs from.
 */
import { ClientObject } from "../clientObject";
import type { HostState } from "../hostState";
import type { Session } from "../session";
import { registerHost } from "./charts";
import { NamedItemCollection } from "./namedItems";
import { WorksheetCollection } from "./worksheetCollection";

/** `Excel.Application`: calculation and screen-updating switches, queued as no-op actions. */
export class Application extends ClientObject<HostState> {
  protected readonly scalarNames = ["calculationMode"] as const;

  constructor(session: Session, path: string) {
    super(session, path, "Application");
  }

  protected readScalar(): unknown {
    return "Automatic";
  }

  get calculationMode(): string { return this.prop("calculationMode"); }

  /** Suspends calculation until the next sync (nothing to suspend in the host). */
  suspendApiCalculationUntilNextSync(): void {
    this.queue("suspendApiCalculationUntilNextSync", [], () => undefined);
  }

  /** Suspends screen updating until the next sync (nothing to suspend in the host). */
  suspendScreenUpdatingUntilNextSync(): void {
    this.queue("suspendScreenUpdatingUntilNextSync", [], () => undefined);
  }

  /** Recalculates (the host does not calculate; the saved file is marked for a full recalculation on load). */
  calculate(calculationType?: string): void {
    this.queue("calculate", [calculationType ?? "Recalculate"], () => undefined);
  }
}

/** `Excel.Workbook`. */
export class Workbook extends ClientObject<HostState> {
  protected readonly scalarNames = [] as const;
  private readonly sheets: WorksheetCollection;
  private readonly namesProxy: NamedItemCollection;
  private readonly app: Application;

  constructor(session: Session, state: HostState) {
    super(session, "workbook", "Workbook");
    this.settle(state);
    registerHost(state);
    this.sheets = new WorksheetCollection(session, "workbook.worksheets").followParent(this, (s) => s.workbook);
    this.namesProxy = new NamedItemCollection(session, "workbook.names").followParent(this, (s) => s.workbook);
    this.app = new Application(session, "workbook.application").followParent(this, (s) => s);
  }

  protected readScalar(): unknown {
    return undefined;
  }

  /** The sheets, in tab order. */
  get worksheets(): WorksheetCollection {
    this.checkUsable();
    return this.sheets;
  }

  /** The workbook's defined names. */
  get names(): NamedItemCollection {
    this.checkUsable();
    return this.namesProxy;
  }

  /** The application. */
  get application(): Application {
    this.checkUsable();
    return this.app;
  }

  protected override navigation(name: string): ClientObject<unknown> | undefined {
    if (name === "worksheets") return this.worksheets as ClientObject<unknown>;
    if (name === "names") return this.names as ClientObject<unknown>;
    return undefined;
  }
}

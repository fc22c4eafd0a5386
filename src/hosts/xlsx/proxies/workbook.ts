/**
 * `Excel.Workbook` and `Excel.Application`, the roots every other proxy hangs from.
 */
import type { PortApplication, PortWorkbook } from "../../../excel/port";
import type { HostState } from "../exceljs/hostState";
import { ClientObject } from "../office/clientObject";
import type { Session } from "../office/session";
import { registerHost } from "./charts";
import { NamedItemCollection } from "./namedItems";
import { Range } from "./range";
import { selectedBox } from "../exceljs/selection";
import { activeIndex } from "../exceljs/sheets";
import { WorksheetCollection } from "./worksheets";

/** `Excel.Application`: calculation and screen-updating suspensions, queued as no-op actions. */
export class Application extends ClientObject<null> implements PortApplication {
  constructor(session: Session) {
    super(session, "workbook.application", "Application");
    this.settle(null);
  }

  /** Suspends calculation until the next sync (nothing to suspend in the host). */
  suspendApiCalculationUntilNextSync(): void {
    this.queue("suspendApiCalculationUntilNextSync", [], () => undefined, () => undefined);
  }

  /** Suspends screen updating until the next sync (nothing to suspend in the host). */
  suspendScreenUpdatingUntilNextSync(): void {
    this.queue("suspendScreenUpdatingUntilNextSync", [], () => undefined, () => undefined);
  }
}

/** `Excel.Workbook`: its sheets and its defined names. */
export class Workbook extends ClientObject<HostState> implements PortWorkbook {
  private readonly sheets: WorksheetCollection;
  private readonly namesProxy: NamedItemCollection;

  constructor(session: Session, state: HostState) {
    super(session, "workbook", "Workbook");
    this.settle(state);
    registerHost(state);
    this.sheets = new WorksheetCollection(session, "workbook.worksheets").followParent(this, (s) => s.workbook);
    this.namesProxy = new NamedItemCollection(session, "workbook.names").followParent(this, (s) => s.workbook);
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

  /** The selected range: the active sheet's selection (A1 on a sheet never selected in). */
  getSelectedRange(): Range {
    return this.spawn(new Range(this.session, "workbook.getSelectedRange()"), "getSelectedRange", [], (state) => {
      const ws = state.workbook.worksheets[activeIndex(state.workbook)];
      return ws === undefined ? null : { ws, box: selectedBox(state, ws) };
    });
  }
}

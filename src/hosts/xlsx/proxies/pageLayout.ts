/**
 * `Excel.PageLayout` (ExcelApi 1.9): orientation, paper size, zoom and print title rows, written
 * into ExcelJS's `ws.pageSetup` (see ../exceljs/pageSetup.ts for the rules).
 */
import type * as ExcelJS from "exceljs";
import type { PortPageLayout } from "../../../excel/port";
import { setOrientation, setPaperSize, setPrintTitleRows, setZoom } from "../exceljs/pageSetup";
import { ClientObject } from "../office/clientObject";
import type { Session } from "../office/session";

export class PageLayout extends ClientObject<ExcelJS.Worksheet> implements PortPageLayout {
  constructor(session: Session, path: string) {
    super(session, path, "PageLayout");
  }

  get orientation(): PortPageLayout["orientation"] { return this.prop("orientation"); }
  set orientation(value: PortPageLayout["orientation"]) { this.queue("orientation", value, (ws) => setOrientation(ws, value)); }

  get paperSize(): PortPageLayout["paperSize"] { return this.prop("paperSize"); }
  set paperSize(value: PortPageLayout["paperSize"]) { this.queue("paperSize", value, (ws) => setPaperSize(ws, value)); }

  get zoom(): PortPageLayout["zoom"] { return this.prop("zoom"); }
  set zoom(value: PortPageLayout["zoom"]) { this.queue("zoom", value, (ws) => setZoom(ws, value)); }

  /** Sets the rows repeated at the top of every printed page: entire rows, as "$1:$2". */
  setPrintTitleRows(rows: string): void {
    this.queue("setPrintTitleRows", [rows], (ws) => setPrintTitleRows(ws, rows));
  }
}

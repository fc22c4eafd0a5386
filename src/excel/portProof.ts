/**
 * Compile-time proof that Excel provides every member of the port, so the code path can never ask
 * for something Excel lacks. Nothing here runs: `npm run typecheck` compiles it, and fails when
 * the port and `@types/office-js` disagree.
 */
import type { PortContext, PortRange, PortWorksheet } from "./port";

/** Compiles only when `Sub` is assignable to `Super`. */
type Satisfies<Super, Sub extends Super> = Sub;

/** Excel's request context is a port context: the task pane passes it to compute() as is. */
export type ExcelSatisfiesPort = Satisfies<PortContext, Excel.RequestContext>;
export type ExcelRangeSatisfiesPort = Satisfies<PortRange, Excel.Range>;
export type ExcelWorksheetSatisfiesPort = Satisfies<PortWorksheet, Excel.Worksheet>;

/** The negative check: a port asking for a member Excel lacks would not compile. */
interface PortAskingTooMuch extends PortRange {
  getEverythingAtOnce(): PortRange;
}
// @ts-expect-error Excel.Range has no getEverythingAtOnce, so Excel would not satisfy such a port.
export type ExcelLacksExtraMember = Satisfies<PortAskingTooMuch, Excel.Range>;

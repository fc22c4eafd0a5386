/**
 * The base of collection proxies (`worksheets`, `names`, `borders`, `areas`…).
 *
 * `load("items/name")` builds one item proxy per member at sync, already bound to its member, and
 * loads the selected properties on each. `items` throws "PropertyNotLoaded" until then, like
 * Office.js.
 */
import { ClientObject } from "./clientObject";
import type { Selection } from "./loadSelection";

export abstract class ClientCollection<T, I extends ClientObject<unknown>> extends ClientObject<T> {
  protected readonly scalarNames: readonly string[] = [];

  /** Builds bound proxies for the current members; runs inside sync. */
  protected abstract listItems(target: T): I[];

  protected readScalar(_target: T, _name: string): unknown {
    return undefined;
  }

  /** The members, after `load("items…")` and `context.sync()`. */
  get items(): I[] {
    return this.prop<I[]>("items");
  }

  /** @internal Loads `items` (and what is selected below it); a bare load loads every item's scalars. */
  override applyLoad(sel: Selection): void {
    const target = this.currentTarget();
    if (target === null) return;
    const itemSel: Selection = sel.get("items") ?? new Map();
    const items = this.listItems(target);
    for (const item of items) item.applyLoad(itemSel);
    this.loaded.set("items", items);
    for (const [name, sub] of sel) {
      if (name === "items") continue;
      const nav = this.navigation(name);
      if (nav !== undefined) nav.applyLoad(sub);
      else super.applyLoad(new Map([[name, sub]]));
    }
  }
}

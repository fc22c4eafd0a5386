/**
 * Parses the argument of `load()` into a tree of property names.
 *
 * Office.js accepts: nothing (every scalar property); "a,b"; ["a", "b"]; paths through navigation
 * properties and collections ("format/fill/color", "items/name"); `{ select, expand }`; and a
 * property object (`{ values: true, format: { font: { bold: true } } }`).
 *
 * An empty map means "every scalar property" for an object, and is a leaf for a scalar name.
 */

/** Property name → what to load below it (empty: the name itself, or all of a navigation's scalars). */
export type Selection = Map<string, Selection>;

function addPath(sel: Selection, path: string): void {
  const parts = path.split("/").map((p) => p.trim()).filter((p) => p !== "");
  let node = sel;
  for (const part of parts) {
    let next = node.get(part);
    if (next === undefined) {
      next = new Map();
      node.set(part, next);
    }
    node = next;
  }
}

function addList(sel: Selection, list: string | string[] | undefined): void {
  if (list === undefined) return;
  const items = Array.isArray(list) ? list : list.split(",");
  for (const item of items) if (item.trim() !== "") addPath(sel, item);
}

function addObject(sel: Selection, obj: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(obj)) {
    if (value === false || value === undefined || value === null) continue;
    let next = sel.get(key);
    if (next === undefined) {
      next = new Map();
      sel.set(key, next);
    }
    if (typeof value === "object") addObject(next, value as Record<string, unknown>);
  }
}

/**
 * Parses a `load()` argument.
 *
 * @example
 * parseLoad("items/name,items/position") //=> Map { "items" => Map { "name" => Map {}, "position" => Map {} } }
 */
export function parseLoad(spec: unknown): Selection {
  const sel: Selection = new Map();
  if (spec === undefined || spec === null) return sel;
  if (typeof spec === "string" || Array.isArray(spec)) {
    addList(sel, spec as string | string[]);
    return sel;
  }
  if (typeof spec === "object") {
    const o = spec as Record<string, unknown>;
    if ("select" in o || "expand" in o) {
      addList(sel, o.select as string | string[] | undefined);
      addList(sel, o.expand as string | string[] | undefined);
      return sel;
    }
    addObject(sel, o);
  }
  return sel;
}

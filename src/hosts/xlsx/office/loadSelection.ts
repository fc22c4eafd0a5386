/**
 * Parses the argument of `load()` into a tree of property names.
 *
 * The code path names what it loads as one comma-separated string, with paths through collections
 * and navigation properties: "values,numberFormat", "items/name,items/formula". An empty string
 * loads every scalar property of the object, as a bare `load()` does in Office.js.
 *
 * An empty map means "every scalar property" for an object, and is a leaf for a scalar name.
 */

/** Property name → what to load below it (empty: the name itself, or all of a navigation's scalars). */
export type Selection = Map<string, Selection>;

function addPath(sel: Selection, path: string): void {
  let node = sel;
  for (const part of path.split("/").map((p) => p.trim()).filter((p) => p !== "")) {
    let next = node.get(part);
    if (next === undefined) {
      next = new Map();
      node.set(part, next);
    }
    node = next;
  }
}

/**
 * Parses a `load()` argument.
 *
 * @example
 * parseLoad("items/name,items/formula") //=> Map { "items" => Map { "name" => Map {}, "formula" => Map {} } }
 */
export function parseLoad(propertyNames: string): Selection {
  const sel: Selection = new Map();
  for (const item of propertyNames.split(",")) if (item.trim() !== "") addPath(sel, item);
  return sel;
}

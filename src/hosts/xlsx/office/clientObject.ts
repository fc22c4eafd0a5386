/**
 * The base of every proxy: what Office.js's `ClientObject` does, strictly.
 *
 * - A proxy is created at once; its target (the ExcelJS object it stands for) is found only when
 *   the action that created it runs at `sync()`. Navigation proxies (`range.format`, `format.fill`)
 *   have no action of their own: they follow their parent's target.
 * - `load()` queues an action that copies the selected properties at sync. Reading a property that
 *   was not loaded throws "PropertyNotLoaded" with Excel's wording; reading one of a null object
 *   throws too (Office.js would return undefined, which hides a missing `isNullObject` check).
 * - Everything checks the session first: once the run ends, any use throws "InvalidObjectPath".
 */
import { apiError, MESSAGES } from "./errors";
import { parseLoad, type Selection } from "./loadSelection";
import type { Session } from "./session";

/** Where a proxy's target stands: not found yet, found, or a null object. */
export type TargetState = "pending" | "ok" | "null";

/** What a proxy passes along in an action's descriptor when it is an argument. */
export interface ProxyRef {
  ref: string;
}

export abstract class ClientObject<T> {
  private state: TargetState = "pending";
  private target: T | undefined;
  private follow: (() => T | null) | undefined;
  private followState: (() => TargetState) | undefined;
  /** Values copied by load() at sync, by property name. */
  protected readonly loaded = new Map<string, unknown>();

  /**
   * @param session - the run this proxy belongs to
   * @param path - how the proxy was reached, e.g. `worksheets.getItem("Data").getRange("A1")`
   * @param typeName - the Office.js class name, for error locations
   */
  constructor(readonly session: Session, readonly path: string, readonly typeName: string) {}

  /**
   * The scalar properties `load()` may select: only those the code path loads. Loading any other
   * makes sync reject with "InvalidArgument"; reading a property never loaded throws
   * "PropertyNotLoaded", so a write-only proxy needs nothing here.
   */
  protected readonly scalarNames: readonly string[] = [];

  /** Reads one scalar property from the target at sync (one of {@link scalarNames}). */
  protected readScalar(_target: T, name: string): unknown {
    throw new Error(`${this.typeName}.${name} has no reader`);
  }

  /** The navigation property of that name (format, fill, items' parent…), if there is one. */
  protected navigation(_name: string): ClientObject<unknown> | undefined {
    return undefined;
  }

  /** True when a `*OrNullObject` method found nothing. Readable after the creating action has synced. */
  get isNullObject(): boolean {
    this.checkUsable();
    const state = this.currentState();
    if (state === "pending") throw apiError("PropertyNotLoaded", MESSAGES.propertyNotLoaded("isNullObject"));
    return state === "null";
  }

  /** Queues the loading of properties; they are readable after the next `context.sync()`. */
  load(propertyNames: string): this {
    this.checkUsable();
    const sel = parseLoad(propertyNames);
    this.queue("load", propertyNames, () => this.applyLoad(sel));
    return this;
  }

  /** @internal Makes this proxy follow a parent's target (navigation properties). */
  followParent<P>(parent: ClientObject<P>, derive: (p: P) => T | null): this {
    this.follow = () => {
      const p = parent.currentTarget();
      return p === null ? null : derive(p);
    };
    this.followState = () => parent.currentState();
    return this;
  }

  /** @internal Sets the target once the creating action has run. */
  settle(target: T | null): void {
    if (target === null) {
      this.state = "null";
      this.target = undefined;
    } else {
      this.state = "ok";
      this.target = target;
    }
  }

  /** @internal Where the target stands. */
  currentState(): TargetState {
    return this.followState ? this.followState() : this.state;
  }

  /** @internal The target during sync; null for a null object. */
  currentTarget(): T | null {
    if (this.follow) return this.follow();
    if (this.state === "pending") throw apiError("InvalidObjectPath", MESSAGES.invalidObjectPath(this.path));
    return this.state === "null" ? null : (this.target as T);
  }

  /** @internal This proxy as an argument of another action, checked to be of the same live run. */
  asArgument(session: Session): ProxyRef {
    this.checkUsable();
    if (session !== this.session) throw apiError("InvalidRequestContext", MESSAGES.invalidRequestContext());
    return { ref: this.path };
  }

  /** @internal Copies the selected properties from the target; runs inside sync. */
  applyLoad(sel: Selection): void {
    const target = this.currentTarget();
    if (target === null) return;
    if (sel.size === 0) {
      for (const name of this.scalarNames) this.store(name, this.readScalar(target, name));
      return;
    }
    for (const [name, sub] of sel) {
      const nav = this.navigation(name);
      if (nav !== undefined) {
        nav.applyLoad(sub);
        continue;
      }
      if (!this.scalarNames.includes(name)) {
        throw apiError("InvalidArgument", `${MESSAGES.invalidArgument()} The property '${name}' of ${this.typeName} cannot be loaded in the xlsx host.`);
      }
      this.store(name, this.readScalar(target, name));
    }
  }

  /** Records a loaded value. */
  protected store(name: string, value: unknown): void {
    this.loaded.set(name, value);
    this.session.noteResponse(value);
  }

  /** Throws "InvalidObjectPath" when the run that created this proxy has ended. */
  protected checkUsable(): void {
    this.session.assertAlive(this.path);
  }

  /** Reads a loaded property, throwing like Office.js when it was not loaded. */
  protected prop<V>(name: string): V {
    this.checkUsable();
    if (this.currentState() === "null") throw apiError("PropertyNotLoaded", MESSAGES.nullObject(name));
    if (!this.loaded.has(name)) throw apiError("PropertyNotLoaded", MESSAGES.propertyNotLoaded(name));
    return this.loaded.get(name) as V;
  }

  /**
   * Queues an action on this object's target. On a null object the action does nothing, as in
   * Excel, unless `onNull` says otherwise.
   */
  protected queue(op: string, args: unknown, run: (target: T) => void, onNull?: () => void): void {
    this.checkUsable();
    this.session.enqueue({ path: this.path, op, args }, `${this.typeName}.${op}`, () => {
      const target = this.currentTarget();
      if (target !== null) run(target);
      else onNull?.();
    });
  }

  /**
   * Queues a method that returns another proxy; the child's target is computed when the action runs.
   * A null parent gives a null child.
   */
  protected spawn<U, C extends ClientObject<U>>(child: C, op: string, args: unknown, compute: (target: T) => U | null): C {
    this.queue(op, args, (t) => child.settle(compute(t)), () => child.settle(null));
    return child;
  }

  /** The path of a child reached by a method call. */
  protected childPath(op: string, args: unknown[]): string {
    return `${this.path}.${op}(${args.map((a) => JSON.stringify(a) ?? "").join(",")})`;
  }
}

/** The ComputeEnv for code running inside Office, shared by the task pane and the ribbon command. */
import type { ComputeEnv } from "../excel/compute";

/** package.json's version, injected by webpack's DefinePlugin. */
declare const PERFSCORE_VERSION: string;

/**
 * Describes the running Office host to compute(). Call it after Office.onReady.
 *
 * @param extra - a progress callback and a grid selection (the pane's overrides), when wanted
 */
export function officeComputeEnv(extra: Pick<ComputeEnv, "progress" | "selectGrids"> = {}): ComputeEnv {
  return {
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    charts: true,
    now: () => new Date(),
    version: typeof PERFSCORE_VERSION === "string" ? PERFSCORE_VERSION : "dev",
    ...extra,
  };
}

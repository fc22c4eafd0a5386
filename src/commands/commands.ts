/** The ribbon command's function file: registers the handlers the manifest's buttons name. */
import { COMPUTE_SCORES, computeScores } from "./computeScores";

void Office.onReady(() => {
  Office.actions.associate(COMPUTE_SCORES, computeScores);
});

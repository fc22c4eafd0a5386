/**
 * The review's worker thread: scores one file per message with scoreFile and posts the outcome
 * back. Started by runPool; the main thread hands it the next file when it answers.
 */
import { parentPort } from "worker_threads";
import { scoreFile } from "./scoreFile";
import { reviewText } from "./reviewText";
import type { FileOutcome, ReviewJob } from "./types";

const port = parentPort;
if (port !== null) {
  port.on("message", (job: ReviewJob) => {
    scoreFile(job).then(
      (outcome) => port.postMessage(outcome),
      // scoreFile turns every problem with a file into a failure; this is a bug's last stop.
      (e: unknown) => {
        const reason = reviewText(job.lang).reasons.worker(e instanceof Error ? e.message : String(e));
        const outcome: FileOutcome = { index: job.index, status: "failed", failure: { file: job.display, kind: "worker", reason } };
        port.postMessage(outcome);
      },
    );
  });
}

import type { Grade } from "../../core/types";
import type { Review, ReviewFailure, ReviewProject } from "./types";

/** What `perfscore review --json` prints: the same rows and failures as the review workbook. */
export interface ReviewJson {
  /** How many inputs were found (scored or not). */
  files: number;
  /** One per project, in the review sheet's order (largest |self − score| first). */
  projects: ReviewProject[];
  /** One per file that gave no project, in input order. */
  failures: ReviewFailure[];
  distribution: Record<Grade, number>;
  /** The review workbook written. */
  output: string;
}

/**
 * The `--json` object of a review.
 *
 * @example
 * toReviewJson({ files: 0, projects: [], failures: [], distribution: { 优: 0, 良: 0, 中: 0, 差: 0 } }, "review.xlsx").output //=> "review.xlsx"
 */
export function toReviewJson(review: Review, output: string): ReviewJson {
  return { files: review.files, projects: review.projects, failures: review.failures, distribution: review.distribution, output };
}

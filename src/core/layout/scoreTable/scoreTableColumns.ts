/**
 * The score table's columns, 0-based: 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 指标值 |
 * 实际完成值 | 完成率 | 得分 | 自评得分 | 差异 | 发现.
 *
 * @example
 * columnLetters(SCORE_COLUMNS.score) //=> "J"
 */
export const SCORE_COLUMNS = Object.freeze({
  level1: 0,
  weight1: 1,
  level2: 2,
  weight2: 3,
  level3: 4,
  weight: 5,
  target: 6,
  actual: 7,
  completion: 8,
  score: 9,
  selfScore: 10,
  difference: 11,
  findings: 12,
});

export const SCORE_COLUMN_COUNT = 13;

/** Where the score table put the cells other sheets refer to (0-based rows on the score table). */
export interface ScoreTableAnchors {
  sheet: string;
  /** The row naming the table (the project's name): the place a link to the project goes. */
  titleRow: number;
  headerRow: number;
  firstDataRow: number;
  /** Last indicator or budget row; below `firstDataRow` when the table has no rows. */
  lastDataRow: number;
  budgetRow: number | null;
  totalRow: number;
  /** The value the total row's 得分 cell (J) computes. */
  scoreSum: number;
  /** The value the total row's leaf 分值 cell (F) holds or computes. */
  weightTotal: number;
}

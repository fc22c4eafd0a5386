/**
 * The documented limits a package must meet before any part of it is inflated or parsed. A
 * workbook of a few thousand indicator rows is well under a megabyte uncompressed; the limits
 * leave two orders of magnitude of room and stop zip bombs before they cost memory.
 */

/** Total uncompressed size of all parts: 200 MB. */
export const MAX_TOTAL_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;

/** Uncompressed size of any one part: 100 MB. */
export const MAX_PART_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;

/**
 * Uncompressed-to-compressed ratio of any one part: 200. Real XML parts deflate 5–30 times; a
 * run of zeros deflates about 1000 times. The ratio is only checked for parts of at least
 * RATIO_CHECK_MIN_BYTES, since tiny parts can have any ratio without harm.
 */
export const MAX_COMPRESSION_RATIO = 200;

/** Parts smaller than this (uncompressed: 1 MB) are not held to MAX_COMPRESSION_RATIO. */
export const RATIO_CHECK_MIN_BYTES = 1024 * 1024;

/** Number of entries in the zip: 10,000. */
export const MAX_ENTRIES = 10000;

/**
 * Cells one defined name may cover before the reader leaves it out of what ExcelJS parses: 100,000.
 * ExcelJS keeps a name as the list of its cells, so a name over A1:XFD1048576 (17 billion cells)
 * in a 9 KB file would exhaust memory. Names over whole rows or columns always exceed it. The
 * name is only hidden from the reader: the written package keeps it byte for byte.
 */
export const MAX_DEFINED_NAME_CELLS = 100_000;

/** Cells all defined names together may cover in what ExcelJS parses: 1,000,000. */
export const MAX_DEFINED_NAMES_TOTAL_CELLS = 1_000_000;

/** The limits inspectPackage applies; a flag of the CLI may raise them. */
export interface PackageLimits {
  readonly maxTotalUncompressedBytes: number;
  readonly maxPartUncompressedBytes: number;
  readonly maxCompressionRatio: number;
  readonly ratioCheckMinBytes: number;
  readonly maxEntries: number;
  /** See MAX_DEFINED_NAME_CELLS. */
  readonly maxDefinedNameCells: number;
  /** See MAX_DEFINED_NAMES_TOTAL_CELLS. */
  readonly maxDefinedNamesTotalCells: number;
}

/** The default limits, from the constants above. */
export const DEFAULT_PACKAGE_LIMITS: PackageLimits = {
  maxTotalUncompressedBytes: MAX_TOTAL_UNCOMPRESSED_BYTES,
  maxPartUncompressedBytes: MAX_PART_UNCOMPRESSED_BYTES,
  maxCompressionRatio: MAX_COMPRESSION_RATIO,
  ratioCheckMinBytes: RATIO_CHECK_MIN_BYTES,
  maxEntries: MAX_ENTRIES,
  maxDefinedNameCells: MAX_DEFINED_NAME_CELLS,
  maxDefinedNamesTotalCells: MAX_DEFINED_NAMES_TOTAL_CELLS,
};

/**
 * The limits with the total and per-part sizes set to `megabytes` (the CLI's --max-size); the
 * ratio, entry and name limits stay.
 *
 * @example
 * limitsForMaxSize(500).maxTotalUncompressedBytes //=> 524288000
 */
export function limitsForMaxSize(megabytes: number): PackageLimits {
  const bytes = Math.round(megabytes * 1024 * 1024);
  return { ...DEFAULT_PACKAGE_LIMITS, maxTotalUncompressedBytes: bytes, maxPartUncompressedBytes: bytes };
}

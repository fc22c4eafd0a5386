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

/** The limits inspectPackage applies; a flag of the CLI may raise them. */
export interface PackageLimits {
  readonly maxTotalUncompressedBytes: number;
  readonly maxPartUncompressedBytes: number;
  readonly maxCompressionRatio: number;
  readonly ratioCheckMinBytes: number;
  readonly maxEntries: number;
}

/** The default limits, from the constants above. */
export const DEFAULT_PACKAGE_LIMITS: PackageLimits = {
  maxTotalUncompressedBytes: MAX_TOTAL_UNCOMPRESSED_BYTES,
  maxPartUncompressedBytes: MAX_PART_UNCOMPRESSED_BYTES,
  maxCompressionRatio: MAX_COMPRESSION_RATIO,
  ratioCheckMinBytes: RATIO_CHECK_MIN_BYTES,
  maxEntries: MAX_ENTRIES,
};

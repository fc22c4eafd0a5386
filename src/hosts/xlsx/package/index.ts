/** The package layer of the xlsx host: check a workbook's zip, and write our sheets into it. */
export { inspectPackage, describePackageProblem, type PackageInspection, type PackageProblem, type PartInfo } from "./inspectPackage";
export { composeScoredPackage, PackageComposeError, type AddedName, type ComposeOptions } from "./composeScoredPackage";
export { DEFAULT_PACKAGE_LIMITS, MAX_COMPRESSION_RATIO, MAX_ENTRIES, MAX_PART_UNCOMPRESSED_BYTES, MAX_TOTAL_UNCOMPRESSED_BYTES, RATIO_CHECK_MIN_BYTES, type PackageLimits } from "./limits";
export { PackageReadError } from "./zipEntries";
export { zipDateFor } from "./zipDateFor";
export { PartXmlError } from "./xmlParts";
export { packageForReading, cellsOfNameFormula, type HiddenName } from "./forReading";
export { limitsForMaxSize, MAX_DEFINED_NAME_CELLS, MAX_DEFINED_NAMES_TOTAL_CELLS } from "./limits";

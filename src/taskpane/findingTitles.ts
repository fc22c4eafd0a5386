/** The one place the pane imports finding titles from, so a move of the catalogue touches one line. */
export { TITLES as FINDING_TITLES } from "../core/findings/catalog";

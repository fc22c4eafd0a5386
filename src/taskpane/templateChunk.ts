/** What inserting a template needs, as one chunk the pane loads on first use (see excelQueue.ts). */
export { insertTemplate } from "../excel/insertTemplate";
export { templateSheets } from "../office/templates";

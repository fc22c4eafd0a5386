/**
 * Writes test/fixtures/package/*.xlsx|.xlsm: workbooks with the parts ExcelJS does not keep
 * (a chart on a user sheet, x14 sparklines and a cross-sheet list validation, custom document
 * properties, constant / formula / whole-column / sheet-scoped names, a VBA project, `_x005F_`
 * escaped text, control characters, explicit font colours, wrapText="0", rich text font
 * families, a calculation chain), so that the package layer's tests can prove every byte of them
 * survives. The parts are written as XML text, the way Excel lays them out, and zipped with
 * fflate at a fixed time: the files are byte-reproducible.
 *
 * Run: npx tsc -p tsconfig.node.json && node dist/scripts/buildPackageFixtures.js
 */
import * as fs from "fs";
import * as path from "path";
import { strToU8, zipSync, type Zippable } from "fflate";

const OUT = path.join(__dirname, "..", "..", "test", "fixtures", "package");
/** 2023-02-28 09:00 as local-time fields, so the DOS time in the zip does not depend on TZ. */
const MTIME = new Date(2023, 1, 28, 9, 0, 0);

const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
const XM = "http://schemas.microsoft.com/office/excel/2006/main";

export interface Variant {
  readonly file: string;
  readonly macro: boolean;
  /** false: no app.xml, no dxfs, no numFmts, no names, no calcChain, no chart, no custom.xml */
  readonly rich: boolean;
}

export const VARIANTS: readonly Variant[] = [
  { file: "kitchen-sink.xlsx", macro: false, rich: true },
  { file: "macro.xlsm", macro: true, rich: true },
  { file: "minimal.xlsx", macro: false, rich: false },
];

const SHARED = ["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "实际完成值", "得分", "产出指标", "数量指标", "参保人数", "质量指标", "资金到位率", "效益指标", "社会效益", "群众满意度", "ID_x005F_x0041_", "总分"];
const sst = (text: string): number => {
  const i = SHARED.indexOf(text);
  if (i < 0) throw new Error(`no shared string ${text}`);
  return i;
};

function contentTypes(v: Variant): string {
  const wbType = v.macro ? "application/vnd.ms-excel.sheet.macroEnabled.main+xml" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
  const o = (part: string, type: string): string => `<Override PartName="${part}" ContentType="${type}"/>`;
  return (
    DECL +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    (v.macro ? '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>' : "") +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    o("/xl/workbook.xml", wbType) +
    o("/xl/worksheets/sheet1.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml") +
    o("/xl/worksheets/sheet2.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml") +
    o("/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml") +
    o("/xl/sharedStrings.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml") +
    (v.rich
      ? o("/xl/drawings/drawing1.xml", "application/vnd.openxmlformats-officedocument.drawing+xml") +
        o("/xl/charts/chart1.xml", "application/vnd.openxmlformats-officedocument.drawingml.chart+xml") +
        o("/xl/calcChain.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml") +
        o("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml") +
        o("/docProps/custom.xml", "application/vnd.openxmlformats-officedocument.custom-properties+xml")
      : "") +
    o("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml") +
    "</Types>"
  );
}

function rootRels(v: Variant): string {
  const rel = (id: string, type: string, target: string): string => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
  return (
    DECL +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    rel("rId1", `${R}/officeDocument`, "xl/workbook.xml") +
    rel("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml") +
    (v.rich ? rel("rId3", `${R}/extended-properties`, "docProps/app.xml") + rel("rId4", `${R}/custom-properties`, "docProps/custom.xml") : "") +
    "</Relationships>"
  );
}

function workbook(v: Variant): string {
  const names = v.rich
    ? "<definedNames>" +
      '<definedName name="_xlnm.Print_Area" localSheetId="0">自评表!$A$1:$G$6</definedName>' +
      '<definedName name="Cols">\'数据\'!$A:$B</definedName>' +
      '<definedName name="LocalName" localSheetId="1">\'数据\'!$A$1</definedName>' +
      '<definedName name="Rate">0.1</definedName>' +
      '<definedName name="Total">SUM(\'数据\'!$A:$A)</definedName>' +
      "</definedNames>"
    : "";
  return (
    DECL +
    `<workbook xmlns="${MAIN}" xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main">` +
    '<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/>' +
    (v.macro ? '<workbookPr codeName="ThisWorkbook" defaultThemeVersion="166925"/>' : '<workbookPr defaultThemeVersion="166925"/>') +
    '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300" activeTab="1"/></bookViews>' +
    '<sheets><sheet name="自评表" sheetId="1" r:id="rId1"/><sheet name="数据" sheetId="2" r:id="rId2"/></sheets>' +
    names +
    '<calcPr calcId="191029"/>' +
    "</workbook>"
  );
}

function workbookRels(v: Variant): string {
  const rel = (id: string, type: string, target: string): string => `<Relationship Id="${id}" Type="${R}/${type}" Target="${target}"/>`;
  return (
    DECL +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    rel("rId1", "worksheet", "worksheets/sheet1.xml") +
    rel("rId2", "worksheet", "worksheets/sheet2.xml") +
    rel("rId3", "styles", "styles.xml") +
    rel("rId4", "sharedStrings", "sharedStrings.xml") +
    (v.rich ? rel("rId5", "calcChain", "calcChain.xml") : "") +
    (v.macro ? '<Relationship Id="rId6" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>' : "") +
    "</Relationships>"
  );
}

function styles(v: Variant): string {
  return (
    DECL +
    `<styleSheet xmlns="${MAIN}">` +
    (v.rich ? '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>' : "") +
    '<fonts count="3"><font><sz val="11"/><color theme="1"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font>' +
    '<font><b/><sz val="11"/><color rgb="FFFF0000"/><name val="宋体"/><family val="3"/><charset val="134"/></font>' +
    '<font><sz val="11"/><color rgb="FF000000"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/></xf></cellStyleXfs>' +
    '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf>' +
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="center" wrapText="0"/></xf>' +
    `<xf numFmtId="${v.rich ? 164 : 10}" fontId="2" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"><alignment vertical="center"/></xf>` +
    '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>' +
    (v.rich ? '<dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font></dxf></dxfs>' : "") +
    '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
    "</styleSheet>"
  );
}

function sharedStrings(): string {
  return DECL + `<sst xmlns="${MAIN}" count="${SHARED.length}" uniqueCount="${SHARED.length}">` + SHARED.map((t) => `<si><t>${t}</t></si>`).join("") + "</sst>";
}

function indicatorSheet(v: Variant): string {
  const s = (ref: string, text: string, style = 1): string => `<c r="${ref}" s="${style}" t="s"><v>${sst(text)}</v></c>`;
  const n = (ref: string, value: number, style = 0): string => `<c r="${ref}"${style ? ` s="${style}"` : ""}><v>${value}</v></c>`;
  const rows = [
    `<row r="1">${["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "实际完成值", "得分"].map((t, i) => s(`${"ABCDEFG"[i]}1`, t)).join("")}</row>`,
    `<row r="2">${s("A2", "产出指标", 0)}${s("B2", "数量指标", 0)}${s("C2", "参保人数", 0)}${n("D2", 40)}${n("E2", 12000)}${n("F2", 11800)}${n("G2", 39.33)}</row>`,
    `<row r="3">${s("A3", "产出指标", 0)}${s("B3", "质量指标", 0)}${s("C3", "资金到位率", 0)}${n("D3", 30)}${n("E3", 1, 2)}${n("F3", 0.98, 2)}${n("G3", 29.4)}</row>`,
    `<row r="4">${s("A4", "效益指标", 0)}${s("B4", "社会效益", 0)}${s("C4", "群众满意度", 0)}${n("D4", 30)}${n("E4", 0.9, 2)}${n("F4", 0.93, 2)}${n("G4", 30)}</row>`,
    `<row r="5">${s("A5", "总分", 0)}<c r="D5"><f>SUM(D2:D4)</f><v>100</v></c><c r="G5"><f>SUM(G2:G4)</f><v>98.73</v></c></row>`,
    `<row r="8">${s("A8", "ID_x005F_x0041_", 0)}<c r="B8" t="inlineStr"><is><t>bell_x0007_here</t></is></c>` +
      '<c r="C8" s="3" t="inlineStr"><is><r><rPr><b/><sz val="11"/><color rgb="FF0070C0"/><rFont val="黑体"/><family val="3"/><charset val="134"/></rPr><t>黑体</t></r>' +
      '<r><rPr><sz val="11"/><color theme="1"/><rFont val="Times New Roman"/><family val="1"/></rPr><t xml:space="preserve"> Roman</t></r></is></c></row>',
  ];
  const ext = v.rich
    ? '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="' + X14 + '"><x14:dataValidations count="1" xmlns:xm="' + XM + '">' +
      '<x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"><x14:formula1><xm:f>数据!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>H2:H4</xm:sqref></x14:dataValidation>' +
      "</x14:dataValidations></ext></extLst>"
    : "";
  const cf = v.rich ? '<conditionalFormatting sqref="G2:G4"><cfRule type="cellIs" dxfId="0" priority="1" operator="lessThan"><formula>30</formula></cfRule></conditionalFormatting>' : "";
  return (
    DECL +
    `<worksheet xmlns="${MAIN}" xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
    '<dimension ref="A1:G8"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="14.25" x14ac:dyDescent="0.2"/>' +
    '<cols><col min="1" max="3" width="12.625" customWidth="1"/></cols>' +
    `<sheetData>${rows.join("")}</sheetData>` +
    cf +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    ext +
    "</worksheet>"
  );
}

function dataSheet(v: Variant): string {
  const rows = [1, 2, 3].map((r) => `<row r="${r}"><c r="A${r}"><v>${r * 10}</v></c><c r="B${r}"><v>${r * 7}</v></c></row>`).join("");
  const ext = v.rich
    ? '<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="' + X14 + '"><x14:sparklineGroups xmlns:xm="' + XM + '">' +
      '<x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries theme="4" tint="-0.499984740745262"/><x14:colorNegative theme="5"/><x14:colorAxis rgb="FF000000"/><x14:colorMarkers theme="4" tint="-0.499984740745262"/><x14:colorFirst theme="4" tint="0.39997558519241921"/><x14:colorLast theme="4" tint="0.39997558519241921"/><x14:colorHigh theme="4"/><x14:colorLow theme="4"/>' +
      "<x14:sparklines><x14:sparkline><xm:f>数据!A1:B1</xm:f><xm:sqref>C1</xm:sqref></x14:sparkline><x14:sparkline><xm:f>数据!A2:B2</xm:f><xm:sqref>C2</xm:sqref></x14:sparkline></x14:sparklines>" +
      "</x14:sparklineGroup></x14:sparklineGroups></ext></extLst>"
    : "";
  return (
    DECL +
    `<worksheet xmlns="${MAIN}" xmlns:r="${R}">` +
    '<dimension ref="A1:B3"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="14.25"/>' +
    `<sheetData>${rows}</sheetData>` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    (v.rich ? '<drawing r:id="rId1"/>' : "") +
    ext +
    "</worksheet>"
  );
}

const DRAWING =
  DECL +
  '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
  '<xdr:twoCellAnchor><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>14</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>' +
  '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
  '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="' + R + '" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>';

const CHART =
  DECL +
  '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="' + R + '">' +
  '<c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
  "<c:ser><c:idx val=\"0\"/><c:order val=\"0\"/><c:val><c:numRef><c:f>数据!$A$1:$A$3</c:f></c:numRef></c:val></c:ser>" +
  '<c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx>' +
  '<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>';

function relsOne(type: string, target: string): string {
  return DECL + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/${type}" Target="${target}"/></Relationships>`;
}

const APP =
  DECL +
  '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
  "<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>" +
  '<HeadingPairs><vt:vector size="4" baseType="variant"><vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>2</vt:i4></vt:variant><vt:variant><vt:lpstr>命名范围</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs>' +
  '<TitlesOfParts><vt:vector size="3" baseType="lpstr"><vt:lpstr>自评表</vt:lpstr><vt:lpstr>数据</vt:lpstr><vt:lpstr>自评表!Print_Area</vt:lpstr></vt:vector></TitlesOfParts>' +
  "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>";

const CORE =
  DECL +
  '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
  '<dc:creator>财政局</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2023-02-28T09:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2023-02-28T09:00:00Z</dcterms:modified></cp:coreProperties>';

const CUSTOM =
  DECL +
  '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
  '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="项目编号"><vt:lpwstr>2023-JX-017</vt:lpwstr></property></Properties>';

const CALC_CHAIN = DECL + `<calcChain xmlns="${MAIN}"><c r="D5" i="1"/><c r="G5"/></calcChain>`;

/** A stand-in for a VBA project: the bytes are opaque to every tool here; they only must survive. */
function vbaStub(): Uint8Array {
  const out = new Uint8Array(1536);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  for (let i = 8; i < out.length; i++) out[i] = (i * 31 + 7) & 0xff;
  return out;
}

/** The parts of one fixture, in the order Excel writes them. */
export function fixtureParts(v: Variant): Zippable {
  const files: Zippable = {
    "[Content_Types].xml": strToU8(contentTypes(v)),
    "_rels/.rels": strToU8(rootRels(v)),
    "xl/workbook.xml": strToU8(workbook(v)),
    "xl/_rels/workbook.xml.rels": strToU8(workbookRels(v)),
    "xl/worksheets/sheet1.xml": strToU8(indicatorSheet(v)),
    "xl/worksheets/sheet2.xml": strToU8(dataSheet(v)),
  };
  if (v.rich) {
    files["xl/worksheets/_rels/sheet2.xml.rels"] = strToU8(relsOne("drawing", "../drawings/drawing1.xml"));
    files["xl/drawings/drawing1.xml"] = strToU8(DRAWING);
    files["xl/drawings/_rels/drawing1.xml.rels"] = strToU8(relsOne("chart", "../charts/chart1.xml"));
    files["xl/charts/chart1.xml"] = strToU8(CHART);
    files["xl/calcChain.xml"] = strToU8(CALC_CHAIN);
  }
  files["xl/styles.xml"] = strToU8(styles(v));
  files["xl/sharedStrings.xml"] = strToU8(sharedStrings());
  if (v.macro) files["xl/vbaProject.bin"] = [vbaStub(), { level: 0 }];
  files["docProps/core.xml"] = strToU8(CORE);
  if (v.rich) {
    files["docProps/app.xml"] = strToU8(APP);
    files["docProps/custom.xml"] = strToU8(CUSTOM);
  }
  return files;
}

/** The bytes of one fixture file. */
export function buildFixture(v: Variant): Uint8Array {
  return zipSync(fixtureParts(v), { level: 6, mtime: MTIME });
}

function main(): void {
  fs.mkdirSync(OUT, { recursive: true });
  for (const v of VARIANTS) {
    const bytes = buildFixture(v);
    fs.writeFileSync(path.join(OUT, v.file), bytes);
    console.log(`${path.relative(process.cwd(), path.join(OUT, v.file))} ${bytes.length} bytes`);
  }
}

if (require.main === module) main();

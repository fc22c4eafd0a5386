import { splitAreaList } from "../../../src/core/cells/address";

describe("splitAreaList", () => {
  it.each([
    ["A1:B2,C5", ",", ["A1:B2", "C5"]],
    ["'a,b'!A1:B2,'it''s'!C5", ",", ["'a,b'!A1:B2", "'it''s'!C5"]],
    ["A1;B2,C3", ",;", ["A1", "B2", "C3"]],
    ["A1;B2", ",", ["A1;B2"]],
    ["INDEX(A:A,1),B2", ",", ["INDEX(A:A,1)", "B2"]],
    ["A1,", ",", ["A1", ""]],
    ["", ",", [""]],
  ])("splits %j at %j into %j", (list, separators, parts) => {
    expect(splitAreaList(list, separators)).toEqual(parts);
  });
});

import { describe, expect, it } from "vitest";
import { cell, original, toCsv } from "./csv";

describe("toCsv", () => {
  it("writes a header and rows with CRLF line ends", () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          [1, "x"],
          [2, null],
        ],
      ),
    ).toBe("a,b\r\n1,x\r\n2,\r\n");
  });

  it("quotes commas, quotes and line breaks", () => {
    expect(cell('say "hi", then\ngo')).toBe('"say ""hi"", then\ngo"');
  });

  it.each(["=SUM(A1)", "+1", "-cmd", "@home", "\tx", "\r=1", "'quoted"])(
    "neutralises the formula-like cell %j",
    (text) => {
      expect(cell(text).startsWith("'") || cell(text).startsWith(`"'`)).toBe(true);
    },
  );

  it("leaves numbers, negative ones too, as numbers", () => {
    expect(cell(-3.5)).toBe("-3.5");
    expect(cell(true)).toBe("true");
  });

  it("writes objects as JSON", () => {
    expect(cell({ id: "a" })).toBe('"{""id"":""a""}"');
  });

  it("leaves ids that cannot run as they are", () => {
    expect(cell("1234567890123456789")).toBe("1234567890123456789");
    expect(cell("ab/c+d==")).toBe("ab/c+d==");
  });

  it("neutralises every column, ids included, reversibly", () => {
    const csv = toCsv(
      ["account", "screenName", "description", "cluster_id"],
      [["+Ab/cd==", "=HYPERLINK(1)", "-a bio", "-123"]],
    );
    expect(csv).toBe("account,screenName,description,cluster_id\r\n'+Ab/cd==,'=HYPERLINK(1),'-a bio,'-123\r\n");
    for (const value of ["+Ab/cd==", "-123", "'quoted", "plain", "@SUM(1+1)"])
      expect(original(cell(value))).toBe(value);
  });
});

import { describe, expect, it } from "vitest";
import { splitCode } from "./inlineCode";

describe("splitCode", () => {
  it("splits plain and code runs", () => {
    expect(splitCode("run `mvn install` now")).toEqual([
      { text: "run ", code: false },
      { text: "mvn install", code: true },
      { text: " now", code: false },
    ]);
  });

  it("handles a message that ends with code", () => {
    expect(splitCode("import one with `java -jar x.jar import ...`")).toEqual([
      { text: "import one with ", code: false },
      { text: "java -jar x.jar import ...", code: true },
    ]);
  });

  it("keeps text without backticks whole", () => {
    expect(splitCode("all good")).toEqual([{ text: "all good", code: false }]);
  });

  it("keeps an unmatched backtick as plain text", () => {
    expect(splitCode("a `b` c ` d")).toEqual([
      { text: "a ", code: false },
      { text: "b", code: true },
      { text: " c ` d", code: false },
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { isKioskUrl, parseKioskConfig } from "./kioskConfig.ts";

describe("kiosk config", () => {
  it("defaults to a 10 minute idle timeout when there is no kiosk.json", () => {
    expect(parseKioskConfig(undefined)).toEqual({ idleTimeoutMinutes: 10, askName: false });
  });

  it("accepts an instructor's settings", () => {
    const config = parseKioskConfig(
      '{"chapters":["01-processes"],"language":"ja","idleTimeoutMinutes":5,"title":"Tokyo"}',
    );
    expect(config).toEqual({
      chapters: ["01-processes"],
      language: "ja",
      idleTimeoutMinutes: 5,
      title: "Tokyo",
      askName: false,
    });
    expect(parseKioskConfig('{"instructorPin":"0042","askName":true}')).toMatchObject({
      instructorPin: "0042",
      askName: true,
    });
  });

  it("names the field that is wrong", () => {
    expect(() => parseKioskConfig('{"language":"fr"}')).toThrow(/kiosk.json: language:/);
    expect(() => parseKioskConfig('{"idleTimeoutMinutes":-1}')).toThrow(/idleTimeoutMinutes/);
    expect(() => parseKioskConfig('{"chapter":["x"]}')).toThrow(/kiosk.json/);
    expect(() => parseKioskConfig("{oops")).toThrow(/not valid JSON/);
    expect(() => parseKioskConfig('{"instructorPin":1234}')).toThrow(/kiosk.json: instructorPin:/);
    expect(() => parseKioskConfig('{"instructorPin":"12a4"}')).toThrow(/4 to 12 digits/);
  });

  it("is on with ?kiosk and off without it", () => {
    expect(isKioskUrl(new URL("http://x/?kiosk"))).toBe(true);
    expect(isKioskUrl(new URL("http://x/?kiosk=1"))).toBe(true);
    expect(isKioskUrl(new URL("http://x/?kiosk=0"))).toBe(false);
    expect(isKioskUrl(new URL("http://x/"))).toBe(false);
  });
});

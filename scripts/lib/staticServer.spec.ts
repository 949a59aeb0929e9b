import { mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveStatic, type StaticServer } from "./staticServer.ts";

const SOURCE = "console.log('hello');\n".repeat(200);
let dir: string;
let server: StaticServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "static-"));
  writeFileSync(join(dir, "app.js"), SOURCE);
  writeFileSync(join(dir, "app.js.br"), brotliCompressSync(SOURCE));
  writeFileSync(join(dir, "stale.js"), SOURCE);
  writeFileSync(join(dir, "stale.js.br"), brotliCompressSync("an older build"));
  const past = new Date(Date.now() - 60_000);
  utimesSync(join(dir, "stale.js.br"), past, past);
  server = await serveStatic(dir, 0);
});

afterAll(() => server.close());

async function get(path: string, acceptEncoding: string) {
  const response = await fetch(new URL(path, server.url), { headers: { "accept-encoding": acceptEncoding } });
  return { encoding: response.headers.get("content-encoding"), text: await response.text(), response };
}

describe("serveStatic", () => {
  it("serves the build's brotli copy to a browser that takes br", async () => {
    const { encoding, text } = await get("app.js", "gzip, deflate, br");
    expect(encoding).toBe("br");
    expect(text).toBe(SOURCE);
  });

  it("falls back to gzip without br", async () => {
    const { encoding, text } = await get("app.js", "gzip");
    expect(encoding).toBe("gzip");
    expect(text).toBe(SOURCE);
  });

  it("ignores a brotli copy older than its file", async () => {
    const { encoding, text } = await get("stale.js", "br, gzip");
    expect(encoding).toBe("gzip");
    expect(text).toBe(SOURCE);
  });
});

// A small static file server for the built lab (npm start, kiosks, e2e, bench): the lab's
// own origin, with the same security headers a deployment should send, and the build's brotli
// copies where the browser takes them, else gzip for text, wasm and the BIOS images (half their
// size; the snapshot and lazy files are zstd already).
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { gzipSync } from "node:zlib";
import { COMPRESSIBLE } from "../../web/vite/precompress.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".ttf": "font/ttf",
  ".woff2": "font/woff2",
  ".md": "text/markdown; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'; " +
  "img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self'; object-src 'none'; " +
  "base-uri 'self'; form-action 'none'; frame-ancestors 'none'";

export interface StaticServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  host?: string;
  /** URL paths (e.g. "/kiosk.json") served from files outside `root`. */
  extra?: Record<string, string>;
  /** Serve under this path (e.g. "/lab/"), as a deployment in a subfolder would. */
  basePath?: string;
}

export function serveStatic(root: string, port: number, options: ServeOptions = {}): Promise<StaticServer> {
  const { host = "127.0.0.1", extra = {}, basePath = "/" } = options;
  const gzipCache = new Map<string, { mtime: number; body: Buffer }>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (!url.pathname.startsWith(basePath)) {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
      return;
    }
    const local = "/" + url.pathname.slice(basePath.length);
    let path = extra[local] ?? normalize(join(root, decodeURIComponent(local)));
    if (!extra[local] && !path.startsWith(root + sep) && path !== root) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, "index.html");
    if (!existsSync(path)) {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
      return;
    }
    const ext = extname(path);
    const stat = statSync(path);
    const headers: Record<string, string | number> = {
      "Content-Type": TYPES[ext] ?? "application/octet-stream",
      "Content-Security-Policy": CONTENT_SECURITY_POLICY,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": path.includes(`${sep}assets${sep}`)
        ? "public, max-age=31536000, immutable"
        : "no-cache",
    };
    const accepts = String(req.headers["accept-encoding"] ?? "");
    // The build's brotli copy (web/vite/precompress.ts), where there is one and it is current.
    const brotli = `${path}.br`;
    if (/\bbr\b/.test(accepts) && existsSync(brotli) && statSync(brotli).mtimeMs >= stat.mtimeMs) {
      const size = statSync(brotli).size;
      res.writeHead(200, {
        ...headers,
        "Content-Encoding": "br",
        "Content-Length": size,
        Vary: "Accept-Encoding",
      });
      if (req.method === "HEAD") res.end();
      else createReadStream(brotli).pipe(res);
      return;
    }
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(accepts)) {
      let cached = gzipCache.get(path);
      if (!cached || cached.mtime !== stat.mtimeMs) {
        cached = { mtime: stat.mtimeMs, body: gzipSync(readFileSync(path)) };
        gzipCache.set(path, cached);
      }
      res.writeHead(200, {
        ...headers,
        "Content-Encoding": "gzip",
        "Content-Length": cached.body.length,
        Vary: "Accept-Encoding",
      });
      res.end(req.method === "HEAD" ? undefined : cached.body);
      return;
    }
    res.writeHead(200, { ...headers, "Content-Length": stat.size });
    if (req.method === "HEAD") res.end();
    else createReadStream(path).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort = typeof address === "object" && address ? address.port : port;
      resolve({
        server,
        url: `http://${host}:${actualPort}${basePath}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

// npm start [-- --course DIR]: builds the lab (for that course) if needed, then serves it on
// 127.0.0.1 (PORT, default 4173).
import { ensureBuildFromArgs, WEB_DIST } from "./lib/ensureBuild.ts";
import { serveStatic } from "./lib/staticServer.ts";

const port = Number(process.env.PORT ?? 4173);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, not ${JSON.stringify(process.env.PORT)}`);
  process.exit(2);
}
ensureBuildFromArgs(process.argv.slice(2));
try {
  const { url } = await serveStatic(WEB_DIST, port);
  console.log(`Container Lab is running at ${url}  (Ctrl+C to stop)`);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(code === "EADDRINUSE" ? `Port ${port} is in use: set PORT to another one.` : String(error));
  process.exit(1);
}

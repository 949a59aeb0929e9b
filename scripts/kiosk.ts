// npm run kiosk [-- --config kiosk.json] [--course DIR] [--port 4173]: serves the built lab (of
// the course in DIR, built if needed) for a workshop station with the instructor's kiosk.json,
// and prints the Chromium command line to open it.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseKioskConfig } from "../web/src/kiosk/kioskConfig.ts";
import { ensureBuildFromArgs, WEB_DIST } from "./lib/ensureBuild.ts";
import { serveStatic } from "./lib/staticServer.ts";

function arg(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const configPath = arg("config") ?? (existsSync("kiosk.json") ? "kiosk.json" : undefined);
const port = Number(arg("port") ?? process.env.PORT ?? 4173);
const extra: Record<string, string> = {};
if (configPath) {
  const path = resolve(configPath);
  if (!existsSync(path)) {
    console.error(`${configPath}: no such file`);
    process.exit(2);
  }
  try {
    const config = parseKioskConfig(readFileSync(path, "utf8"));
    console.log(`kiosk settings from ${configPath}: ${JSON.stringify(config)}`);
  } catch (error) {
    console.error((error as Error).message.replace(/^kiosk\.json/, configPath));
    process.exit(2);
  }
  extra["/kiosk.json"] = path;
} else {
  console.log("no kiosk.json: all chapters, the browser's language, 10 minutes idle timeout");
}
ensureBuildFromArgs(process.argv.slice(2));
const { url } = await serveStatic(WEB_DIST, port, { extra });
const kioskUrl = `${url}?kiosk`;
console.log(`Container Lab kiosk at ${kioskUrl}`);
console.log("Open it full screen on the station with:");
console.log(
  `  chromium --kiosk --no-first-run --disable-background-networking --disable-component-update --disable-sync --disable-pinch --overscroll-history-navigation=0 --noerrdialogs --app='${kioskUrl}'`,
);

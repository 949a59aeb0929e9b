// The app's zod: every module imports `z` from here, so the setting below is in force before
// any schema anywhere runs, whatever chunk or worker the bundler puts it in. zod 4 probes for
// eval support with new Function(""), which the page's Content-Security-Policy refuses (and
// reports as a violation); jitless skips the probe.
import { z } from "zod";

z.config({ jitless: true });

export { z };

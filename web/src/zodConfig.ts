// Imported first by main.tsx. zod 4 probes for eval support with new Function(""), which the
// page's Content-Security-Policy refuses (and reports as a violation); jitless skips the probe.
import { z } from "zod";

z.config({ jitless: true });

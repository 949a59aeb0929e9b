// A workshop kiosk's settings, chosen by the instructor in kiosk.json (served beside the app by
// `npm run kiosk -- --config FILE`). Kiosk mode is on when the page URL has ?kiosk.
import { z } from "../zodConfig.ts";

export const kioskConfigSchema = z
  .object({
    /** Chapter ids to offer, in this order; all chapters when absent. */
    chapters: z.array(z.string().min(1)).min(1).optional(),
    language: z.enum(["en", "ja"]).optional(),
    /** Minutes without input before the station resets for the next student. */
    idleTimeoutMinutes: z
      .number()
      .positive()
      .max(24 * 60)
      .default(10),
    /** Shown in the header, e.g. the workshop's name. */
    title: z.string().max(80).optional(),
    /**
     * Opens the instructor's menu (class records as CSV). Without it the station keeps records
     * but offers no menu. kiosk.json is served to the station: keep the station in --kiosk mode.
     */
    instructorPin: z
      .string()
      .regex(/^\d{4,12}$/, "must be 4 to 12 digits, in quotes")
      .optional(),
    /** Asks each student for a name (optional to give) that the class records then carry. */
    askName: z.boolean().default(false),
  })
  .strict();
export type KioskConfig = z.infer<typeof kioskConfigSchema>;

export function isKioskUrl(url: URL): boolean {
  return url.searchParams.has("kiosk") && url.searchParams.get("kiosk") !== "0";
}

export class KioskConfigError extends Error {}

/** Parses kiosk.json's text; errors name the field and what is wrong with it. */
export function parseKioskConfig(text: string | undefined): KioskConfig {
  if (text === undefined) return kioskConfigSchema.parse({});
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new KioskConfigError(`kiosk.json is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = kioskConfigSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join(".") : "(top level)";
    throw new KioskConfigError(`kiosk.json: ${where}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}

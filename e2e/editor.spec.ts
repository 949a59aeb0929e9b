// The editor: guest files opened, edited and saved through the agent; conflicts asked about;
// OCI config.json checked against its schema; lesson authoring with live lint markers. All of
// it under the page's strict CSP, with Monaco loaded from the app's own origin and only once
// the editor is opened.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectTerminal, openLab, runInTerminal } from "./lab.ts";

const EDITOR_CHUNK =
  /\/assets\/(?:editor\.api|monacoSetup|EditorPane|MonacoHost|codicon|editor\.worker|json\.worker)[-.]/;

interface Watch {
  /** CSP violations seen by the page, and console lines about CSP or worker fallbacks. */
  problems: string[];
  /** Requests outside the app's origin (all are blocked). */
  foreign: string[];
  requests: string[];
}

async function watch(page: Page, baseURL: string | undefined): Promise<Watch> {
  const origin = new URL(baseURL ?? "").origin;
  const seen: Watch = { problems: [], foreign: [], requests: [] };
  // The page's own requests: the service worker's precaching of every file is not the page's.
  page.on("request", (request) => seen.requests.push(request.url()));
  page.on("console", (message) => {
    const text = message.text();
    // Monaco falls back to running its workers on the UI thread when it cannot start them.
    if (/Content Security Policy|Could not create web worker|Refused to/i.test(text))
      seen.problems.push(text);
  });
  page.on("pageerror", (error) => {
    if (/Content Security Policy|Trusted Type|unsafe-eval/i.test(error.message))
      seen.problems.push(error.message);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const where = `${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`;
      console.error(
        `Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI} at ${where}`,
      );
    });
  });
  await page.context().route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    seen.foreign.push(url);
    return route.abort("internetdisconnected");
  });
  return seen;
}

function expectClean(seen: Watch): void {
  expect(seen.problems).toEqual([]);
  expect(seen.foreign).toEqual([]);
}

const editor = (page: Page) => page.getByTestId("editor-pane");
const tab = (page: Page, path: string) => page.locator(`[data-testid=editor-tab][data-path="${path}"]`);

async function openGuestFile(page: Page, path: string): Promise<void> {
  if ((await page.getByTestId("open-editor").getAttribute("aria-pressed")) !== "true") {
    await page.getByTestId("open-editor").click();
  }
  await page.getByTestId("editor-path").fill(path);
  await page.getByTestId("editor-path").press("Enter");
  await expect(tab(page, path)).toHaveAttribute("data-status", "ready");
  await expect(editor(page).getByTestId("monaco-host")).toHaveAttribute("data-ready", "true");
}

/** Monaco's rendered text (it draws spaces as no-break spaces). */
async function shownText(scope: Locator): Promise<string> {
  return (await scope.locator(".view-lines").innerText()).replace(/\u00a0/g, " ");
}

/** Clicks into the editor's visible top-left text area (its line box spans the whole file). */
async function focusEditor(scope: Locator): Promise<void> {
  await scope
    .locator(".monaco-editor")
    .first()
    .click({ position: { x: 120, y: 12 } });
}

/** Types at the end of the text ("end"), or at the end of its first line. */
async function typeAt(page: Page, scope: Locator, where: "end" | "first-line", text: string): Promise<void> {
  await focusEditor(scope);
  if (where === "end") {
    await page.keyboard.press("Control+End");
  } else {
    await page.keyboard.press("Control+Home");
    await page.keyboard.press("End");
  }
  await page.keyboard.type(text);
}

async function showTerminal(page: Page): Promise<void> {
  await page.getByTestId("center-tab-terminal").click();
}

test("a guest file is opened, edited and saved back into the guest", async ({ page, baseURL }) => {
  const seen = await watch(page, baseURL);
  await openLab(page);
  expect(await runInTerminal(page, "echo original > /root/editor-e2e.txt")).toBe(0);
  // The first prompt did not need a byte of the editor.
  expect(seen.requests.filter((url) => EDITOR_CHUNK.test(url))).toEqual([]);

  await openGuestFile(page, "/root/editor-e2e.txt");
  await expect.poll(() => shownText(editor(page))).toContain("original");
  await typeAt(page, editor(page), "first-line", " edited");
  await expect(tab(page, "/root/editor-e2e.txt")).toHaveAttribute("data-dirty", "true");
  await page.keyboard.press("Control+S");
  await expect(tab(page, "/root/editor-e2e.txt")).toHaveAttribute("data-dirty", "false");
  await expect(page.getByTestId("editor-status")).toContainText("Saved /root/editor-e2e.txt");

  await showTerminal(page);
  expect(await runInTerminal(page, "cat /root/editor-e2e.txt")).toBe(0);
  await expectTerminal(page, /original edited/);
  // Monaco came from this origin, workers included, once the editor opened.
  expect(seen.requests.filter((url) => /editor\.worker/.test(url)).length).toBeGreaterThan(0);
  expectClean(seen);
});

test("saving over a file that changed in the guest asks first", async ({ page, baseURL }) => {
  const seen = await watch(page, baseURL);
  await openLab(page);
  const path = "/root/conflict.txt";
  expect(await runInTerminal(page, `echo one > ${path}`)).toBe(0);
  await openGuestFile(page, path);
  await typeAt(page, editor(page), "first-line", " mine");

  // A command rewrites the file while the edit is unsaved.
  await showTerminal(page);
  expect(await runInTerminal(page, `echo theirs > ${path}`)).toBe(0);
  await page.getByTestId("center-tab-editor").click();
  await focusEditor(editor(page));
  await page.keyboard.press("Control+S");
  const dialog = page.getByTestId("conflict-dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute("role", "alertdialog");

  // Reload: their version replaces mine.
  await dialog.getByTestId("conflict-reload").click();
  await expect(dialog).toHaveCount(0);
  await expect.poll(() => shownText(editor(page))).toContain("theirs");
  await expect(tab(page, path)).toHaveAttribute("data-dirty", "false");

  // Again, and this time overwrite: mine wins.
  await showTerminal(page);
  expect(await runInTerminal(page, `echo external > ${path}`)).toBe(0);
  await page.getByTestId("center-tab-editor").click();
  // A clean buffer simply follows the guest.
  await expect.poll(() => shownText(editor(page))).toContain("external");
  await typeAt(page, editor(page), "first-line", " mine-wins");
  await showTerminal(page);
  expect(await runInTerminal(page, `echo meanwhile >> ${path}`)).toBe(0);
  await page.getByTestId("center-tab-editor").click();
  await editor(page).getByRole("button", { name: "Save" }).click();
  await dialog.getByTestId("conflict-overwrite").click();
  await expect(tab(page, path)).toHaveAttribute("data-dirty", "false");
  await showTerminal(page);
  expect(await runInTerminal(page, `cat ${path}`)).toBe(0);
  await expectTerminal(page, /external mine-wins/);
  expectClean(seen);
});

test("an OCI config.json is checked against the runtime spec's schema", async ({ page, baseURL }) => {
  const seen = await watch(page, baseURL);
  await openLab(page);
  const config =
    '{ "ociVersion": "1.0.2", "process": { "terminal": "yes", "cwd": "/" }, "linux": { "namespaces": [ { "type": "net" } ] } }';
  expect(
    await runInTerminal(page, `mkdir -p /root/bundle && echo '${config}' > /root/bundle/config.json`),
  ).toBe(0);
  await openGuestFile(page, "/root/bundle/config.json");

  const problems = editor(page).getByTestId("editor-problems");
  await expect(problems).toContainText(/boolean/);
  await expect(problems).toContainText(/"network"/);
  await expect(editor(page).locator(".squiggly-error").first()).toBeAttached();

  // Completion offers the spec's field names in a config written from scratch.
  await focusEditor(editor(page));
  await page.keyboard.press("Control+A");
  await page.keyboard.type("{");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Control+Space");
  await expect(page.locator(".suggest-widget")).toContainText("hostname");
  await expect(page.locator(".suggest-widget")).toContainText("ociVersion");
  await page.keyboard.press("Escape");
  expectClean(seen);
});

test("author mode lints a lesson as it is typed and previews it", async ({ page, baseURL }) => {
  const seen = await watch(page, baseURL);
  await page.goto("./#/author/example/en");
  const author = page.getByTestId("author-mode");
  await expect(author.getByTestId("monaco-host")).toHaveAttribute("data-ready", "true");
  await expect(author.getByTestId("author-preview")).toContainText("A container in two pieces");
  await expect(author.getByTestId("editor-problems")).not.toContainText("unknown-directive");

  await typeAt(page, author, "end", "\n\nA brand-new closing line.\n\n::bogus\n");
  const problems = author.getByTestId("editor-problems");
  await expect(problems).toContainText("unknown directive `bogus`");
  await expect(problems).toContainText("[unknown-directive]");
  await expect(author.locator(".squiggly-error").first()).toBeAttached();
  await expect(author.getByTestId("author-preview")).toContainText("A brand-new closing line.");
  expectClean(seen);
});

test("the editor speaks Japanese when the page does", async ({ page, baseURL }) => {
  const seen = await watch(page, baseURL);
  await page.addInitScript(() => {
    localStorage.setItem("container-lab.language", JSON.stringify({ state: { language: "ja" }, version: 0 }));
  });
  await openLab(page);
  await openGuestFile(page, "/etc/hostname");
  await expect(page.getByTestId("center-tab-editor")).toHaveText("エディター");
  // Monaco's own widgets too: its Japanese strings were loaded before it.
  await focusEditor(editor(page));
  await page.keyboard.press("Control+F");
  await expect(editor(page).locator(".find-widget textarea").first()).toHaveAttribute("aria-label", "検索");
  expectClean(seen);
});

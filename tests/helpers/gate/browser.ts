// Finds and starts a real Chromium for the browser gate. Never downloads one (this project's
// machines cannot): it uses CHROME_PATH, Debian's chromium, or an installed Chrome, and says how
// to install one when there is none.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

const CANDIDATES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

export class NoBrowserError extends Error {}

export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new NoBrowserError(`CHROME_PATH is set to ${fromEnv}, but there is no file there.`);
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (found) return found;
  throw new NoBrowserError(
    "The browser tests need Chromium or Chrome, and none was found.\n" +
      "Install one: `apt-get install chromium` (Debian/Ubuntu), or install Google Chrome,\n" +
      "or set CHROME_PATH to a Chrome or Chromium executable.",
  );
}

/** Flags for a quiet, offline, sandbox-compatible headless run (root in CI needs --no-sandbox). */
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: ARGS, headless: true });
}

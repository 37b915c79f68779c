// Launches Debian's chromium through playwright-core with a throwaway profile. Playwright refuses
// --user-data-dir in args, so a persistent context on a fresh temp dir is the fresh profile.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

/** Page console noise from code-server's gallery and missing optional modules; never a test signal. */
export const consoleNoise = /open-vsx|ERR_NAME_NOT_RESOLVED|Failed to load resource|vsda|marketplace|ENOTFOUND/;

export async function launchBrowser() {
  const profile = mkdtempSync(join(tmpdir(), 'event-schemas-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    page,
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Strips the %c styling markers the extension host's forwarded console lines carry. */
export function cleanConsoleText(text) {
  return text.replace(/%c/g, '').replace(/color:\s*#?\w+;?/g, '').replace(/\s+/g, ' ').trim();
}

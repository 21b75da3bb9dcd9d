// Debian's Chromium, headless, driven by playwright-core from the cache (its own browser download is
// not reachable here). A fresh profile per launch; background networking off (the machine's network
// is closed and Chromium would otherwise retry connections all the time).
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CACHE } from './codeServer.mjs';

export function loadPlaywright() {
  const dir = path.join(CACHE, 'playwright/');
  if (!fs.existsSync(path.join(dir, 'node_modules/playwright-core'))) throw new Error(`playwright-core is not in ${dir}: run scripts/e2e/setup.sh`);
  return createRequire(dir)('playwright-core');
}

export const CHROMIUM = '/usr/bin/chromium';

export async function launchBrowser(profile) {
  const { chromium } = loadPlaywright();
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/e2e/setup.sh`);
  const browserHome = path.join(profile.root, 'chromium-home');
  fs.mkdirSync(browserHome, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    env: { ...profile.env, HOME: browserHome },
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--password-store=basic',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  // Clipboard access for "Copy Command" and friends.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']).catch(() => {});
  return { browser, context };
}

// Debian's Firefox ESR for the browser tests, driven by puppeteer-core over WebDriver BiDi. Firefox
// draws WebGL2 only with an X display, so an Xvfb of the test's own runs for as long as the browser.
// The page it returns answers the subset of Playwright's Page that the shared helpers use
// (automation.mjs, journey.mjs), so one set of helpers drives both browsers.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

const FIREFOX = '/usr/bin/firefox-esr';

export const firefoxAvailable = () => existsSync(FIREFOX) && existsSync('/usr/bin/Xvfb');

// A free display number: the first without a lock file.
function freeDisplay() {
  for (let n = 90; n < 190; n++) if (!existsSync(`/tmp/.X${n}-lock`)) return n;
  throw new Error('no free X display number between :90 and :189');
}

async function startXvfb() {
  const display = freeDisplay();
  const child = spawn('/usr/bin/Xvfb', [`:${display}`, '-screen', '0', '1920x1600x24', '-nolisten', 'tcp'],
    { stdio: 'ignore' });
  const deadline = Date.now() + 10000;
  while (!existsSync(`/tmp/.X11-unix/X${display}`)) {
    if (child.exitCode !== null) throw new Error(`Xvfb :${display} exited with ${child.exitCode}`);
    if (Date.now() > deadline) { child.kill(); throw new Error(`Xvfb :${display} did not start`); }
    await new Promise((done) => setTimeout(done, 50));
  }
  return { display: `:${display}`, stop: () => child.kill() };
}

// Puppeteer's BiDi keyboard takes no "Control+A": modifiers go down, the key, then up.
function keyboardOf(page) {
  const press = async (combo, { delay = 0 } = {}) => {
    const keys = combo.split('+');
    const key = keys.pop();
    for (const modifier of keys) await page.keyboard.down(modifier);
    await page.keyboard.press(key, { delay });
    for (const modifier of keys.reverse()) await page.keyboard.up(modifier);
  };
  return { press, type: (text, options) => page.keyboard.type(text, options),
    down: (key) => page.keyboard.down(key), up: (key) => page.keyboard.up(key) };
}

// The Playwright-shaped face of a Puppeteer page.
function pageFace(page) {
  return {
    raw: page,
    goto: (url) => page.goto(url),
    reload: () => page.reload(),
    url: () => page.url(),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    waitForFunction: (fn, arg, { timeout = 30000 } = {}) => page.waitForFunction(fn, { timeout, polling: 50 }, arg),
    waitForTimeout: (ms) => new Promise((done) => setTimeout(done, ms)),
    screenshot: ({ path: file }) => page.screenshot({ path: file }),
    mouse: { click: (x, y) => page.mouse.click(x, y), move: (x, y) => page.mouse.move(x, y) },
    keyboard: keyboardOf(page),
    on: (event, listener) => page.on(event, listener),
  };
}

export async function launchFirefox() {
  const xvfb = await startXvfb();
  const profile = mkdtempSync(path.join(tmpdir(), 'trash-firefox-'));
  let browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox', executablePath: FIREFOX, headless: true, userDataDir: profile,
      env: { ...process.env, DISPLAY: xvfb.display },
      extraPrefsFirefox: { 'webgl.force-enabled': true, 'browser.shell.checkDefaultBrowser': false,
        'app.update.enabled': false, 'network.captive-portal-service.enabled': false },
    });
  } catch (error) {
    xvfb.stop();
    throw error;
  }
  return {
    async newPage({ width = 1280, height = 800 } = {}) {
      const page = await browser.newPage();
      await page.setViewport({ width, height });
      const face = pageFace(page);
      face.errors = [];
      page.on('pageerror', (error) => face.errors.push(String(error)));
      return face;
    },
    async close() { await browser.close().catch(() => {}); xvfb.stop(); },
  };
}

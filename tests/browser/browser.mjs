// Shared helpers of the browser tests: start serve.py on a free port with a fresh database, launch
// Debian's Chromium through playwright-core with the flags this machine needs, and wait for the
// page's own readiness signal (window.trashPage.ready) rather than sleeping.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const artifactsDir = path.join(repoRoot, 'tests', 'browser', 'artifacts');
mkdirSync(artifactsDir, { recursive: true });

// Chromium 156 starts its address bar's popup (a WebUI page in a renderer of its own) with every
// browser, headless too: about 1.2 CPU-s in the first seconds of each launch, on a 2-core machine,
// while the page under test loads. A user's browser did that when it started, not when the page
// loads; no page here needs it. Chromium keeps only the last --disable-features, so the list
// repeats playwright-core 1.65's own (chromiumSwitches.ts; those that apply on Linux) before the popup's.
const PLAYWRIGHT_DISABLED_FEATURES = ['AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose',
  'HttpsUpgrades', 'HttpsFirstBalancedModeAutoEnable', 'LensOverlay', 'MediaRouter', 'PaintHolding',
  'ThirdPartyStoragePartitioning', 'AvoidCorsURLLoaderRestartOnRedirect', 'OptimizationHints',
  'NetworkTimeServiceQuerying', 'AimEnabled', 'PreconnectToSearch'];
const OMNIBOX_POPUP_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxFullPopup', 'WebUIOmniboxAimPopup', 'PreloadTopChromeWebUI'];
const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...OMNIBOX_POPUP_FEATURES].join(',')}`,
];

// Starts serve.py on port 0 and resolves with its base URL once it has printed the line it serves on
// (and the database's path, for `serve.py cleanup --db`).
export async function startServer(extraArgs = []) {
  const dir = mkdtempSync(path.join(tmpdir(), 'trash-browser-'));
  const db = path.join(dir, 'trash.db');
  const child = spawn('python3', [path.join(repoRoot, 'serve.py'), '--port', '0', '--db', db,
    ...extraArgs], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; if (stderr.length > 20000) stderr = stderr.slice(-10000); });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('serve.py did not start:\n' + stderr)), 180000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = out.match(/(http:\/\/127\.0\.0\.1:\d+\/)/);
      if (match) { clearTimeout(timer); resolve(match[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`serve.py exited with ${code}:\n${stderr}`)); });
  });
  // SIGTERM is serve.py's clean stop; one still busy after 5 s (say, mid-listing) is killed.
  const stop = () => new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) { done(); return; }
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => { clearTimeout(timer); done(); });
    child.kill('SIGTERM');
  });
  return { url, stop, db };
}

// Copies build/web into a sub-path of a temporary folder and serves that folder with Python's plain
// static file server (no API behind it: the page runs its in-browser demo). Resolves with the
// page's URL, https://host/some/sub/path/ style.
export async function startStaticHost(subPath = 'some/sub/path') {
  const dir = mkdtempSync(path.join(tmpdir(), 'trash-static-'));
  cpSync(path.join(repoRoot, 'build', 'web'), path.join(dir, ...subPath.split('/')), { recursive: true });
  const child = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', dir],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  const port = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('http.server did not start: ' + out)), 30000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = out.match(/port (\d+)/);
      if (match) { clearTimeout(timer); resolve(Number(match[1])); }
    });
    child.stderr.on('data', () => {});  // the access log
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`http.server exited with ${code}: ${out}`)); });
  });
  const stop = () => new Promise((done) => {
    const finish = () => { rmSync(dir, { recursive: true, force: true }); done(); };
    if (child.exitCode !== null || child.signalCode !== null) { finish(); return; }
    child.once('exit', finish);
    child.kill('SIGKILL');
  });
  return { url: `http://127.0.0.1:${port}/${subPath}/`, stop, dir };
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS, headless: true });
}

// Opens the page and waits until it has drawn its first frame.
export async function openPage(browser, url, { deviceScaleFactor = 1, viewport = { width: 1280, height: 800 },
  colorScheme = 'light', hasTouch = false, isMobile = false } = {}) {
  const context = await browser.newContext({ deviceScaleFactor, viewport, colorScheme, hasTouch, isMobile });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(url);
  await page.waitForFunction(() => window.trashPage && window.trashPage.ready, null, { timeout: 60000 });
  return { page, context, errors };
}

// Waits until the page has drawn at least `count` more frames than `since`, or its predicate holds.
export async function waitForFrames(page, since, count = 1) {
  await page.waitForFunction(([s, c]) => window.trashPage.frames >= s + c, [since, count], { timeout: 30000 });
}

// The real browser check: loads each HTML file in Debian's chromium (headless, through
// playwright-core; no browser download) at 1280 and 320 CSS px wide, runs axe-core with the
// WCAG 2.0/2.1/2.2 A and AA rules, checks that the page does not scroll sideways at 320 px
// (WCAG 1.4.10 reflow), prints every violation with its nodes and exits 1 if there was any.
//
//   node tests/browser/axe_check.mjs out/aa/report.html [more.html …]
//
// Environment: CHROMIUM (default /usr/bin/chromium).
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const widths = [1280, 320];
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node axe_check.mjs FILE.html...');
  process.exit(2);
}
for (const f of files) {
  if (!existsSync(f)) {
    console.error(`${f}: no such file`);
    process.exit(2);
  }
}

const profile = mkdtempSync(join(tmpdir(), 'boardpack-axe-'));
let failures = 0;
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--no-first-run'],
  viewport: { width: widths[0], height: 900 },
  offline: true,
});
try {
  const page = await context.newPage();
  for (const file of files) {
    const url = pathToFileURL(resolve(file)).href;
    // One load a file: the page is laid out again at each width (the viewport's resize
    // re-evaluates media queries and reflows), and axe checks the DOM as it now stands.
    await page.setViewportSize({ width: widths[0], height: 900 });
    await page.goto(url, { waitUntil: 'load' });
    await page.addScriptTag({ path: axePath });
    for (const width of widths) {
      await page.setViewportSize({ width, height: 900 });
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done())));
      const result = await page.evaluate(
        (runTags) => window.axe.run(document, { runOnly: { type: 'tag', values: runTags } }),
        tags);
      const where = `${file} at ${width} px`;
      for (const v of result.violations) {
        failures++;
        console.log(`${where}: ${v.id} (${v.impact}): ${v.help}`);
        console.log(`  ${v.helpUrl}`);
        for (const n of v.nodes) {
          console.log(`  - ${n.target.join(' ')}: ${n.failureSummary.replace(/\n/g, ' ')}`);
          console.log(`    ${n.html.slice(0, 200)}`);
        }
      }
      if (width <= 320) {
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
        if (scroll > width) {
          failures++;
          console.log(`${where}: scrolls sideways: document is ${scroll} px wide (WCAG 1.4.10 reflow)`);
        }
      }
      console.log(`${where}: ${result.passes.length} rules passed, ${result.violations.length} violated`);
    }
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
if (failures > 0) {
  console.log(`axe_check: ${failures} problem(s)`);
  process.exit(1);
}
console.log(`axe_check: ${files.length} file(s), no violations`);

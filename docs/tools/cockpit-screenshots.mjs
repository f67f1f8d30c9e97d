// Takes the Cockpit and Tasklist screenshots of docs/getting-started.md from a running examples app.
//
// Setup (once, outside the repository):
//   apt-get install -y chromium
//   mkdir -p /tmp/shots && cd /tmp/shots && npm init -y && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install playwright-core
// Start the app in the demo profile, send the sample events (docs/getting-started.md, steps 1-3), then from the
// repository root:
//   NODE_PATH=/tmp/shots/node_modules node docs/tools/cockpit-screenshots.mjs docs/images
// Environment: APP (default http://localhost:8080), CAMUNDA_USER / CAMUNDA_PASSWORD (default admin / demo),
// CHROMIUM (default /usr/bin/chromium).
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(join(process.env.NODE_PATH || '/tmp/shots/node_modules', 'x.js'));
const { chromium } = require('playwright-core');

const outDir = process.argv[2];
if (!outDir) {
  console.error('usage: node docs/tools/cockpit-screenshots.mjs <out-dir>');
  process.exit(2);
}
const app = process.env.APP || 'http://localhost:8080';
const user = process.env.CAMUNDA_USER || 'admin';
const password = process.env.CAMUNDA_PASSWORD || 'demo';
const auth = 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');

async function rest(path) {
  const response = await fetch(`${app}/engine-rest${path}`, { headers: { Authorization: auth } });
  if (!response.ok) {
    throw new Error(`GET /engine-rest${path}: HTTP ${response.status}`);
  }
  return response.json();
}

async function settle(page) {
  await page.waitForLoadState('networkidle');
  // Cockpit fills its tables and diagrams after the page has loaded; wait until no "Loading..." is left
  await page.waitForFunction(() => !document.body.innerText.includes('Loading...'), null, { timeout: 20000 })
    .catch(() => console.warn(`still loading: ${page.url()}`));
  // the diagram's instance badges and the variables table arrive after the last "Loading..." is gone
  await page.waitForTimeout(8000);
}

async function shot(page, url, file) {
  await page.goto(url);
  await settle(page);
  await page.screenshot({ path: join(outDir, file) });
  console.log(`${file}  <- ${url}`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${app}/camunda/app/cockpit/default/`);
  await page.fill('input[type="text"]', user);
  await page.fill('input[type="password"]', password);
  await page.click('button[type="submit"]');
  await page.waitForURL(/dashboard/);
  await settle(page);

  const cockpit = `${app}/camunda/app/cockpit/default/#`;
  await shot(page, `${cockpit}/dashboard`, 'cockpit-dashboard.png');
  await shot(page, `${cockpit}/processes`, 'cockpit-processes.png');

  const lead = await rest('/process-definition/key/identify-lead');
  await shot(page, `${cockpit}/process-definition/${lead.id}/runtime`, 'cockpit-identify-lead.png');

  const backfill = await rest('/process-definition/key/backfill-leads');
  await shot(page, `${cockpit}/process-definition/${backfill.id}/runtime`, 'cockpit-backfill.png');

  const waiting = await rest('/process-instance?processDefinitionKey=identify-lead&active=true');
  if (waiting.length > 0) {
    await shot(page, `${cockpit}/process-instance/${waiting[0].id}/runtime`, 'cockpit-resolve-duplicate.png');
  }
  const incidents = await rest('/incident');
  if (incidents.length > 0) {
    await shot(page, `${cockpit}/process-instance/${incidents[0].processInstanceId}/runtime?tab=incidents-tab`,
      'cockpit-incident.png');
  }
  await page.goto(`${app}/camunda/app/tasklist/default/`);
  await settle(page);
  // Tasklist shows translation keys (CREATION_DATE) until its texts have loaded
  await page.waitForFunction(() => !document.body.innerText.includes('CREATION_DATE'), null, { timeout: 20000 })
    .catch(() => console.warn('Tasklist texts not loaded'));
  const task = page.getByText('Resolve duplicate').first();
  if (await task.count() > 0) {
    await task.click();
    await settle(page);
  }
  await page.screenshot({ path: join(outDir, 'tasklist.png') });
  console.log('tasklist.png');
} finally {
  await browser.close();
}

// Renders BPMN files to SVG (and PNG) with bpmn-js in the system's headless Chromium.
//
// Setup (once, outside the repository):
//   apt-get install -y chromium
//   mkdir -p /tmp/render && cd /tmp/render && npm init -y && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install bpmn-js playwright-core
// Run from the repository root:
//   NODE_PATH=/tmp/render/node_modules node docs/tools/render-bpmn.mjs docs/images file.bpmn...
// Writes docs/images/<name>.svg and <name>.png for every file. No browser is downloaded: it uses
// /usr/bin/chromium (override with CHROMIUM=/path).
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const require = createRequire(join(process.env.NODE_PATH || '/tmp/render/node_modules', 'x.js'));
const { chromium } = require('playwright-core');
const viewerJs = require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js');

const [outDir, ...files] = process.argv.slice(2);
if (!outDir || files.length === 0) {
  console.error('usage: node docs/tools/render-bpmn.mjs <out-dir> <file.bpmn>...');
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
  await page.setContent('<html><body style="margin:0;background:#fff"><div id="canvas" style="width:1600px;height:1000px"></div></body></html>');
  await page.addScriptTag({ content: readFileSync(viewerJs, 'utf8') });
  for (const file of files) {
    const xml = readFileSync(file, 'utf8');
    const svg = await page.evaluate(async (bpmnXml) => {
      if (window.viewer) window.viewer.destroy();
      window.viewer = new BpmnJS({ container: '#canvas' });
      const { warnings } = await window.viewer.importXML(bpmnXml);
      if (warnings.length) throw new Error('import warnings: ' + warnings.map((w) => w.message).join('; '));
      window.viewer.get('canvas').zoom('fit-viewport');
      return (await window.viewer.saveSVG()).svg;
    }, xml);
    const name = basename(file).replace(/\.bpmn$/, '');
    writeFileSync(join(outDir, name + '.svg'), svg);
    const svgPage = await browser.newPage({ deviceScaleFactor: 1 });
    await svgPage.setContent('<html><body style="margin:0;background:#fff">' + svg + '</body></html>');
    await svgPage.locator('svg').first().screenshot({ path: join(outDir, name + '.png') });
    await svgPage.close();
    console.log('rendered ' + file + ' -> ' + join(outDir, name + '.{svg,png}'));
  }
} finally {
  await browser.close();
}

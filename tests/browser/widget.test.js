// Browser tests of the chat widget (/) and the agent console (/agent) in
// headless Chromium, against a real `kb serve --port 0` over a freshly
// indexed KB. Usage: node widget.test.js KB_BINARY KB_FILE FEEDBACK_DB
// Screenshots go to artifacts/browser/ at the project root. Prints
// "N passed, M failed" last and exits non-zero on any failure.
'use strict';
const {spawn} = require('child_process');
const fs = require('fs');
const path = require('path');
const {chromium} = require('playwright-core');

const [kbBinary, kbFile, feedbackDb] = process.argv.slice(2);
const ROOT = path.resolve(__dirname, '..', '..');
const ARTIFACTS = path.join(ROOT, 'artifacts', 'browser');
fs.mkdirSync(ARTIFACTS, {recursive: true});

function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(kbBinary, ['serve', '--port', '0', '--kb', kbFile, '--feedback-db', feedbackDb,
                                   '--rate-limit', '0', '--threads', '16'],
                        {stdio: ['ignore', 'pipe', 'pipe']});
    let out = '';
    const timer = setTimeout(() => reject(new Error('kb serve did not start: ' + out)), 15000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({child, base: m[1]});
      }
    });
    child.stderr.on('data', () => {});
    child.on('exit', (code) => reject(new Error('kb serve exited with ' + code + ': ' + out)));
  });
}

const tests = [];
function test(name, fn) { tests.push({name, fn}); }
function assert(condition, message) { if (!condition) throw new Error(message); }

async function openWidget(page) {
  await page.click('button.kbw-launcher');
  await page.waitForSelector('.kbw-panel:not([hidden])');
}
async function ask(page, text) {
  const before = await page.locator('.kbw-msg.kbw-bot').count();
  await page.fill('#kbw-input', text);
  await page.press('#kbw-input', 'Enter');
  await page.waitForFunction((n) => document.querySelectorAll('.kbw-msg.kbw-bot').length > n, before,
                             {timeout: 10000});
  return page.locator('.kbw-msg.kbw-bot').last();
}

test('Italian question shows numbered steps with sources', async ({page, base}) => {
  await page.goto(base + '/');
  const launcher = page.locator('button.kbw-launcher');
  assert(await launcher.getAttribute('aria-label'), 'launcher has an aria-label');
  await openWidget(page);
  assert(await page.evaluate(() => document.activeElement.id) === 'kbw-input', 'focus moves to the input');
  const fontSize = await page.$eval('#kbw-input', (e) => parseFloat(getComputedStyle(e).fontSize));
  assert(fontSize >= 16, 'input font-size >= 16px, got ' + fontSize);
  assert(await page.getAttribute('.kbw-log', 'aria-live') === 'polite', 'log is aria-live');
  const reply = await ask(page, 'ho dimenticato la password');
  await reply.locator('ol.kbw-steps li').first().waitFor();
  const steps = await reply.locator('ol.kbw-steps li').count();
  assert(steps >= 2, 'expected numbered steps, got ' + steps);
  assert(await reply.locator('.kbw-src').count() >= 1, 'steps name their source');
  await page.screenshot({path: path.join(ARTIFACTS, 'widget-steps.png')});
});

test('conversation survives a reload (sessionStorage)', async ({page, base}) => {
  await page.goto(base + '/');
  await openWidget(page);
  await ask(page, 'ho dimenticato la password');
  await page.reload();
  await page.waitForSelector('.kbw-panel:not([hidden])');
  const users = await page.locator('.kbw-msg.kbw-user').allTextContents();
  assert(users.includes('ho dimenticato la password'), 'user message restored: ' + users);
  assert(await page.locator('ol.kbw-steps li').count() >= 2, 'steps restored');
});

test('ambiguous question offers clarification buttons that answer', async ({page, base}) => {
  await page.goto(base + '/');
  await openWidget(page);
  const reply = await ask(page, 'non riesco ad accedere');
  const options = reply.locator('button.kbw-option');
  assert(await options.count() >= 2, 'clarification options shown');
  const intent = await options.first().getAttribute('data-intent');
  const before = await page.locator('.kbw-msg.kbw-bot').count();
  await options.first().click();
  await page.waitForFunction((n) => document.querySelectorAll('.kbw-msg.kbw-bot').length > n, before);
  const answer = page.locator('.kbw-msg.kbw-bot').last();
  assert(await answer.getAttribute('data-type') === 'answer', 'the option was answered');
  assert(await answer.locator('ol.kbw-steps li').count() >= 1, 'answer for ' + intent + ' has steps');
  await page.screenshot({path: path.join(ARTIFACTS, 'widget-clarify.png')});
});

test('thumbs feedback is sent and stays pressed', async ({page, base}) => {
  await page.goto(base + '/');
  await openWidget(page);
  const reply = await ask(page, 'ho dimenticato la password');
  const feedback = page.waitForResponse((r) => r.url().endsWith('/v1/feedback'));
  await reply.locator('button.kbw-thumb[data-helpful="no"]').click();
  const response = await feedback;
  assert(response.status() === 200, 'feedback accepted, got ' + response.status());
  assert(await reply.locator('button.kbw-thumb[data-helpful="no"]').getAttribute('aria-pressed') === 'true',
         'thumb pressed');
  await page.reload();
  await page.waitForSelector('.kbw-panel:not([hidden])');
  const pressed = await page.locator('button.kbw-thumb[aria-pressed="true"]').count();
  assert(pressed >= 1, 'thumb still pressed after reload');
});

test('XSS payload in a question is shown as text', async ({page, base}) => {
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; d.dismiss(); });
  await page.goto(base + '/');
  await openWidget(page);
  const payload = '<img src=x onerror=alert(1)>';
  await ask(page, payload);
  await page.waitForTimeout(300);
  const users = await page.locator('.kbw-msg.kbw-user').allTextContents();
  assert(users.includes(payload), 'payload shown verbatim');
  assert(await page.locator('.kbw-log img').count() === 0, 'no img element in the log');
  assert(dialogs === 0, 'no dialog fired');
  await page.screenshot({path: path.join(ARTIFACTS, 'widget-xss.png')});
});

test('keyboard: Escape closes and returns focus to the launcher', async ({page, base}) => {
  await page.goto(base + '/');
  await page.focus('button.kbw-launcher');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.kbw-panel:not([hidden])');
  await page.keyboard.press('Escape');
  await page.waitForSelector('.kbw-panel[hidden]', {state: 'attached'});
  assert(await page.evaluate(() => document.activeElement.className) === 'kbw-launcher',
         'focus back on the launcher');
});

test('phone width: the panel fits the screen', async ({browser, base}) => {
  const context = await browser.newContext({viewport: {width: 375, height: 667}, isMobile: true});
  const page = await context.newPage();
  await page.goto(base + '/');
  await openWidget(page);
  const box = await page.locator('.kbw-panel').boundingBox();
  assert(box.width <= 375 && box.x >= 0, 'panel within the viewport: ' + JSON.stringify(box));
  const input = await page.locator('#kbw-input').boundingBox();
  assert(input.y + input.height <= 667, 'input visible');
  await page.screenshot({path: path.join(ARTIFACTS, 'widget-phone.png')});
  await context.close();
});

test('agent console finds a passage as you type and copies steps', async ({browser, base}) => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {origin: base});
  const page = await context.newPage();
  await page.goto(base + '/agent');
  await page.type('#q', 'passwor', {delay: 40});
  await page.waitForSelector('#results li.result');
  const marks = await page.locator('#results li.result mark').count();
  assert(marks >= 1, 'highlighted snippet');
  assert(await page.locator('#results script, #results img').count() === 0, 'no markup besides mark');
  await page.selectOption('#lang', 'en');
  await page.waitForTimeout(400);
  const langs = await page.locator('#results .lang').allTextContents();
  assert(langs.every((l) => l === 'en'), 'language filter applied: ' + langs);
  await page.fill('#q', 'I forgot my password');
  await page.click('#copy');
  await page.waitForFunction(() => /^Copied/.test(document.getElementById('copied').textContent));
  const copied = await page.locator('#answer').textContent();
  assert(/^1\. /m.test(copied), 'numbered steps copied: ' + copied);
  await page.screenshot({path: path.join(ARTIFACTS, 'agent.png')});
  await context.close();
});

(async () => {
  let server;
  let browser;
  let passed = 0;
  let failed = 0;
  try {
    server = await startServer();
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking',
             '--disable-component-update', '--no-first-run'],
    });
    for (const t of tests) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      try {
        await t.fn({page, browser, base: server.base});
        if (errors.length) throw new Error('page errors: ' + errors.join('; '));
        passed++;
        console.log('ok   - ' + t.name);
      } catch (e) {
        failed++;
        console.log('FAIL - ' + t.name + ': ' + (e && e.message));
        await page.screenshot({path: path.join(ARTIFACTS, 'fail-' + t.name.replace(/\W+/g, '_') + '.png')})
          .catch(() => {});
      }
      await context.close();
    }
  } catch (e) {
    failed++;
    console.log('FAIL - setup: ' + (e && e.message));
  } finally {
    if (browser) await browser.close();
    if (server) server.child.kill('SIGTERM');
  }
  console.log(passed + ' passed, ' + failed + ' failed');
  process.exit(failed ? 1 : 0);
})();

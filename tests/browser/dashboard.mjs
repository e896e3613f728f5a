// Drives Debian's chromium (headless, through playwright-core) against a running snowscaled and
// checks what an operator sees on the dashboard. Started by tests/browser/dashboard.sh, which
// owns the daemon; this script only talks HTTP to it, and stops/kills it by pid for the
// "stale" checks.
//
// Prints one line per check: "PASS name" or "FAIL name: detail"; "# ..." lines are diagnostics.
// Environment: SS_BASE (http://127.0.0.1:PORT), SS_TOKEN, SS_PID, SS_OUT (screenshot dir),
// SS_PROFILE (fresh browser profile dir), SS_CLONES (JSON: [{id, state, address, reason}]),
// SS_EVENTS (JSON: messages of seeded events), SS_ROOT (repository root); optional SS_WARMUP_S:
// seconds of traffic before the checks (for a screenshot whose charts have some history).
import { createRequire } from 'node:module';
import path from 'node:path';

const env = (k) => {
  if (!process.env[k]) { console.log(`FAIL environment: ${k} is not set`); process.exit(2); }
  return process.env[k];
};
const BASE = env('SS_BASE'), TOKEN = env('SS_TOKEN'), PID = Number(env('SS_PID'));
const OUT = env('SS_OUT'), PROFILE = env('SS_PROFILE'), ROOT = env('SS_ROOT');
const CLONES = JSON.parse(env('SS_CLONES'));
const EVENTS = JSON.parse(env('SS_EVENTS'));
const WARMUP_S = Number(process.env.SS_WARMUP_S || 0);
const require = createRequire(path.join(ROOT, 'web-ui', 'package.json'));
const { chromium } = require('playwright-core');

let failures = 0;
const pass = (name) => console.log(`PASS ${name}`);
const fail = (name, detail) => { failures++; console.log(`FAIL ${name}: ${String(detail).replace(/\s+/g, ' ').slice(0, 400)}`); };
const diag = (s) => console.log(`# ${s}`);
let page = null;
async function check(name, fn) {
  try { const r = await fn(); if (r === false) fail(name, 'condition false'); else pass(name); }
  catch (e) {
    fail(name, e.message || e);
    if (page) {
      const seen = await page.evaluate(() => `conn=${document.body.dataset.conn} "${document.getElementById('conn').textContent}" updates=${document.body.dataset.updates} result="${document.getElementById('action-result').textContent}"`).catch(() => 'page gone');
      diag(`page state: ${seen}`);
    }
  }
}
const api = async (method, p, body, token) => {
  const headers = {};
  if (body !== undefined) headers['Content-Type'] = typeof body === 'string' ? 'text/plain' : 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  const r = await fetch(BASE + p, { method, headers, body: body === undefined ? undefined : (typeof body === 'string' ? body : JSON.stringify(body)) });
  const text = await r.text();
  let json = null;
  try { json = JSON.parse(text); } catch (e) { /* not JSON */ }
  return { status: r.status, json, text };
};

// Per-request samples for the serving clones (and nginx itself, backend "-"), as snowscale-lb
// ships them. Load comes in waves (one a minute): at the crest more requests and latencies up to
// ~400 ms, so p95 crosses the 150 ms target and the policy has something to decide about.
let fed = 0;
const T0 = Date.now();
async function feed() {
  const now = Date.now() * 1000;
  const level = 0.6 + 0.4 * Math.sin(((Date.now() - T0) / 60000) * 2 * Math.PI);
  const lines = [];
  const backends = CLONES.filter((c) => c.state === 'serving').map((c) => c.address).concat(['-']);
  const count = Math.round(15 + 35 * level);
  for (let i = 0; i < count; i++) {
    const b = backends[i % backends.length];
    const lat = 2000 + Math.floor(Math.random() * (30000 + 370000 * level));
    lines.push(`${now - i * 1000} ${b} ${lat} ${i % 20 === 0 ? 502 : 200}`);
  }
  const r = await api('POST', '/api/v1/samples', lines.join('\n') + '\n', TOKEN);
  if (r.status !== 202) throw new Error(`samples: HTTP ${r.status} ${r.text}`);
  fed += r.json ? r.json.accepted : 0;
}

const browser = await chromium.launchPersistentContext(PROFILE, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1366, height: 900 },   // a common laptop width
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const external = [], pageErrors = [];
let feeder = null;
try {
  await feed();
  feeder = setInterval(() => { feed().catch((e) => diag(`feeding samples: ${e.message}`)); }, 500);
  if (WARMUP_S > 0) {
    diag(`feeding ${WARMUP_S} s of traffic first, for charts with history`);
    await new Promise((r) => setTimeout(r, WARMUP_S * 1000));
  }

  page = browser.pages()[0] || await browser.newPage();
  page.setDefaultTimeout(15000);
  page.on('request', (r) => { if (!r.url().startsWith(BASE + '/')) external.push(r.url()); });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // Refused actions (401/409) are expected answers; anything else failing is a broken page.
  page.on('response', (r) => {
    if (r.status() >= 400 && r.request().method() === 'GET') pageErrors.push(`GET ${r.url()}: ${r.status()}`);
  });
  page.on('console', (m) => { if (m.type() === 'error' && !/ERR_CONNECTION_REFUSED|Failed to load resource/.test(m.text())) pageErrors.push(m.text()); });

  await check('dashboard loads and goes live', async () => {
    const r = await page.goto(BASE + '/');
    if (!r || r.status() !== 200) throw new Error(`GET / answered ${r && r.status()}`);
    await page.waitForSelector('body[data-conn="live"]');
  });

  await check('header shows pool, policy and counts from /api/v1/status', async () => {
    const s = (await api('GET', '/api/v1/status')).json;
    await page.waitForFunction((want) => document.getElementById('pool').textContent === want, s.pool);
    const policy = await page.textContent('#policy');
    if (!/p95 latency 150 ms/.test(policy)) throw new Error(`policy summary: "${policy}"`);
    if (!policy.includes(`${s.policy.min_clones}–${s.policy.max_clones} clones`)) throw new Error(`min/max missing: "${policy}"`);
    const actual = await page.textContent('#actual');
    if (actual !== String(s.actual)) throw new Error(`actual "${actual}" vs API ${s.actual}`);
    if (!s.generation) throw new Error('the daemon reports no generation (seeded generation 1)');
    const gen = await page.textContent('#generation');
    if (gen !== `#${s.generation.id}`) throw new Error(`generation "${gen}" vs API ${s.generation.id}`);
    const age = await page.textContent('#generation-age');
    if (!/^\d+ m \d+ s old · 360 KiB descriptor · paused 11\.2 ms$/.test(age)) throw new Error(`generation age "${age}"`);
  });

  // -- clone table --------------------------------------------------------------------------------
  await page.check('#show-retired');
  for (const c of CLONES) {
    await check(`clone ${c.id} is shown as ${c.state}`, async () => {
      const row = page.locator(`#clone-rows tr[data-id="${c.id}"]`);
      await row.waitFor();
      const st = await row.getAttribute('data-state');
      if (st !== c.state) throw new Error(`row state ${st}`);
      const pill = (await row.locator('.state').textContent()).trim();
      if (pill !== c.state) throw new Error(`pill "${pill}"`);
      const addr = await row.locator('.col-addr').textContent();
      if (!addr.includes(c.address)) throw new Error(`address "${addr}"`);
      const bg = await row.locator('.state').evaluate((el) => getComputedStyle(el).backgroundColor);
      if (!bg || bg === 'rgba(0, 0, 0, 0)') throw new Error('state has no colour');
    });
  }
  const failed = CLONES.find((c) => c.state === 'failed');
  if (failed) {
    await check(`failed clone ${failed.id} shows its reason`, async () => {
      const t = await page.textContent(`#clone-rows tr[data-id="${failed.id}"] .reason`);
      if (!t.includes(failed.reason)) throw new Error(`reason "${t}"`);
    });
  }
  await check('memory fetched columns show the stored counters', async () => {
    const c = CLONES.find((x) => x.state === 'serving');
    const row = page.locator(`#clone-rows tr[data-id="${c.id}"]`);
    const bytes = await row.locator('.col-bytes').textContent();
    const faults = await row.locator('.col-faults').textContent();
    if (bytes !== c.fetched_text) throw new Error(`fetched "${bytes}", want "${c.fetched_text}"`);
    if (faults !== Number(c.demand_faults).toLocaleString('en')) throw new Error(`faults "${faults}"`);
  });
  await check('the cache hit rate column shows the guest report, or a dash without one', async () => {
    for (const c of CLONES.filter((x) => x.state === 'serving')) {
      const hit = await page.locator(`#clone-rows tr[data-id="${c.id}"] .col-hit`).textContent();
      const want = c.hit_text || '–';
      if (hit !== want) throw new Error(`${c.id}: hit rate "${hit}", want "${want}"`);
    }
  });
  await check('the app metrics column shows every pair the app reports, or a dash without any', async () => {
    for (const c of CLONES.filter((x) => x.state === 'serving' || x.state === 'checking')) {
      const m = await page.locator(`#clone-rows tr[data-id="${c.id}"] .col-metrics`).textContent();
      const want = c.metrics_text || '–';
      if (m !== want) throw new Error(`${c.id}: metrics "${m}", want "${want}"`);
    }
  });
  await check('retired clones hide behind "show retired"', async () => {
    const r = CLONES.find((c) => c.state === 'retired');
    await page.uncheck('#show-retired');
    const n = await page.locator(`#clone-rows tr[data-id="${r.id}"]`).count();
    await page.check('#show-retired');
    if (n !== 0) throw new Error('retired row still shown');
  });

  // -- charts ---------------------------------------------------------------------------------------
  await check('latency chart has data from the samples fed', async () => {
    await page.waitForFunction(() => Number(document.getElementById('fig-latency').dataset.points) >= 3);
    const label = await page.getAttribute('#chart-latency', 'aria-label');
    const m = /p95 ([\d.]+) (ms|s)/.exec(label);
    if (!m) throw new Error(`no p95 in chart label "${label}"`);
    if (!/target 150 ms/.test(label)) throw new Error(`no target line in "${label}"`);
    // pixels: the plot canvas must not be blank
    const inked = await page.$eval('#chart-latency canvas', (cv) => {
      const d = cv.getContext('2d').getImageData(0, 0, cv.width, cv.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
      return n;
    });
    if (inked < 500) throw new Error(`only ${inked} drawn pixels`);
    diag(`latency chart: ${label}`);
  });
  await check('per-clone rps and p95 come from the samples and stay current', async () => {
    const c = CLONES.find((x) => x.state === 'serving');
    const cells = (id) => {
      const tr = document.querySelector(`#clone-rows tr[data-id="${id}"]`);
      return tr ? `${tr.querySelector('.col-rps').textContent}|${tr.querySelector('.col-p95').textContent}` : '';
    };
    await page.waitForFunction((id) => {
      const tr = document.querySelector(`#clone-rows tr[data-id="${id}"]`);
      return tr && tr.querySelector('.col-p95').textContent !== '–';
    }, c.id);
    // random latencies and a changing request count: the numbers move while samples flow
    const first = await page.evaluate(cells, c.id);
    await page.waitForFunction(([f, id, was]) => new Function(`return (${f})`)()(id) !== was,
      [cells.toString(), c.id, first], { timeout: 15000 });
  });

  // -- events ---------------------------------------------------------------------------------------
  for (const msg of EVENTS) {
    await check(`event log shows "${msg.slice(0, 40)}"`, async () => {
      await page.waitForFunction((m) => [...document.querySelectorAll('#events .msg')].some((e) => e.textContent === m), msg);
    });
  }

  // -- actions --------------------------------------------------------------------------------------
  // The policy keeps deciding while these run, so "refused" is checked as: control stayed with
  // the policy and the daemon recorded no manual scale.
  const before = (await api('GET', '/api/v1/status')).json;
  const scaleEvents = async () => ((await api('GET', '/api/v1/events?since=0&limit=1000')).json.events || [])
    .filter((e) => e.kind === 'scale').length;
  const unchanged = async () => {
    const s = (await api('GET', '/api/v1/status')).json;
    if (s.desired_source !== before.desired_source) throw new Error(`desired_source became ${s.desired_source}`);
    const n = await scaleEvents();
    if (n !== 0) throw new Error(`${n} manual scale events recorded`);
  };
  const want = before.desired === before.policy.max_clones ? before.desired - 1 : before.desired + 1;
  const outcomes = async () => Number(await page.getAttribute('#action-result', 'data-n') || 0);
  const newOutcome = (n, re) => page.waitForFunction(([k, src]) => {
    const el = document.getElementById('action-result');
    return Number(el.dataset.n || 0) > k && !/sending/.test(el.textContent) && new RegExp(src).test(el.textContent);
  }, [n, re.source]);
  await check('scale without a token is refused by the daemon', async () => {
    const n = await outcomes();
    await page.fill('#scale-n', String(want));
    await page.click('#scale-btn');
    await page.waitForSelector('#confirm[open] #token-input');
    await page.click('#confirm-ok');                 // empty token field
    await newOutcome(n, /refused \(401\)/);
    await unchanged();
  });
  await check('scale with a wrong token is refused too', async () => {
    const n = await outcomes();
    await page.click('#scale-btn');
    await page.fill('#confirm[open] #token-input', 'not-the-token');
    await page.click('#confirm-ok');
    await newOutcome(n, /refused \(401\)/);
    if (!(await page.isHidden('#token-forget'))) throw new Error('a refused token is still stored');
    await unchanged();
  });
  await check(`scale to ${want} with the token changes desired`, async () => {
    const n = await outcomes();
    await page.click('#scale-btn');
    await page.fill('#confirm[open] #token-input', TOKEN);
    await page.click('#confirm-ok');
    await newOutcome(n, /done/);
    // the policy may pick the same count on its own; the source tells the two apart
    await page.waitForFunction((k) => document.getElementById('desired').textContent === String(k) &&
      document.getElementById('desired-source').textContent === 'set by operator', want);
    const s = (await api('GET', '/api/v1/status')).json;
    if (s.desired !== want) throw new Error(`daemon says desired ${s.desired}`);
    if (s.desired_source === 'policy') throw new Error('desired_source still "policy"');
    if (await scaleEvents() < 1) throw new Error('no manual scale event recorded');
  });
  await check('the token is kept in sessionStorage only', async () => {
    const where = await page.evaluate(() => ({
      session: sessionStorage.getItem('snowscale.token'), local: localStorage.length, cookies: document.cookie,
    }));
    if (where.session !== TOKEN) throw new Error('not in sessionStorage');
    if (where.local !== 0 || where.cookies) throw new Error('token leaked to localStorage or cookies');
  });

  await check('retire from the table reaches the daemon, which explains its refusal in observe mode', async () => {
    const c = CLONES.find((x) => x.state === 'serving');
    const n = await outcomes();
    await page.click(`#clone-rows tr[data-id="${c.id}"] button.retire`);
    await page.waitForSelector('#confirm[open]');
    if (await page.isVisible('#token-input')) throw new Error('asked for the token again although it is stored');
    await page.click('#confirm-ok');
    await newOutcome(n, /refused \(409\): .*observe/);
    const got = (await api('GET', `/api/v1/clones/${c.id}`)).json;
    if (got.state !== 'serving') throw new Error(`clone is ${got.state}`);
  });

  // -- live updates ---------------------------------------------------------------------------------
  await check('a change made elsewhere reaches the page over SSE', async () => {
    const updates = Number(await page.getAttribute('body', 'data-updates'));
    const other = want - 1 >= before.policy.min_clones ? want - 1 : want + 1;
    const r = await api('POST', '/api/v1/scale', { desired: other }, TOKEN);
    if (r.status !== 200) throw new Error(`POST /scale: ${r.status} ${r.text}`);
    await page.waitForFunction((n) => document.getElementById('desired').textContent === String(n), other);
    await page.waitForFunction((u) => Number(document.body.dataset.updates) > u + 1, updates);
    await page.waitForFunction(() => [...document.querySelectorAll('#events li')].some((li) => li.dataset.kind === 'scale'));
  });

  await check('"Return to policy" gives control back to the policy', async () => {
    const n = await outcomes();
    await page.click('#scale-policy');
    await page.waitForSelector('#confirm[open]');
    await page.click('#confirm-ok');
    await newOutcome(n, /Return to policy: done/);
    // /status is republished once per tick, so the page may show the old source for one tick.
    await page.waitForFunction(() => document.getElementById('desired-source').textContent === 'set by policy');
    const s = (await api('GET', '/api/v1/status')).json;
    if (s.desired_source !== 'policy') throw new Error(`desired_source ${s.desired_source}`);
  });
  await check('scaling decisions are marked on the charts', async () => {
    const label = await page.getAttribute('#chart-latency', 'aria-label');
    const m = /(\d+) scaling events marked/.exec(label);
    const decisions = ((await api('GET', '/api/v1/events?since=0&limit=1000')).json.events || [])
      .filter((e) => ['scale', 'generation', 'alert'].includes(e.kind) || (e.kind === 'decision' && e.data && e.data.desired !== e.data.previous));
    if (!m || Number(m[1]) < 1) throw new Error(`chart label "${label}"`);
    if (Number(m[1]) > decisions.length) throw new Error(`${m[1]} marks for ${decisions.length} decisions`);
  });
  await check('visible text has WCAG AA contrast (4.5:1) against its background', async () => {
    const bad = await page.evaluate(() => {
      const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
      const lum = ([r, g, b]) => {
        const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const bgOf = (el) => {
        for (let e = el; e; e = e.parentElement) {
          const c = rgb(getComputedStyle(e).backgroundColor);
          if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c.slice(0, 3);
        }
        return [255, 255, 255];
      };
      const out = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!n.textContent.trim() || !el || !el.checkVisibility() || el.closest('.visually-hidden, .skip')) continue;
        const fg = rgb(getComputedStyle(el).color).slice(0, 3);
        const [a, b] = [lum(fg), lum(bgOf(el))];
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        if (ratio < 4.5) out.push(`"${n.textContent.trim().slice(0, 30)}" ${ratio.toFixed(2)}:1`);
      }
      return out;
    });
    if (bad.length) throw new Error(bad.slice(0, 8).join('; '));
  });
  await check('every form control has an accessible name', async () => {
    const unnamed = await page.evaluate(() => [...document.querySelectorAll('input, select, button')]
      .filter((el) => el.checkVisibility())
      .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.textContent.trim())
      .map((el) => el.outerHTML.slice(0, 60)));
    if (unnamed.length) throw new Error(unnamed.join(' '));
  });
  await check('no request left the daemon\'s origin', async () => {
    if (external.length) throw new Error(external.join(' '));
  });

  await page.screenshot({ path: path.join(OUT, 'dashboard.png'), fullPage: true });
  diag(`screenshot: ${path.join(OUT, 'dashboard.png')}`);

  // -- the daemon stops answering -------------------------------------------------------------------
  clearInterval(feeder); feeder = null;
  await check('"stale" appears while the daemon is stopped (SIGSTOP)', async () => {
    process.kill(PID, 'SIGSTOP');
    await page.waitForSelector('body[data-conn="stale"]', { timeout: 20000 });
    const t = await page.textContent('#conn');
    if (!/stale/.test(t)) throw new Error(`indicator "${t}"`);
  });
  await check('the page reconnects by itself when the daemon continues', async () => {
    process.kill(PID, 'SIGCONT');
    await page.waitForSelector('body[data-conn="live"]', { timeout: 20000 });
  });
  await check('"stale" appears after the daemon is killed', async () => {
    process.kill(PID, 'SIGKILL');
    await page.waitForSelector('body[data-conn="stale"]', { timeout: 20000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(OUT, 'dashboard-stale.png') });
  });
  await check('no script errors on the page', async () => {
    if (pageErrors.length) throw new Error(pageErrors.join(' | '));
  });
  diag(`samples accepted by the daemon: ${fed}`);
} catch (e) {
  fail('browser session', e.stack || e.message);
} finally {
  if (feeder) clearInterval(feeder);
  await browser.close();
}
process.exit(failures ? 1 : 0);

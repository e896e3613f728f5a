/* snowscale dashboard: reads snowscaled's API (docs/api.md) and keeps itself current through the
 * Server-Sent Events stream. Plain JS, no framework; uPlot draws the charts. Every request goes
 * to the origin that served this page. */
'use strict';
(() => {
  const API = '/api/v1';
  const WINDOW_S = 600;                 // charts show the last 10 minutes
  const MAX_EVENTS = 300;               // event log entries kept in the page
  const STALE_MIN_MS = 5000;            // status arrives once per tick; this many ms of silence = stale
  const CLONE_STATS_MS = 3000;          // per-clone rps/p95 refresh period
  const TOKEN_KEY = 'snowscale.token';  // sessionStorage only: gone when the tab closes
  const STATE_ORDER = ['requested', 'cloning', 'resuming', 'checking', 'serving', 'draining', 'retired', 'failed'];
  const RETIRABLE = new Set(['requested', 'cloning', 'resuming', 'checking', 'serving']);
  const MARK_KINDS = { decision: '#7c3aed', scale: '#1d4ed8', generation: '#0e7490', alert: '#b91c1c' };

  const $ = (id) => document.getElementById(id);
  const st = {
    status: null, statusAt: 0, skewMs: 0,
    clones: [], rows: new Map(),
    events: [], eventIds: new Set(), lastEventId: 0,
    hist: { ts: [], p50: [], p95: [], p99: [], rps: [], desired: [], actual: [] },
    marks: [],
    es: null, retryMs: 1000, retryTimer: 0, lastMsgAt: 0, tickIntervals: [], resync: false, forcedAt: 0,
    updates: 0, charts: {}, clonesAt: 0, clonesBusy: false,
  };

  /* ---- formatting --------------------------------------------------------------------- */
  const num = (v) => typeof v === 'number' && Number.isFinite(v);
  function fmtUs(us) {
    if (!num(us)) return '–';
    if (us < 1000) return `${Math.round(us)} µs`;
    if (us < 10000) return `${(us / 1000).toFixed(2)} ms`;
    if (us < 1e6) return `${(us / 1000).toFixed(us < 100000 ? 1 : 0)} ms`;
    return `${(us / 1e6).toFixed(2)} s`;
  }
  function fmtUsShort(us) { return fmtUs(us).replace(/\.0+ /, ' '); }   // "150 ms", not "150.0 ms"
  function fmtMs(ms) { return num(ms) ? fmtUs(ms * 1000) : '–'; }
  function fmtBytes(b) {
    if (!num(b)) return '–';
    const u = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let i = 0;
    while (b >= 1024 && i < u.length - 1) { b /= 1024; i++; }
    return `${b.toFixed(i && b < 10 ? 1 : 0)} ${u[i]}`;
  }
  function fmtDur(s) {
    if (!num(s) || s < 0) return '–';
    if (s < 60) return `${Math.floor(s)} s`;
    if (s < 3600) return `${Math.floor(s / 60)} m ${Math.floor(s % 60)} s`;
    if (s < 86400) return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} m`;
    return `${Math.floor(s / 86400)} d ${Math.floor((s % 86400) / 3600)} h`;
  }
  function fmtRate(r) { return num(r) ? (r < 10 ? r.toFixed(1) : Math.round(r).toLocaleString('en')) : '–'; }
  function fmtInt(n) { return num(n) ? Math.round(n).toLocaleString('en') : '–'; }
  function fmtClock(us) {
    if (!num(us)) return '';
    return new Date(us / 1000).toLocaleTimeString('en-GB', { hour12: false });
  }
  const METRIC_NAMES = {
    p50_latency: 'p50 latency', p95_latency: 'p95 latency', p99_latency: 'p99 latency',
    rps_per_clone: 'req/s per clone', inflight_per_clone: 'in-flight per clone',
  };
  const isLatency = (m) => /_latency$/.test(m || '');
  function fmtTarget(m) {
    const name = METRIC_NAMES[m.metric] || m.metric;
    return `${name} ${isLatency(m.metric) ? fmtUsShort(m.target) : fmtRate(m.target)}`;
  }

  /* server time now, in µs: the page's clock corrected by the skew seen in the last status */
  const serverNowUs = () => (Date.now() + st.skewMs) * 1000;

  /* ---- API ----------------------------------------------------------------------------- */
  async function getJSON(path) {
    const r = await fetch(API + path, { cache: 'no-store' });
    if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
    return r.json();
  }

  /* ---- header ---------------------------------------------------------------------------- */
  function renderStatus() {
    const s = st.status;
    if (!s) return;
    $('pool').textContent = s.pool || s.service || '?';
    const p = s.policy || {};
    const targets = (p.metrics || []).map(fmtTarget).join(' or ');
    const parts = [];
    if (targets) parts.push(`target ${targets}`);
    if (num(p.tolerance)) parts.push(`±${Math.round(p.tolerance * 100)}%`);
    if (num(p.min_clones) && num(p.max_clones)) parts.push(`${p.min_clones}–${p.max_clones} clones`);
    if (s.mode) parts.push(`${s.mode} mode`);
    $('policy').textContent = parts.join(' · ') || 'policy unknown';
    const input = $('scale-n');
    if (num(p.min_clones)) input.min = p.min_clones;
    if (num(p.max_clones)) input.max = p.max_clones;

    $('desired').textContent = num(s.desired) ? s.desired : '–';
    $('desired-source').textContent = s.desired_source === 'policy' ? 'set by policy'
      : s.desired_source === 'manual' ? 'set by operator' : s.desired_source ? `set by ${s.desired_source}` : '';
    $('actual').textContent = num(s.actual) ? s.actual : '–';
    $('actual-sub').textContent = `pending ${s.pending ?? 0} · draining ${s.draining ?? 0}`;
    const w = (s.windows && s.windows.short) || {};
    $('p95-now').textContent = w.count ? fmtUs(w.p95_us) : '–';
    $('rps-now').textContent = `${fmtRate(w.rps)} req/s`;
    $('panic').hidden = !s.panic;
    renderAges();

    const alert = $('alert');
    alert.hidden = !s.alert;
    alert.textContent = s.alert ? `Alert: ${s.alert}` : '';
    const d = s.last_decision;
    $('last-decision').textContent = d
      ? `Last decision ${fmtClock(d.ts_us)}: ${d.reason}${num(d.desired) ? ` → ${d.desired} clones` : ''}` : '';

    $('latency-caption').textContent = w.count
      ? `now p50 ${fmtUs(w.p50_us)} · p95 ${fmtUs(w.p95_us)} · p99 ${fmtUs(w.p99_us)} (${fmtInt(w.count)} req in ${w.window_s} s)`
      : 'no requests in the short window';
    $('rps-caption').textContent = `now ${fmtRate(w.rps)} req/s · errors ${num(w.error_rate) ? (w.error_rate * 100).toFixed(1) : '–'}%`;
    $('clones-caption').textContent = `desired ${s.desired ?? '–'} · actual ${s.actual ?? '–'}`;
  }

  /* Ages move every second between status updates, so they are computed from the server's clock. */
  function renderAges() {
    const s = st.status;
    if (!s) return;
    const g = s.generation;
    if (g) {
      $('generation').textContent = `#${g.id}`;
      const age = num(g.created_us) ? (serverNowUs() - g.created_us) / 1e6 : g.age_s;
      $('generation-age').textContent = `${fmtDur(age)} old` +
        (num(g.descriptor_bytes) ? ` · ${fmtBytes(g.descriptor_bytes)} descriptor` : '') +
        (num(g.pause_us) && g.pause_us > 0 ? ` · paused ${fmtUs(g.pause_us)}` : '');
    } else {
      $('generation').textContent = '–';
      $('generation-age').textContent = 'none cut yet';
    }
  }

  /* ---- charts ---------------------------------------------------------------------------- */
  function latencyTarget() {
    const s = st.status;
    const m = s && s.policy && (s.policy.metrics || []).find((x) => isLatency(x.metric));
    return m ? m.target / 1000 : null;
  }

  /* Vertical lines at scaling decisions, manual scales, generations and alerts. */
  function marksPlugin() {
    return {
      hooks: {
        draw: [(u) => {
          const ctx = u.ctx;
          const { left, top, width, height } = u.bbox;
          const [min, max] = [u.scales.x.min, u.scales.x.max];
          ctx.save();
          ctx.lineWidth = Math.max(1, devicePixelRatio);
          ctx.setLineDash([4 * devicePixelRatio, 3 * devicePixelRatio]);
          for (const m of st.marks) {
            if (m.t < min || m.t > max) continue;
            const x = Math.round(u.valToPos(m.t, 'x', true));
            if (x < left || x > left + width) continue;
            ctx.strokeStyle = MARK_KINDS[m.kind] || '#6b7280';
            ctx.beginPath(); ctx.moveTo(x, top); ctx.lineTo(x, top + height); ctx.stroke();
            ctx.fillStyle = ctx.strokeStyle;
            ctx.beginPath(); ctx.moveTo(x - 4 * devicePixelRatio, top); ctx.lineTo(x + 4 * devicePixelRatio, top);
            ctx.lineTo(x, top + 6 * devicePixelRatio); ctx.closePath(); ctx.fill();
          }
          ctx.restore();
        }],
      },
    };
  }

  /* 24-hour clock labels; seconds only when the visible span is short. */
  function timeTicks(u, splits) {
    const step = splits.length > 1 ? splits[1] - splits[0] : 60;
    return splits.map((v) => new Date(v * 1000).toLocaleTimeString('en-GB',
      step < 60 ? { hour12: false } : { hour12: false, hour: '2-digit', minute: '2-digit' }));
  }

  function makeChart(id, series, yAxis, extra = {}) {
    const el = $(id);
    const opts = {
      width: Math.max(200, el.clientWidth), height: 200,
      plugins: [marksPlugin()],
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: true }, y: extra.yScale || { auto: true } },
      series: [{ label: 'time', value: (u, v) => (v == null ? '–' : new Date(v * 1000).toLocaleTimeString('en-GB', { hour12: false })) }, ...series],
      axes: [
        { stroke: '#374151', grid: { stroke: '#e5e7eb' }, ticks: { stroke: '#d1d5db' }, values: timeTicks, space: 70,
          // whole seconds at least: a fresh daemon has only seconds of history
          incrs: [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 43200, 86400] },
        { stroke: '#374151', grid: { stroke: '#e5e7eb' }, ticks: { stroke: '#d1d5db' }, size: 60, ...yAxis },
      ],
      legend: { live: true },
    };
    const data = [[], ...series.map(() => [])];
    const u = new uPlot(opts, data, el);
    new ResizeObserver(() => {
      const w = Math.max(200, el.clientWidth);
      if (Math.abs(w - u.width) > 1) u.setSize({ width: w, height: 200 });
    }).observe(el);
    return u;
  }

  function initCharts() {
    const stepped = uPlot.paths.stepped({ align: 1 });
    st.charts.latency = makeChart('chart-latency', [
      { label: 'p50', stroke: '#2563eb', width: 1.5, value: (u, v) => fmtMs(v) },
      { label: 'p95', stroke: '#c2410c', width: 2, value: (u, v) => fmtMs(v) },
      { label: 'p99', stroke: '#be123c', width: 1.5, value: (u, v) => fmtMs(v) },
      { label: 'target', stroke: '#111827', width: 1.5, dash: [8, 5], value: (u, v) => fmtMs(v) },
    ], { values: (u, vals) => vals.map((v) => (v >= 1000 ? `${v / 1000} s` : `${v} ms`)) },
    { yScale: { range: (u, min, max) => [0, Math.max(1, max * 1.1)] } });
    st.charts.rps = makeChart('chart-rps', [
      { label: 'req/s', stroke: '#0f766e', width: 1.5, fill: 'rgba(15,118,110,0.12)', value: (u, v) => fmtRate(v) },
    ], {}, { yScale: { range: (u, min, max) => [0, Math.max(1, max * 1.1)] } });
    st.charts.clones = makeChart('chart-clones', [
      { label: 'desired', stroke: '#7c3aed', width: 2, paths: stepped, value: (u, v) => (v == null ? '–' : v) },
      { label: 'actual', stroke: '#15803d', width: 2, paths: stepped, fill: 'rgba(21,128,61,0.10)', value: (u, v) => (v == null ? '–' : v) },
    ], { incrs: [1, 2, 5, 10, 20, 50, 100], values: (u, vals) => vals.map((v) => String(v)) },
    { yScale: { range: (u, min, max) => [0, Math.max(2, max + 1)] } });
  }

  function pushPoint(p) {
    const h = st.hist;
    const t = p.ts_us / 1e6;
    if (h.ts.length && t <= h.ts[h.ts.length - 1]) return;
    // A window with no requests has no latency: leave a gap rather than draw a fake zero.
    const has = p.count === undefined ? num(p.p95_us) && p.p95_us > 0 : p.count > 0;
    h.ts.push(t);
    h.p50.push(has && num(p.p50_us) ? p.p50_us / 1000 : null);
    h.p95.push(has && num(p.p95_us) ? p.p95_us / 1000 : null);
    h.p99.push(has && num(p.p99_us) ? p.p99_us / 1000 : null);
    h.rps.push(num(p.rps) ? p.rps : null);
    h.desired.push(num(p.desired) ? p.desired : null);
    h.actual.push(num(p.actual) ? p.actual : null);
  }

  function trimHistory() {
    const h = st.hist;
    const cut = serverNowUs() / 1e6 - WINDOW_S;
    let n = 0;
    while (n < h.ts.length && h.ts[n] < cut) n++;
    if (n) for (const k of Object.keys(h)) h[k].splice(0, n);
    st.marks = st.marks.filter((m) => m.t >= cut);
  }

  function redrawCharts() {
    if (!st.charts.latency) return;
    trimHistory();
    const h = st.hist;
    const target = latencyTarget();
    st.charts.latency.setData([h.ts, h.p50, h.p95, h.p99, h.ts.map(() => target)]);
    st.charts.rps.setData([h.ts, h.rps]);
    st.charts.clones.setData([h.ts, h.desired, h.actual]);
    const n = h.ts.length;
    for (const f of ['fig-latency', 'fig-rps', 'fig-clones']) $(f).dataset.points = n;
    const span = n ? fmtDur(h.ts[n - 1] - h.ts[0]) : '0 s';
    const last = (a) => { for (let i = a.length - 1; i >= 0; i--) if (a[i] != null) return a[i]; return null; };
    $('chart-latency').setAttribute('aria-label',
      `Latency over ${span}, ${n} points: latest p50 ${fmtMs(last(h.p50))}, p95 ${fmtMs(last(h.p95))}, p99 ${fmtMs(last(h.p99))}` +
      (target != null ? `, target ${fmtMs(target)}` : '') + `; ${st.marks.length} scaling events marked`);
    $('chart-rps').setAttribute('aria-label', `Requests per second over ${span}, ${n} points: latest ${fmtRate(last(h.rps))}`);
    $('chart-clones').setAttribute('aria-label',
      `Clones over ${span}: latest desired ${last(h.desired) ?? '–'}, actual ${last(h.actual) ?? '–'}`);
  }

  /* ---- clone table ------------------------------------------------------------------------ */
  function cloneSortKey(c) {
    return [c.state === 'retired' ? 1 : 0, c.created_us || 0, c.id];
  }
  function cmpClones(a, b) {
    const ka = cloneSortKey(a), kb = cloneSortKey(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
    return 0;
  }

  function makeRow(c) {
    const tr = document.createElement('tr');
    tr.dataset.id = c.id;
    const cells = {};
    for (const k of ['id', 'state', 'since', 'addr', 'gen', 'age', 'rps', 'p95', 'hit', 'metrics', 'bytes', 'pct', 'faults', 'pref', 'act']) {
      const td = document.createElement(k === 'id' ? 'th' : 'td');
      if (k === 'id') td.scope = 'row';
      td.className = `col-${k}`;
      if (['rps', 'p95', 'hit', 'bytes', 'pct', 'faults', 'pref'].includes(k)) td.classList.add('num');
      tr.appendChild(td);
      cells[k] = td;
    }
    const pill = document.createElement('span');
    const reason = document.createElement('span');
    reason.className = 'reason';
    cells.state.append(pill, reason);
    const btn = document.createElement('button');
    btn.type = 'button';
    btn.className = 'retire';
    btn.textContent = 'Retire…';
    btn.addEventListener('click', () => retireClone(tr.dataset.id));
    cells.act.appendChild(btn);
    return { tr, cells, pill, reason, btn };
  }

  function renderClones() {
    const showRetired = $('show-retired').checked;
    const list = st.clones.slice().sort(cmpClones);
    const retired = list.filter((c) => c.state === 'retired').length;
    $('retired-count').textContent = retired;
    const shown = list.filter((c) => showRetired || c.state !== 'retired');
    const counts = {};
    for (const c of list) counts[c.state] = (counts[c.state] || 0) + 1;
    $('clone-count').textContent = list.length
      ? `(${STATE_ORDER.filter((s) => counts[s]).map((s) => `${counts[s]} ${s}`).join(', ')})` : '';
    const tbody = $('clone-rows');
    const seen = new Set();
    let prev = null;
    for (const c of shown) {
      seen.add(c.id);
      let row = st.rows.get(c.id);
      if (!row) { row = makeRow(c); st.rows.set(c.id, row); }
      row.clone = c;
      fillRow(row);
      // keep DOM order = sorted order without recreating rows (keeps keyboard focus on buttons)
      const want = prev ? prev.nextSibling : tbody.firstChild;
      if (want !== row.tr) tbody.insertBefore(row.tr, want);
      prev = row.tr;
    }
    for (const [id, row] of st.rows) {
      if (!seen.has(id)) { row.tr.remove(); st.rows.delete(id); }
    }
    $('no-clones').hidden = shown.length > 0;
    $('clones').hidden = shown.length === 0;
  }

  /* A metric value as the app sent it, integers with separators, others to 4 significant digits. */
  function fmtMetric(v) {
    if (!num(v)) return String(v);
    return Number.isInteger(v) ? fmtInt(v) : String(Number(v.toPrecision(4)));
  }

  function fillRow(row) {
    const c = row.clone, x = row.cells;
    const now = serverNowUs();
    const set = (el, text) => { if (el.textContent !== text) el.textContent = text; };
    row.tr.className = `state-row ${c.state}`;
    row.tr.dataset.state = c.state;
    set(x.id, c.id);
    row.pill.className = `state state-${STATE_ORDER.includes(c.state) ? c.state : 'requested'}`;
    set(row.pill, c.state);
    set(row.reason, c.state === 'failed' && c.reason ? c.reason : '');
    row.reason.hidden = !(c.state === 'failed' && c.reason);
    set(x.since, num(c.state_since_us) ? fmtDur((now - c.state_since_us) / 1e6) : '–');
    set(x.addr, c.address ? (c.host && c.host !== 'localhost' ? `${c.host} ${c.address}` : c.address) : (c.host || '–'));
    set(x.gen, c.generation != null ? `#${c.generation}` : '–');
    set(x.age, num(c.created_us) ? fmtDur((now - c.created_us) / 1e6) : '–');
    const s = c.stats || {};
    set(x.rps, fmtRate(s.rps));
    set(x.p95, num(s.p95_us) && s.p95_us > 0 ? fmtUs(s.p95_us) : '–');
    const g = c.guest || {};
    /* whatever pairs the app reports (its GET /stats through the guest agent); the hit rate
       exists when they include hits and misses */
    const m = c.metrics && typeof c.metrics === 'object' ? c.metrics : {};
    const keys = Object.keys(m).sort();
    set(x.hit, num(g.hit_rate) ? `${(g.hit_rate * 100).toFixed(1)} %` : '–');
    const hitTitle = !c.guest ? 'no guest report yet'
      : num(m.hits) && num(m.misses) ? `guest report: ${fmtInt(m.hits)} hits, ${fmtInt(m.misses)} misses${num(m.items) ? `, ${fmtInt(m.items)} items cached` : ''}`
      : 'the app reports no hits/misses';
    if (x.hit.title !== hitTitle) x.hit.title = hitTitle;
    const pairs = keys.map(k => `${k}=${fmtMetric(m[k])}`);
    set(x.metrics, pairs.length ? pairs.join(' ') : '–');
    const mTitle = pairs.length ? pairs.join('\n') : (c.guest ? 'the app reports no metrics' : 'no guest report yet');
    if (x.metrics.title !== mTitle) x.metrics.title = mTitle;
    const f = c.fetch || {};
    set(x.bytes, fmtBytes(f.bytes));
    set(x.pct, num(f.pct) ? (f.pct > 0 && f.pct < 0.1 ? '<0.1 %' : `${f.pct.toFixed(1)} %`) : '–');
    set(x.faults, fmtInt(f.demand_faults));
    set(x.pref, fmtInt(f.prefetched_pages));
    row.btn.hidden = !RETIRABLE.has(c.state);
    row.btn.setAttribute('aria-label', `Retire clone ${c.id}`);
    row.btn.title = st.status && st.status.mode === 'observe'
      ? 'observe mode: the daemon retires nothing and will refuse' : `Drain and destroy ${c.id}`;
  }

  function tickRows() { for (const row of st.rows.values()) fillRow(row); }

  /* ---- events ----------------------------------------------------------------------------- */
  /* A decision that only entered or left panic mode changed no count: not worth a line. */
  function changesCount(e) {
    let d = e.data;
    if (typeof d === 'string') { try { d = JSON.parse(d); } catch (err) { d = null; } }
    return !(e.kind === 'decision' && d && num(d.desired) && num(d.previous) && d.desired === d.previous);
  }

  function addEvents(list) {
    let added = false;
    for (const e of list) {
      if (!e || !num(e.id) || st.eventIds.has(e.id)) continue;
      st.eventIds.add(e.id);
      st.events.push(e);
      if (e.id > st.lastEventId) st.lastEventId = e.id;
      if (MARK_KINDS[e.kind] && num(e.ts_us) && changesCount(e)) st.marks.push({ t: e.ts_us / 1e6, kind: e.kind });
      added = true;
    }
    if (!added) return false;
    st.events.sort((a, b) => a.id - b.id);
    while (st.events.length > MAX_EVENTS) st.eventIds.delete(st.events.shift().id);
    renderEvents();
    return true;
  }

  function renderEvents() {
    const filter = $('event-filter').value.split(' ').filter(Boolean);
    const ol = $('events');
    const frag = document.createDocumentFragment();
    let n = 0;
    for (let i = st.events.length - 1; i >= 0; i--) {
      const e = st.events[i];
      if (filter.length && !filter.includes(e.kind)) continue;
      const li = document.createElement('li');
      li.dataset.kind = e.kind;
      li.dataset.id = e.id;
      const t = document.createElement('time');
      t.dateTime = new Date(e.ts_us / 1000).toISOString();
      t.textContent = fmtClock(e.ts_us);
      const k = document.createElement('span');
      k.className = `kind kind-${e.kind}`;
      k.textContent = e.kind;
      const m = document.createElement('span');
      m.className = 'msg';
      m.textContent = e.message;
      li.append(t, k, m);
      frag.appendChild(li);
      n++;
    }
    ol.replaceChildren(frag);
    $('no-events').hidden = n > 0;
  }

  /* ---- live updates ------------------------------------------------------------------------ */
  function setConn(kind, text) {
    document.body.dataset.conn = kind;
    const el = $('conn');
    if (el.textContent !== text) el.textContent = text;
  }

  function applyStatus(s, live) {
    const prev = st.status;
    st.status = s;
    if (num(s.now_us)) st.skewMs = s.now_us / 1000 - Date.now();
    if (live) {
      const now = Date.now();
      if (st.statusAt) {
        st.tickIntervals.push(now - st.statusAt);
        if (st.tickIntervals.length > 20) st.tickIntervals.shift();
      }
      st.statusAt = now;
      const w = (s.windows && s.windows.short) || {};
      pushPoint({ ts_us: s.now_us, count: w.count, p50_us: w.p50_us, p95_us: w.p95_us, p99_us: w.p99_us,
        rps: w.rps, desired: s.desired, actual: s.actual });
      redrawCharts();
    } else if (!prev) {
      redrawCharts();
    }
    renderStatus();
  }

  /* Silence longer than a few ticks means the daemon stopped answering, even when the TCP
   * connection still looks open (a stopped process keeps its sockets). */
  function staleAfterMs() {
    // A low percentile of recent gaps between status messages is the tick; outages are not
    // counted (statusAt is reset when the stream breaks), bursts after a stall only lower it.
    const iv = st.tickIntervals.slice().sort((a, b) => a - b);
    const tick = iv.length ? iv[iv.length >> 2] : 1000;
    return Math.max(STALE_MIN_MS, 4 * tick);
  }

  function touch() {
    st.lastMsgAt = Date.now();
    st.updates++;
    document.body.dataset.updates = st.updates;
    if (document.body.dataset.conn !== 'live') setConn('live', 'live');
  }

  function connect() {
    clearTimeout(st.retryTimer);
    if (st.es) st.es.close();
    const url = `${API}/events/stream${st.lastEventId ? `?since=${st.lastEventId}` : ''}`;
    const es = new EventSource(url);
    st.es = es;
    es.addEventListener('open', () => {
      st.retryMs = 1000;
      if (st.resync) { st.resync = false; loadAll(false); }
    });
    es.addEventListener('status', (e) => {
      touch();
      applyStatus(JSON.parse(e.data), true);
      // The stream sends the clone list when a clone changes state, not when its per-backend
      // rps/p95 move; those are refreshed here every few seconds.
      if (Date.now() - st.clonesAt > CLONE_STATS_MS) refreshClones();
    });
    es.addEventListener('clones', (e) => {
      touch();
      st.clones = JSON.parse(e.data).clones || [];
      st.clonesAt = Date.now();
      renderClones();
    });
    es.addEventListener('event', (e) => {
      touch();
      if (addEvents([JSON.parse(e.data)])) redrawCharts();
    });
    es.addEventListener('error', () => {
      st.resync = true;
      st.statusAt = 0;
      if (document.body.dataset.conn !== 'stale') setConn('reconnecting', 'reconnecting…');
      // The browser retries by itself while the stream is only interrupted; once it gives up
      // (CLOSED, e.g. connection refused), retry here with a capped backoff.
      if (es.readyState === EventSource.CLOSED) {
        clearTimeout(st.retryTimer);
        st.retryTimer = setTimeout(connect, st.retryMs);
        st.retryMs = Math.min(st.retryMs * 2, 10000);
      }
    });
  }

  /* Multi-host pools: one row per worker host, its health and how full it is (capacity view). */
  function renderHosts(h) {
    const hosts = (h && h.hosts) || [];
    $('hosts-panel').hidden = hosts.length === 0;
    if (!hosts.length) return;
    $('hosts-placement').textContent = `placement ${h.placement}`;
    const mib = (b) => `${Math.round((b || 0) / 1048576)} MiB`;
    const tb = $('hosts').tBodies[0];
    tb.replaceChildren(...hosts.map((x) => {
      const tr = document.createElement('tr');
      const cells = [
        x.name,
        x.healthy ? 'healthy' : 'lost',
        `${x.clones}${num(x.max_clones) ? ` / ${x.max_clones}` : ''}`,
        `${mib(x.memory_used_bytes)}${num(x.memory_bytes) ? ` / ${mib(x.memory_bytes)}` : ''}`,
      ];
      cells.forEach((t, i) => {
        const td = document.createElement('td');
        td.textContent = t;
        if (i >= 2) td.className = 'num';
        if (i === 1 && !x.healthy) { td.className = 'bad'; td.title = x.error || ''; }
        tr.appendChild(td);
      });
      tr.title = x.address;
      return tr;
    }));
  }

  async function refreshClones() {
    if (st.clonesBusy) return;
    st.clonesBusy = true;
    st.clonesAt = Date.now();
    try {
      st.clones = (await getJSON('/clones')).clones || [];
      renderClones();
      renderHosts(await getJSON('/hosts'));
    } catch (err) { /* the watchdog reports a daemon that stopped answering */ }
    st.clonesBusy = false;
  }

  function watchdog() {
    renderAges();
    tickRows();
    if (!st.lastMsgAt) return;
    const silent = Date.now() - st.lastMsgAt;
    if (silent > staleAfterMs()) {
      setConn('stale', `stale — no update for ${fmtDur(silent / 1000)}`);
      st.statusAt = 0;
      // A hung daemon keeps the socket open and the browser never notices: reconnect ourselves.
      if (st.es && st.es.readyState === EventSource.OPEN && Date.now() - st.forcedAt > 10000) {
        st.forcedAt = Date.now();
        st.resync = true;
        connect();
      }
    }
  }

  /* Events are returned oldest first; page through to the newest few hundred. */
  async function loadEvents() {
    let since = st.lastEventId, pages = 0;
    for (;;) {
      const r = await getJSON(`/events?since=${since}&limit=500`);
      const evs = r.events || [];
      addEvents(evs);
      const next = num(r.next) ? r.next : (evs.length ? evs[evs.length - 1].id : since);
      if (evs.length < 500 || next <= since || ++pages >= 40) break;
      since = next;
    }
  }

  async function loadAll(first) {
    try {
      const [status, clones, hist] = await Promise.all([
        getJSON('/status'), getJSON('/clones'), getJSON(`/metrics/history?window=${WINDOW_S}`),
      ]);
      st.skewMs = num(status.now_us) ? status.now_us / 1000 - Date.now() : 0;
      // A daemon started on a fresh state dir numbers events from 1 again: forget ours.
      const restarted = !first && st.status && num(status.uptime_s) && num(st.status.uptime_s) &&
        status.uptime_s < st.status.uptime_s;
      if (restarted) { st.events = []; st.eventIds.clear(); st.lastEventId = 0; st.marks = []; }
      for (const k of Object.keys(st.hist)) st.hist[k] = [];
      for (const p of hist.points || []) pushPoint(p);
      st.clones = clones.clones || [];
      st.clonesAt = Date.now();
      await loadEvents();
      applyStatus(status, false);
      redrawCharts();
      renderClones();
      if (first) { st.lastMsgAt = Date.now(); setConn('live', 'live'); }
      if (restarted) connect();       // the open stream resumed from an event id of the old store
    } catch (err) {
      setConn('reconnecting', 'daemon not answering');
      if (first) st.lastMsgAt = Date.now();
      st.resync = true;               // load everything again once the stream opens
    }
  }

  /* ---- actions ------------------------------------------------------------------------------- */
  function tokenStored() { try { return sessionStorage.getItem(TOKEN_KEY); } catch (e) { return null; } }
  function renderToken() {
    const t = tokenStored();
    $('token-state').textContent = t ? 'API token stored for this tab.' : 'No token stored in this tab.';
    $('token-forget').hidden = !t;
  }
  function forgetToken() { try { sessionStorage.removeItem(TOKEN_KEY); } catch (e) { /* storage off */ } renderToken(); }

  /* Asks the operator to confirm (and for the token when none is stored). Resolves to the token
   * to send ('' = none) or null when cancelled. */
  function confirmAction(title, text) {
    return new Promise((resolve) => {
      const dlg = $('confirm');
      const stored = tokenStored();
      $('confirm-title').textContent = title;
      $('confirm-text').textContent = text;
      $('token-row').hidden = !!stored;
      $('token-input').value = '';
      dlg.returnValue = '';
      dlg.addEventListener('close', () => {
        if (dlg.returnValue !== 'ok') return resolve(null);
        if (stored) return resolve(stored);
        const t = $('token-input').value.trim();
        if (t) { try { sessionStorage.setItem(TOKEN_KEY, t); } catch (e) { /* storage off */ } }
        renderToken();
        resolve(t);
      }, { once: true });
      dlg.showModal();
      (stored ? $('confirm-ok') : $('token-input')).focus();
    });
  }

  function result(text, ok) {
    const el = $('action-result');
    el.textContent = text;
    el.className = `action-result ${ok ? 'ok' : 'error'}`;
    el.dataset.n = Number(el.dataset.n || 0) + 1;   // lets a reader tell a new outcome from the last
  }

  async function act(title, text, method, path, body) {
    const token = await confirmAction(title, text);
    if (token === null) { result(`${title}: cancelled.`, true); return; }
    result(`${title}: sending…`, true);
    const headers = { 'Content-Type': 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    let r, j = {};
    try {
      r = await fetch(API + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      j = await r.json().catch(() => ({}));
    } catch (err) {
      result(`${title}: the daemon did not answer (${err.message}).`, false);
      return;
    }
    if (!r.ok) {
      if (r.status === 401) forgetToken();
      result(`${title}: refused (${r.status}): ${j.error || r.statusText}.`, false);
      return;
    }
    result(`${title}: done${num(j.desired) ? `, desired is now ${j.desired}` : ''}${j.state ? `, ${j.id} is ${j.state}` : ''}.`, true);
    // The stream will report it too; fetch now so the change shows without waiting for a tick.
    try {
      applyStatus(await getJSON('/status'), false);
      st.clones = (await getJSON('/clones')).clones || [];
      renderClones();
    } catch (err) { /* the stream catches up */ }
  }

  function retireClone(id) {
    act(`Retire ${id}`, `Drain clone ${id} out of the load balancer and destroy it.`,
      'POST', `/clones/${encodeURIComponent(id)}/retire`);
  }

  function initActions() {
    $('scale-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const n = Number($('scale-n').value);
      if (!Number.isInteger(n)) { result('Scale: enter a whole number of clones.', false); return; }
      act('Scale', `Set the desired number of clones to ${n}; the policy stops deciding until you return control to it.`,
        'POST', '/scale', { desired: n });
    });
    $('scale-policy').addEventListener('click', () => act('Return to policy',
      'Let the policy decide the number of clones again.', 'POST', '/scale', { desired: null }));
    $('token-forget').addEventListener('click', () => { forgetToken(); result('Token forgotten.', true); });
    $('show-retired').addEventListener('change', renderClones);
    $('event-filter').addEventListener('change', renderEvents);
    renderToken();
  }

  /* ---- start ------------------------------------------------------------------------------------ */
  async function start() {
    initActions();
    if (typeof uPlot === 'undefined') {
      setConn('stale', 'chart library missing');
    } else {
      initCharts();
    }
    await loadAll(true);
    connect();
    setInterval(watchdog, 1000);
  }
  start();
})();

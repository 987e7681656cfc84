// Seat Ledger seat map: plain browser JavaScript, no build step. It reads the public seat-map
// stream (snapshot, then deltas in seq order), sends commands to the REST API with an
// Idempotency-Key, and follows each of the buyer's holds on its own hold stream.
'use strict';
// a list of seat ids that wraps only between ids, never inside one (ids contain hyphens)
const idList = (ids) => ids.map((id) => `<span class="nw">${esc(id)}</span>`).join(', ');

const TOKEN_KEY = 'seatledger.token';
const ENDED_CARD_MS = 15000;

const $ = (id) => document.getElementById(id);
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

// the seat attributes the page draws an icon for (others are listed in the seat's description)
const ICONS = { WHEELCHAIR: 'wc', COMPANION: 'co', RESTRICTED_VIEW: 'rv' };

const state = {
  token: null, actor: null, admin: false,
  channels: [],          // the sales channels the caller's token may buy from (its channels claim)
  showId: null, show: null, seq: 0, stream: null,
  seats: new Map(),      // seatId -> { el, section, row, number, category, status, channel, attributes }
  areas: new Map(),      // areaId -> { el, name, category, capacity, available, held, sold, blocked }
  categories: [],        // in layout order; index = colour class
  selected: new Set(),
  holds: new Map(),      // holdId -> { body, card, stream, expiring }
  mine: new Set(),       // seatIds of the caller's active holds
};

// ---------- identity ----------

function readToken() {
  const m = location.hash.match(/token=([^&]+)/);
  if (m) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(m[1]));
    history.replaceState(null, '', location.pathname + location.search);   // keep it out of bookmarks
  }
  setToken(sessionStorage.getItem(TOKEN_KEY));
}

function setToken(token) {
  state.token = null; state.actor = null; state.admin = false; state.channels = [];
  if (token) {
    try {
      const claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
      if (claims.exp && claims.exp * 1000 < Date.now()) {
        flash('Your token has expired: sign in again.');
      } else {
        state.token = token;
        state.actor = claims.sub;
        state.admin = Array.isArray(claims.roles) && claims.roles.includes('admin');
        state.channels = Array.isArray(claims.channels) ? claims.channels : [];
      }
    } catch (e) {
      flash('That is not a JWT.');
    }
  }
  if (state.token) sessionStorage.setItem(TOKEN_KEY, state.token); else sessionStorage.removeItem(TOKEN_KEY);
  $('actor').textContent = state.actor ? `signed in as ${state.actor}${state.admin ? ' (admin)' : ''}` : 'not signed in (view only)';
  $('best-channel-label').hidden = !state.channels.length && !state.admin;
  $('signin').hidden = !!state.token;
  $('signout').hidden = !state.token;
  $('box-office').hidden = !state.admin;
  updateControls();
}

// ---------- REST ----------

// Countdowns run on the server's clock: a laptop that is minutes off must not show a wrong expiry.
// HTTP Date has whole seconds, so only a skew beyond a second and a half is corrected.
let clockOffset = 0;
function learnClock(res) {
  const server = Date.parse(res.headers.get('Date')) + 500;
  if (!Number.isNaN(server)) clockOffset = Math.abs(server - Date.now()) > 1500 ? server - Date.now() : 0;
}
const serverNow = () => Date.now() + clockOffset;

function randomId(prefix) {
  const bytes = crypto.getRandomValues(new Uint8Array(12));   // randomUUID needs a secure context; this does not
  return prefix + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

class Problem extends Error {
  constructor(status, body) {
    super(body && (body.detail || body.title) || `HTTP ${status}`);
    this.status = status; this.body = body || {};
  }
}

/**
 * Seconds to wait before retry {@code attempt} of a refused command: at least the server's
 * Retry-After, plus a random share of an exponentially growing window ("full jitter"), so that the
 * thousands of buyers refused in the same second of an on-sale do not all come back in the same
 * second again.
 */
function backoff(retryAfter, attempt) {
  const base = Math.max(1, Number(retryAfter) || 1);
  return base + Math.random() * Math.min(8, 2 ** (attempt - 1));
}

/** One command; a 503 or 429 is retried with the same Idempotency-Key, so the ledger decides it once. */
async function command(method, path, body) {
  if (!state.token) throw new Problem(401, { detail: 'Sign in first: paste a token, or open the URL bin/seat-ledger printed.' });
  const key = randomId('ui-');
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(path, {
      method,
      headers: { 'Authorization': `Bearer ${state.token}`, 'Content-Type': 'application/json', 'Idempotency-Key': key },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    learnClock(res);
    if (res.status === 204) return null;
    const json = await res.json().catch(() => null);
    if (res.ok) return json;
    if ((res.status === 503 || res.status === 429) && attempt < 6) {
      const wait = backoff(res.headers.get('Retry-After'), attempt);
      flash(`Busy (${res.status === 429 ? 'too many requests from you' : 'many buyers at once'}): trying again in ${Math.ceil(wait)} s…`, true);
      await new Promise((r) => setTimeout(r, wait * 1000));
      continue;
    }
    throw new Problem(res.status, json);
  }
}

function flash(text, info) {
  const m = $('message');
  m.textContent = text;
  m.className = info ? 'info' : '';
  m.hidden = false;
  clearTimeout(flash.timer);
  flash.timer = setTimeout(() => { m.hidden = true; }, 8000);
}

function explain(e) {
  if (!(e instanceof Problem)) return flash(`Network error: ${e.message}`);
  const seats = [...(e.body.seatErrors || []).map((s) => `${s.seatId} ${s.reason.toLowerCase().replace(/_/g, ' ')}`),
    ...(e.body.areaErrors || []).map((a) => `${a.areaId}: ${a.available} of ${a.requested} places left`)];
  const code = e.body.code ? ` (${e.body.code})` : '';
  flash(`${e.message}${code}${seats.length ? ': ' + seats.join(', ') : ''}`);
}

// ---------- shows ----------

async function loadShows() {
  try {
    const res = await fetch('/api/shows');
    const shows = await res.json();
    $('shows').innerHTML = shows.map((s) => {
      const free = Object.values(s.availability || {}).reduce((n, a) => n + a.available, 0);
      return `<a href="?show=${encodeURIComponent(s.showId)}" data-show="${esc(s.showId)}"${s.showId === state.showId ? ' class="current"' : ''}>`
        + `${esc(s.name)}<small>${free} free</small></a>`;
    }).join('') || '<span class="muted">no shows yet</span>';
    if (!state.showId && shows.length) openShow(shows[0].showId);
  } catch (e) {
    $('shows').textContent = 'cannot list shows';
  }
}

function openShow(showId) {
  if (state.stream) state.stream.close();
  for (const h of state.holds.values()) if (h.stream) h.stream.close();
  state.holds.clear(); state.mine.clear(); state.selected.clear();
  state.showId = showId; state.show = null; state.seq = 0;
  history.replaceState(null, '', `?show=${encodeURIComponent(showId)}`);
  document.querySelectorAll('#shows a').forEach((a) => a.classList.toggle('current', a.dataset.show === showId));
  renderHolds(); renderSelection();

  const es = new EventSource(`/api/shows/${encodeURIComponent(showId)}/events`);
  state.stream = es;
  es.addEventListener('snapshot', (ev) => { drawShow(JSON.parse(ev.data)); loadMyHolds(); refreshBoxOffice(); refreshChannels(); });
  es.addEventListener('seats', (ev) => applyDelta(JSON.parse(ev.data)));
  es.onopen = () => setLive(true);
  es.onerror = () => {
    setLive(false);
    if (es.readyState === EventSource.CLOSED && state.stream === es) {
      $('show-name').textContent = `No show ${showId}`;
    }
  };
}

function setLive(on) {
  const l = $('live');
  l.textContent = on ? 'live' : 'reconnecting';
  l.classList.toggle('off', !on);
}

// ---------- the map ----------

function drawShow(show) {
  state.show = show; state.seq = show.seq;
  state.seats.clear();
  state.areas.clear();
  state.categories = [];
  const sections = new Map();   // section -> Map(row -> seats[]) in first-appearance order
  for (const s of show.seats) {
    if (!state.categories.includes(s.category)) state.categories.push(s.category);
    if (!sections.has(s.section)) sections.set(s.section, new Map());
    const rows = sections.get(s.section);
    if (!rows.has(s.row)) rows.set(s.row, []);
    rows.get(s.row).push(s);
  }
  for (const a of show.areas || []) if (!state.categories.includes(a.category)) state.categories.push(a.category);
  // one string, one innerHTML: the cheapest way to build 20,000 seats
  const html = ['<div class="stage-mark">STAGE</div>'];
  // general-admission areas: places without seat numbers, drawn as blocks with live counts
  if ((show.areas || []).length) {
    html.push('<div class="areas">');
    for (const a of show.areas) {
      html.push(`<div class="area c${state.categories.indexOf(a.category) % 6}" data-area="${esc(a.areaId)}">`
        + `<b>${esc(a.name)}</b> <span class="area-count"></span>`
        + `<label>places <input class="area-qty" type="number" min="1" max="${a.capacity}" value="1"></label>`
        + `<button class="area-hold" type="button">Hold</button></div>`);
    }
    html.push('</div>');
  }
  let widest = 1;
  for (const [section, rows] of sections) {
    html.push(`<h4>${esc(section)}</h4>`);
    for (const [row, seats] of rows) {
      seats.sort((a, b) => a.number - b.number);
      html.push(`<div class="row"><span class="rl">${esc(row)}</span>`);
      let width = 0;
      seats.forEach((s, i) => {
        const skip = i ? Math.min(4, s.number - seats[i - 1].number - 1) : 0;   // aisles keep their gap
        for (let g = 0; g < skip; g++) html.push('<i class="seat gap"></i>');
        const icons = (s.attributes || []).filter((a) => ICONS[a]).map((a) => ` a-${ICONS[a]}`).join('');
        html.push(`<i class="seat c${state.categories.indexOf(s.category) % 6}${icons}" data-seat="${esc(s.seatId)}" data-status="${s.status}"></i>`);
        width += skip + 1;
      });
      widest = Math.max(widest, width);
      html.push(`<span class="rl"></span></div>`);
    }
  }
  const map = $('map');
  map.innerHTML = html.join('');
  for (const el of map.querySelectorAll('.seat[data-seat]')) {
    state.seats.set(el.dataset.seat, { el, status: el.dataset.status });
  }
  for (const s of show.seats) {
    Object.assign(state.seats.get(s.seatId), s);
    drawChannel(s.seatId);
  }
  applyFilter();
  for (const a of show.areas || []) {
    state.areas.set(a.areaId, { ...a, el: map.querySelector(`.area[data-area="${CSS.escape(a.areaId)}"]`) });
    drawArea(a.areaId);
  }
  map.dataset.widest = widest;
  map.dataset.lines = [...sections.values()].reduce((n, rows) => n + rows.size + 3, 3);
  sizeSeats();

  $('show-name').textContent = show.name;
  const places = (show.areas || []).reduce((n, a) => n + a.capacity, 0);
  $('show-meta').textContent = [show.startsAt && new Date(show.startsAt).toLocaleString(), `${show.seats.length.toLocaleString()} seats`,
    places && `${places.toLocaleString()} standing places`,
    show.policy && `holds last ${duration(show.policy.holdTtlSeconds)}`].filter(Boolean).join(' · ');
  // best available picks seats: only categories that have seats
  const seatCategories = state.categories.filter((c) => show.seats.some((s) => s.category === c));
  $('best-category').innerHTML = seatCategories.map((c) => `<option>${esc(c)}</option>`).join('');
  // best available within one of the buyer's channels (a presale), or the public pool
  const channelIds = [...new Set(show.seats.map((s) => s.channel).filter(Boolean))]
    .filter((c) => state.admin || state.channels.includes(c));
  $('best-channel').innerHTML = '<option value="">public</option>' + channelIds.map((c) => `<option>${esc(c)}</option>`).join('');
  for (const id of [...state.selected]) if (!isSelectable(id)) state.selected.delete(id);
  for (const id of state.selected) state.seats.get(id).el.classList.add('sel');
  for (const id of state.mine) markMine(id, true);
  drawAvailability(show.availability);
  renderSelection();
}

/** Fit the house in view when the seats stay big enough to click; big arenas scroll instead. */
function sizeSeats() {
  const map = $('map');
  const widest = Number(map.dataset.widest || 1);
  const lines = Number(map.dataset.lines || 1);
  const byWidth = Math.floor((map.clientWidth - 80) / widest) - 1;
  const byHeight = Math.floor(window.innerHeight * 0.72 / lines) - 1;
  const size = Math.max(byWidth >= 8 ? Math.max(8, Math.min(byWidth, byHeight)) : byWidth, 4);
  map.style.setProperty('--seat', `${Math.min(18, size)}px`);
}

function applyDelta(delta) {
  if (!state.show || delta.seq <= state.seq) return;
  state.seq = delta.seq;
  for (const change of delta.seats) {
    const seat = state.seats.get(change.seatId);
    if (!seat) continue;
    seat.status = change.status;
    seat.el.dataset.status = change.status;
    if (delta.cause === 'CHANNEL') {
      seat.channel = change.channel || null;
      drawChannel(change.seatId);
    }
    if (!isSelectable(change.seatId) && state.selected.delete(change.seatId)) seat.el.classList.remove('sel');
  }
  for (const counts of delta.areas || []) {
    const area = state.areas.get(counts.areaId);
    if (!area) continue;
    Object.assign(area, counts);
    drawArea(counts.areaId);
  }
  drawAvailability(delta.availability);
  renderSelection();
  if (state.admin) refreshBoxOfficeSoon();
  if (state.admin || state.channels.length) refreshChannelsSoon();
}

/** Whether the caller may buy the seat: the public pool's, or a channel its token names (admins: any). */
function mayBuy(seat) {
  return !seat.channel || state.admin || state.channels.includes(seat.channel);
}

/** A channel's seat is greyed out for those who may not buy it, marked for those who may. */
function drawChannel(seatId) {
  const s = state.seats.get(seatId);
  if (s.channel) s.el.dataset.channel = s.channel; else delete s.el.dataset.channel;
  s.el.classList.toggle('locked', !mayBuy(s));
}

/** The attribute filter: seats with the chosen attribute stand out, the others fade. */
function applyFilter() {
  const want = $('filter').value;
  $('map').classList.toggle('filtering', !!want);
  for (const s of state.seats.values()) s.el.classList.toggle('match', !!want && (s.attributes || []).includes(want));
}

/** At most one read of the show body every 3 s: a stadium's map is large, and an on-sale changes it constantly. */
function refreshChannelsSoon() {
  if (!refreshChannelsSoon.timer) {
    refreshChannelsSoon.timer = setTimeout(() => { refreshChannelsSoon.timer = null; refreshChannels(); }, 3000);
  }
}

/** The channels the caller may see, with their availability: its presales, or every channel for admins. */
async function refreshChannels() {
  const box = $('channel-counts');
  if (!state.token || !state.showId || (!state.admin && !state.channels.length)) {
    box.hidden = true;
    return;
  }
  try {
    const show = await read(showPath());
    const rows = (show.channels || []).map((c) => {
      const a = Object.values(c.availability || {}).reduce((n, k) => ({ available: n.available + k.available, held: n.held + k.held, sold: n.sold + k.sold }), { available: 0, held: 0, sold: 0 });
      return `<tr data-channel="${esc(c.channelId)}"><td>${esc(c.name)}</td><td class="available">${a.available}</td><td>${a.held}</td><td>${a.sold}</td></tr>`;
    });
    box.innerHTML = '<tr><th>channel</th><th>available</th><th>held</th><th>sold</th></tr>' + rows.join('');
    box.hidden = !rows.length;
  } catch (e) {
    box.hidden = true;
  }
}

function drawArea(areaId) {
  const a = state.areas.get(areaId);
  a.el.querySelector('.area-count').textContent = `${a.available} of ${a.capacity} places available`;
  a.el.dataset.available = a.available;
  a.el.classList.toggle('full', a.available === 0);
}

function drawAvailability(availability) {
  const rows = state.categories.filter((c) => availability[c]).map((c) => {
    const a = availability[c];
    return `<tr data-category="${esc(c)}"><td><span class="sw c${state.categories.indexOf(c) % 6}" style="background:var(--ca)"></span>${esc(c)}</td>`
      + `<td class="available">${a.available}</td><td>${a.held}</td><td>${a.sold}</td><td>${a.blocked}</td></tr>`;
  });
  $('availability').innerHTML = '<tr><th>category</th><th>available</th><th>held</th><th>sold</th><th>blocked</th></tr>' + rows.join('');
}

function duration(seconds) {
  return seconds < 120 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
}

/** Buyers select available seats they may buy; the box office also blocked ones (to unblock them). */
function isSelectable(seatId) {
  const s = state.seats.get(seatId);
  return s && mayBuy(s) && (s.status === 'AVAILABLE' || (state.admin && s.status === 'BLOCKED'));
}

function describe(seatId) {
  const s = state.seats.get(seatId);
  const status = state.mine.has(seatId) && s.status === 'HELD' ? 'held by you' : s.status.toLowerCase();
  const attributes = (s.attributes || []).map((a) => a.toLowerCase().replace(/_/g, ' '));
  const channel = s.channel ? (mayBuy(s) ? `channel ${s.channel}` : `channel ${s.channel}: not for sale to you`) : null;
  return [`${s.section} · row ${s.row} · seat ${s.number} · ${s.category} · ${status}`, ...attributes, channel]
    .filter(Boolean).join(' · ');
}

// ---------- selection and holds ----------

function renderSelection() {
  const ids = [...state.selected];
  $('selection').innerHTML = ids.length ? `${ids.length} seat${ids.length > 1 ? 's' : ''}: ${idList(ids)}` : 'Click available seats to select them.';
  updateControls();
}

function clearSelection() {
  for (const id of state.selected) state.seats.get(id).el.classList.remove('sel');
  state.selected.clear();
  renderSelection();
}

function updateControls() {
  const ready = !!(state.token && state.show);
  $('hold-selected').disabled = !ready || state.selected.size === 0;
  $('clear-selection').disabled = state.selected.size === 0;
  $('hold-best').disabled = !ready;
  for (const b of document.querySelectorAll('.area-hold')) b.disabled = !ready;
  const boReady = ready && state.admin && state.selected.size > 0;
  for (const id of ['bo-block', 'bo-unblock', 'bo-sell', 'bo-assign', 'bo-unassign']) $(id).disabled = !boReady;
}

async function hold(request, button) {
  button.disabled = true;
  try {
    const body = await command('POST', `/api/shows/${encodeURIComponent(state.showId)}/holds`, request);
    addHold(body);
    clearSelection();
  } catch (e) {
    explain(e);
  } finally {
    updateControls();
  }
}

async function loadMyHolds() {
  if (!state.token) return;
  const showId = state.showId;
  try {
    const res = await fetch(`/api/shows/${encodeURIComponent(showId)}/holds`, { headers: { 'Authorization': `Bearer ${state.token}` } });
    learnClock(res);
    if (!res.ok || showId !== state.showId) return;
    for (const h of await res.json()) if (!state.holds.has(h.holdId)) addHold(h);
  } catch (e) { /* the list is a convenience; the map is still right */ }
}

function addHold(body) {
  const card = $('hold-card').content.firstElementChild.cloneNode(true);
  card.dataset.hold = body.holdId;
  card.querySelector('.order').value = randomId('o-').slice(0, 14);
  const entry = { body, card, stream: null, expiring: false };
  state.holds.set(body.holdId, entry);
  card.querySelector('.extend').onclick = () => act(entry, 'POST', 'extend', {});
  card.querySelector('.release').onclick = () => act(entry, 'DELETE', '', undefined);
  card.querySelector('.confirm').onclick = () => act(entry, 'POST', 'confirm', { orderId: card.querySelector('.order').value.trim() });
  updateHold(entry, body);
  followHold(entry);
  renderHolds();
}

/** The hold stream tells this buyer what the seat map cannot: extended, expiring, expired. */
function followHold(entry) {
  const id = entry.body.holdId;
  const es = new EventSource(`/api/holds/${encodeURIComponent(id)}/events?access_token=${encodeURIComponent(state.token)}`);
  entry.stream = es;
  es.addEventListener('hold', (ev) => updateHold(entry, JSON.parse(ev.data)));
  es.addEventListener('expiring', () => {
    entry.expiring = true;
    entry.card.classList.add('expiring');
    entry.card.querySelector('.notice').textContent = 'Less than a minute left: extend or confirm now.';
  });
  es.onerror = () => { if (entry.body.status !== 'ACTIVE') es.close(); };
}

function updateHold(entry, body) {
  entry.body = Object.assign({}, entry.body, body);
  const h = entry.body;
  const card = entry.card;
  card.querySelector('.hold-seats').innerHTML = idList([...h.seatIds,
    ...(h.areas || []).map((a) => `${a.quantity} × ${a.areaId}`)]);
  card.dataset.status = h.status;
  const active = h.status === 'ACTIVE';
  for (const id of h.seatIds) markMine(id, active);
  if (active) {
    if (entry.expiring && Date.parse(h.expiresAt) - serverNow() > 60000) {
      entry.expiring = false;
      card.classList.remove('expiring');
      card.querySelector('.notice').textContent = '';
    }
    tick();
    return;
  }
  if (entry.stream) entry.stream.close();
  card.classList.add('ended');
  card.classList.remove('expiring');
  const words = {
    CONFIRMED: `Confirmed${h.orderId ? `: order ${h.orderId}` : ''}. Enjoy the show.`,
    RELEASED: 'Released.',
    EXPIRED: 'Your hold expired and the seats were released.',
  };
  card.querySelector('.notice').textContent = words[h.status] || h.status;
  card.querySelector('.countdown').textContent = h.status.toLowerCase();
  if (h.status === 'EXPIRED' && !entry.noticed) flash(`Hold on ${h.seatIds.join(', ')} expired.`, true);
  entry.noticed = true;
  clearTimeout(entry.removal);
  entry.removal = setTimeout(() => { state.holds.delete(h.holdId); renderHolds(); }, ENDED_CARD_MS);
}

async function act(entry, method, verb, body) {
  const buttons = entry.card.querySelectorAll('button');
  buttons.forEach((b) => { b.disabled = true; });
  try {
    const path = `/api/holds/${encodeURIComponent(entry.body.holdId)}${verb ? '/' + verb : ''}`;
    const res = await command(method, path, body);
    updateHold(entry, res || { status: 'RELEASED' });
  } catch (e) {
    explain(e);
    if (e instanceof Problem && e.body.code === 'HOLD_EXPIRED') updateHold(entry, { status: 'EXPIRED' });
  } finally {
    buttons.forEach((b) => { b.disabled = false; });
  }
}

function markMine(seatId, mine) {
  if (mine) state.mine.add(seatId); else state.mine.delete(seatId);
  const s = state.seats.get(seatId);
  if (s) s.el.classList.toggle('mine', mine);
}

function renderHolds() {
  const box = $('holds');
  box.replaceChildren(...[...state.holds.values()].map((h) => h.card));
  if (!state.holds.size) box.innerHTML = '<p class="muted">No holds.</p>';
}

function tick() {
  const now = serverNow();
  for (const { body, card } of state.holds.values()) {
    if (body.status !== 'ACTIVE') continue;
    const left = Math.max(0, Math.round((Date.parse(body.expiresAt) - now) / 1000));
    card.querySelector('.countdown').textContent = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
  }
  for (const row of document.querySelectorAll('#all-holds .bo-row')) {
    const left = Math.max(0, Math.round((Date.parse(row.dataset.expires) - now) / 1000));
    row.querySelector('.countdown').textContent = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
  }
}

// ---------- box office (admins) ----------

/** A read that needs the caller's token (the box office's listings). */
async function read(path) {
  const res = await fetch(path, { headers: { 'Authorization': `Bearer ${state.token}` } });
  learnClock(res);
  const json = await res.json().catch(() => null);
  if (!res.ok) throw new Problem(res.status, json);
  return json;
}

const showPath = () => `/api/shows/${encodeURIComponent(state.showId)}`;

/** Move the selected seats into a channel (or back to the public pool); all or nothing. */
async function assignChannel(toPool) {
  const seatIds = [...state.selected];
  const channelId = toPool ? 'public' : $('bo-channel').value.trim();
  const name = $('bo-channel-name').value.trim();
  if (!channelId) {
    flash('Name the channel first (an id such as fanclub).');
    return;
  }
  try {
    await command('POST', `${showPath()}/channels/${encodeURIComponent(channelId)}/seats`, name && !toPool ? { name, seatIds } : { seatIds });
    flash(`${toPool ? 'Back to the public pool' : `Into channel ${channelId}`}: ${seatIds.join(', ')}`, true);
    clearSelection();
    refreshBoxOffice();
  } catch (e) {
    explain(e);
  }
}

/** Block, unblock or sell the selected seats; all or nothing, as the ledger decides. */
async function boxOffice(kind) {
  const seatIds = [...state.selected];
  const order = $('bo-order').value.trim();
  const request = { block: ['blocks', { seatIds }], unblock: ['unblocks', { seatIds }], sell: ['sales', { seatIds, orderId: order }] }[kind];
  try {
    await command('POST', `${showPath()}/${request[0]}`, request[1]);
    flash(`${kind === 'sell' ? `Sold under order ${order}` : kind === 'block' ? 'Blocked' : 'Unblocked'}: ${seatIds.join(', ')}`, true);
    if (kind === 'sell') $('bo-order').value = randomId('box-').slice(0, 16);
    clearSelection();
    refreshBoxOffice();
  } catch (e) {
    explain(e);
  }
}

/** Who holds or bought a seat: the admin's seat look-up. */
async function showSeatDetail(seatId) {
  try {
    const d = await read(`${showPath()}/seats/${encodeURIComponent(seatId)}`);
    const who = [d.holdId && `hold ${d.holdId}`, d.actor && `by ${d.actor}`, d.orderId && `order ${d.orderId}`].filter(Boolean);
    $('seat-detail').innerHTML = `<b>${esc(d.seatId)}</b> ${esc(d.status.toLowerCase())}${who.length ? ' · ' + esc(who.join(' · ')) : ''}`;
    $('seat-detail').dataset.seat = d.seatId;
  } catch (e) {
    explain(e);
  }
}

function refreshBoxOfficeSoon() {
  clearTimeout(refreshBoxOfficeSoon.timer);
  refreshBoxOfficeSoon.timer = setTimeout(refreshBoxOffice, 300);
}

/** Every active hold of the show (with release) and every order (with cancel = refund). */
async function refreshBoxOffice() {
  if (!state.admin || !state.showId) return;
  try {
    const [holds, orders, channels] = await Promise.all([read(`${showPath()}/holds?all=true`), read(`${showPath()}/orders`),
      read(`${showPath()}/channels`)]);
    const list = (el, rows, empty) => {
      el.innerHTML = rows.length ? rows.join('') : `<p class="muted">${empty}</p>`;
      el.removeAttribute('aria-busy');
    };
    list($('all-holds'), holds.map((h) => `<div class="bo-row" data-hold="${esc(h.holdId)}" data-expires="${esc(h.expiresAt)}">`
      + `<span><b>${esc(h.actor)}</b> ${idList([...h.seatIds, ...(h.areas || []).map((a) => `${a.quantity} × ${a.areaId}`)])}</span>`
      + `<span class="countdown"></span><button type="button" class="bo-release">Release</button></div>`), 'None.');
    list($('orders'), orders.map((o) => `<div class="bo-row" data-order="${esc(o.orderId)}">`
      + `<span><b>${esc(o.orderId)}</b> ${idList([...o.seatIds, ...(o.areas || []).map((a) => `${a.quantity} × ${a.areaId}`)])}`
      + `${o.actor ? ' · ' + esc(o.actor) : ''}</span><button type="button" class="bo-cancel">Cancel (refund)</button></div>`), 'None.');
    list($('bo-channels'), channels.map((c) => {
      const counts = Object.entries(c.availability || {}).map(([cat, k]) => `${esc(cat)} ${k.available} free, ${k.held} held, ${k.sold} sold`);
      return `<div class="bo-row" data-channel="${esc(c.channelId)}"><span><b>${esc(c.name)}</b> (${esc(c.channelId)}): `
        + `${c.seatIds.length} seats${(c.areas || []).map((a) => `, ${a.quantity} × ${esc(a.areaId)}`).join('')}<br>`
        + `<small>${counts.join(' · ') || 'nothing yet'}</small></span></div>`;
    }), 'None: every seat is in the public pool.');
    tick();
  } catch (e) {
    if (e.status !== 404) explain(e);
  }
}

async function boxOfficeRow(ev) {
  const row = ev.target.closest('.bo-row');
  if (!row || ev.target.tagName !== 'BUTTON') return;
  ev.target.disabled = true;
  try {
    if (row.dataset.hold) await command('DELETE', `/api/holds/${encodeURIComponent(row.dataset.hold)}`);
    else await command('POST', `${showPath()}/orders/${encodeURIComponent(row.dataset.order)}/cancel`);
    refreshBoxOffice();
  } catch (e) {
    explain(e);
    ev.target.disabled = false;
  }
}

// ---------- wiring ----------

function wire() {
  const map = $('map');
  map.addEventListener('click', (ev) => {
    const id = ev.target.dataset && ev.target.dataset.seat;
    if (!id) return;
    if (state.selected.delete(id)) {
      ev.target.classList.remove('sel');
    } else if (isSelectable(id)) {
      state.selected.add(id);
      ev.target.classList.add('sel');
    }
    renderSelection();
    if (state.admin) showSeatDetail(id);
  });
  map.addEventListener('click', (ev) => {
    const button = ev.target.closest('.area-hold');
    if (!button) return;
    // places of the area, with the selected seats in the same hold (all or nothing)
    const area = button.closest('.area');
    const place = { areaId: area.dataset.area, quantity: Number(area.querySelector('.area-qty').value) };
    if ($('best-channel').value) place.channel = $('best-channel').value;   // the presale's quota of the area
    const request = { areas: [place] };
    if (state.selected.size) request.seatIds = [...state.selected];
    hold(request, button);
  });
  map.addEventListener('mouseover', (ev) => {
    const id = ev.target.dataset && ev.target.dataset.seat;
    if (id) $('hover').textContent = `${id}: ${describe(id)}`;
  });
  $('hold-selected').onclick = (ev) => hold({ seatIds: [...state.selected] }, ev.target);
  $('clear-selection').onclick = clearSelection;
  $('bo-block').onclick = () => boxOffice('block');
  $('bo-unblock').onclick = () => boxOffice('unblock');
  $('bo-sell').onclick = () => boxOffice('sell');
  $('bo-assign').onclick = () => assignChannel(false);
  $('bo-unassign').onclick = () => assignChannel(true);
  $('filter').onchange = applyFilter;
  $('bo-order').value = randomId('box-').slice(0, 16);
  $('all-holds').addEventListener('click', boxOfficeRow);
  $('orders').addEventListener('click', boxOfficeRow);
  $('best').onsubmit = (ev) => {
    ev.preventDefault();
    const want = { category: $('best-category').value, quantity: Number($('best-qty').value), adjacent: $('best-adjacent').checked };
    if ($('best-channel').value) want.channel = $('best-channel').value;
    if ($('best-wheelchair').checked) {
      // wheelchair spaces, each hold with companion seats next to them
      want.require = ['WHEELCHAIR'];
      want.companions = Number($('best-companions').value);
      want.adjacent = true;
    }
    if ($('best-no-restricted').checked) want.avoid = ['RESTRICTED_VIEW'];
    hold({ bestAvailable: want }, $('hold-best'));
  };
  $('signin').onsubmit = (ev) => {
    ev.preventDefault();
    setToken($('token').value.trim());
    $('token').value = '';
    loadMyHolds();
  };
  $('signout').onclick = () => { setToken(null); openShow(state.showId); };
  $('shows').addEventListener('click', (ev) => {
    const a = ev.target.closest('a[data-show]');
    if (!a) return;
    ev.preventDefault();
    openShow(a.dataset.show);
  });
  window.addEventListener('resize', sizeSeats);
  // a URL with another #token= pasted into this tab: another buyer, not a reload
  window.addEventListener('hashchange', () => {
    if (!/token=/.test(location.hash)) return;
    readToken();
    if (state.showId) openShow(state.showId);
  });
  setInterval(tick, 500);
  setInterval(loadShows, 10000);
  setInterval(refreshBoxOffice, 5000);   // expiries change the hold list too
}

wire();
readToken();
const wanted = new URLSearchParams(location.search).get('show');
if (wanted) openShow(wanted);
loadShows();

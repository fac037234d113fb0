// Spikewatch live page. Polls the server's read-only JSON endpoints and renders the panels.
// Data is untrusted (posts are hostile input): it is only ever written with textContent or
// handed to Chart.js as labels and numbers, never parsed as HTML.
'use strict';

const POLL_MS = 5000;
const COLORS = ['#3d7bd9', '#e67e22', '#27ae60', '#8e44ad', '#c0392b', '#16a085', '#d35400', '#2c3e50', '#7f8c8d', '#f1c40f'];
const SENTIMENT = [
  { key: 'negative', label: 'negative', color: '#c0392b' },
  { key: 'neutral', label: 'neutral', color: '#95a5a6' },
  { key: 'positive', label: 'positive', color: '#27ae60' },
  { key: 'unscored', label: 'no sentiment (not annotated yet, or not English)', color: '#d5dbe1' },
];

const state = { charts: {}, selectedSpike: null, range: null, timer: null };

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

async function api(path, params) {
  const query = new URLSearchParams(params || {}).toString();
  const response = await fetch(path + (query ? '?' + query : ''), { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({ error: 'unreadable answer' }));
  if (!response.ok) throw new Error(path + ': ' + (body.error || response.status));
  return body;
}

function timeLabel(iso, withDay) {
  const d = new Date(iso);
  const options = withDay ? { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' } : { hour: '2-digit', minute: '2-digit' };
  return d.toLocaleString(undefined, options);
}

function number(n) {
  return (n === undefined || n === null) ? '–' : Number(n).toLocaleString();
}

function chart(id, config) {
  if (!state.charts[id]) {
    config.options = Object.assign({ animation: false, responsive: true, maintainAspectRatio: false }, config.options || {});
    state.charts[id] = new Chart(document.getElementById(id), config);
  }
  return state.charts[id];
}

function labelsOf(data) {
  const withDay = data.interval_seconds >= 3600 || (new Date(data.to) - new Date(data.from)) > 86400000;
  return data.times.map(t => timeLabel(t, withDay));
}

function renderVolume(data) {
  document.getElementById('volume-total').textContent = number(data.total);
  const c = chart('volume-chart', {
    type: 'bar',
    data: { labels: [], datasets: SENTIMENT.map(s => ({ label: s.label, backgroundColor: s.color, data: [] })) },
    options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } },
  });
  c.data.labels = labelsOf(data);
  SENTIMENT.forEach((s, i) => { c.data.datasets[i].data = data[s.key]; });
  c.update();
}

function renderShare(data) {
  const totals = data.times.map((_, i) => data.series.reduce((sum, s) => sum + (s.values[i] || 0), 0));
  const c = chart('share-chart', {
    type: 'line', data: { labels: [], datasets: [] },
    options: { scales: { y: { stacked: true, min: 0, max: 1, ticks: { format: { style: 'percent' } } } }, elements: { point: { radius: 0 } } },
  });
  c.data.labels = labelsOf(data);
  c.data.datasets = data.series.map((s, k) => ({
    label: s.name, fill: true, borderColor: COLORS[k % COLORS.length], backgroundColor: COLORS[k % COLORS.length],
    data: s.values.map((v, i) => totals[i] ? (v || 0) / totals[i] : 0),
  }));
  c.update();
}

function renderSentiment(data) {
  const c = chart('sentiment-chart', {
    type: 'line', data: { labels: [], datasets: [] },
    options: { spanGaps: true, scales: { y: { min: -1, max: 1 } }, elements: { point: { radius: 1 } } },
  });
  c.data.labels = labelsOf(data);
  c.data.datasets = data.series.map((s, k) => ({ label: s.name, borderColor: COLORS[k % COLORS.length], backgroundColor: COLORS[k % COLORS.length], data: s.values }));
  c.update();
}

function renderTopEntities(data) {
  const c = chart('entities-chart', {
    type: 'bar', data: { labels: [], datasets: [{ label: 'posts', backgroundColor: '#3d7bd9', data: [] }] },
    options: { indexAxis: 'y', plugins: { legend: { display: false } } },
  });
  c.data.labels = data.entities.map(e => e.name);
  c.data.datasets[0].data = data.entities.map(e => e.count);
  c.update();
  const body = document.querySelector('#top-entities tbody');
  clear(body);
  data.entities.forEach(e => {
    const row = el('tr');
    row.append(el('td', 'entity', e.name), el('td', 'count', number(e.count)));
    body.append(row);
  });
}

function postItem(post) {
  const item = el('li', 'post');
  const author = post.author || {};
  const sentiment = post.sentiment ? post.sentiment.label + (post.sentiment.score !== undefined ? ' ' + post.sentiment.score.toFixed(2) : '') : post.annotation_status;
  const engagement = post.engagement || {};
  const meta = [post.created_at ? timeLabel(post.created_at, true) : '', post.platform,
    author.handle ? '@' + author.handle : '', author.followers !== undefined ? number(author.followers) + ' followers' : '',
    engagement.views !== undefined ? number(engagement.views) + ' views' : '', engagement.reposts !== undefined ? number(engagement.reposts) + ' reposts' : '',
    sentiment, (post.canonical_entities || []).join(', ')].filter(Boolean).join(' · ');
  item.append(el('div', 'meta', meta), el('div', 'text', post.text));
  return item;
}

function renderPosts(id, posts) {
  const list = document.getElementById(id);
  clear(list);
  if (!posts.length) list.append(el('li', 'empty', 'none in this window'));
  posts.forEach(p => list.append(postItem(p)));
}

function renderStatements(data) {
  const list = document.getElementById('statements');
  clear(list);
  if (!data.statements.length) list.append(el('li', 'empty', 'none in this window'));
  data.statements.forEach(s => {
    const item = el('li', 'post');
    const meta = [s.published_at ? timeLabel(s.published_at, true) : '', s.organization, s.speaker,
      s.sentiment ? s.sentiment.label : '', (s.canonical_entities || []).join(', ')].filter(Boolean).join(' · ');
    item.append(el('div', 'meta', meta), el('strong', null, s.title || ''), el('div', 'text', s.text));
    list.append(item);
  });
}

function renderAlerts(data) {
  const body = document.querySelector('#alerts tbody');
  clear(body);
  data.alerts.forEach(a => {
    const row = el('tr');
    row.append(el('td', null, timeLabel(a.created_at, true)), el('td', null, a.rule), el('td', null, a.series),
      el('td', null, a.phase), el('td', null, a.severity), el('td', null, a.title));
    body.append(row);
  });
  if (!data.alerts.length) {
    const row = el('tr');
    const cell = el('td', 'empty', 'no alerts in this window');
    cell.colSpan = 6;
    row.append(cell);
    body.append(row);
  }
}

function severityBadge(severity) {
  return el('span', 'severity' + (severity >= 70 ? ' high' : severity >= 40 ? ' medium' : ''), severity);
}

function renderSpikes(data) {
  const list = document.getElementById('spikes');
  clear(list);
  if (!data.spikes.length) list.append(el('li', 'empty', 'no spike episodes in this window'));
  data.spikes.forEach(s => {
    const item = el('li');
    const button = el('button', 'spike' + (s.id === state.selectedSpike ? ' selected' : ''));
    button.type = 'button';
    button.dataset.spikeId = s.id;
    button.append(severityBadge(s.severity), el('span', 'series', s.series), document.createTextNode(' '),
      el('span', 'kind', s.kind), document.createTextNode(' · ' + timeLabel(s.start, true) + ' · ' + s.phase));
    button.addEventListener('click', () => selectSpike(s.id));
    item.append(button);
    list.append(item);
  });
}

function weights(title, list) {
  const box = el('div');
  box.append(el('h3', null, title));
  const ul = el('ul', 'terms');
  list.forEach(w => ul.append(el('li', null, w.term + ' ×' + w.count + (w.lift !== undefined ? ' (lift ' + w.lift.toFixed(1) + ')' : ''))));
  if (!list.length) ul.append(el('li', 'empty', 'none'));
  box.append(ul);
  return box;
}

function renderSpikeDetail(s) {
  const box = document.getElementById('spike-detail');
  clear(box);
  const e = s.explanation || {};
  const sentiment = e.sentiment || {};
  box.append(el('p', 'headline', s.series + ' · ' + s.kind + ' · ' + s.phase + ' · severity ' + s.severity
    + ' · from ' + timeLabel(s.start, true) + (s.end ? ' to ' + timeLabel(s.end, true) : ' (ongoing)')));
  box.append(el('p', 'numbers', number(e.observed) + ' posts against ' + (e.expected !== undefined ? e.expected.toFixed(1) : '–')
    + ' expected · ' + number(e.unique_authors) + ' authors · sentiment: ' + number(sentiment.negative) + ' negative, '
    + number(sentiment.neutral) + ' neutral, ' + number(sentiment.positive) + ' positive'
    + (sentiment.mean !== undefined ? ' (mean ' + sentiment.mean.toFixed(2) + ')' : '')));
  box.append(weights('Terms', e.terms || []), weights('Hashtags', e.hashtags || []), weights('Entities', e.entities || []));
  box.append(el('h3', null, 'Posts that carried it'));
  const top = el('ul', 'list posts top-posts');
  (e.top_posts || []).forEach(p => top.append(postItem({ id: p.id, platform: p.platform, author: { handle: p.author_handle },
    text: p.text, created_at: p.created_at, engagement: { reposts: p.reposts } })));
  if (!(e.top_posts || []).length) top.append(el('li', 'empty', 'none kept'));
  box.append(top);
  box.append(el('h3', null, 'Posts of the series during the episode'));
  const posts = el('ul', 'list posts series-posts');
  s.posts.forEach(p => posts.append(postItem(p)));
  if (!s.posts.length) posts.append(el('li', 'empty', 'none indexed yet'));
  box.append(posts);
}

async function selectSpike(id) {
  state.selectedSpike = id;
  document.querySelectorAll('button.spike').forEach(b => b.classList.toggle('selected', b.dataset.spikeId === id));
  try {
    renderSpikeDetail(await api('/api/spike', { id }));
  } catch (err) {
    showError(err);
  }
}

function showError(err) {
  const status = document.getElementById('status');
  status.textContent = String(err.message || err);
  status.classList.add('error');
}

function windowRange(newest) {
  const minutes = Number(document.getElementById('window').value);
  const to = new Date(Math.floor(new Date(newest).getTime() / 60000) * 60000 + 60000);
  const from = new Date(to.getTime() - minutes * 60000);
  return { from: from.toISOString(), to: to.toISOString() };
}

async function refresh() {
  const status = document.getElementById('status');
  try {
    const extent = await api('/api/extent');
    if (!extent.newest) {
      status.textContent = 'no posts indexed yet; waiting for the job…';
      status.classList.remove('error');
      return;
    }
    const range = windowRange(extent.newest);
    const [volume, share, sentiment, entities, reach, negative, statements, alerts, spikes] = await Promise.all([
      api('/api/volume', range), api('/api/share-of-voice', range), api('/api/entity-sentiment', range),
      api('/api/top-entities', range), api('/api/most-reach', range), api('/api/negative-posts', range),
      api('/api/statements', range), api('/api/alerts', range), api('/api/spikes', range)]);
    renderVolume(volume);
    renderShare(share);
    renderSentiment(sentiment);
    renderTopEntities(entities);
    renderPosts('most-reach', reach.posts);
    renderPosts('negative-posts', negative.posts);
    renderStatements(statements);
    renderAlerts(alerts);
    renderSpikes(spikes);
    if (state.selectedSpike) {
      renderSpikeDetail(await api('/api/spike', { id: state.selectedSpike }));
    }
    status.textContent = number(extent.posts) + ' posts indexed · window ' + timeLabel(range.from, true) + ' – '
      + timeLabel(range.to, true) + ' · updated ' + new Date().toLocaleTimeString();
    status.classList.remove('error');
    document.body.dataset.loaded = 'true';
  } catch (err) {
    showError(err);
  }
}

function schedule() {
  clearTimeout(state.timer);
  refresh().finally(() => { state.timer = setTimeout(schedule, POLL_MS); });
}

document.getElementById('window').addEventListener('change', schedule);
schedule();

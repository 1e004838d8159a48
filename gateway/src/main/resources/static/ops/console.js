// The operator console: polls GET /api/v1/ops/console every 2 s and draws it; shows the
// configuration in force (GET /api/v1/ops/configuration); runs trial submissions against the
// public POST /api/v1/verifications. Every request carries the operator's key as X-Api-Key.
// Plain DOM, no framework, no build step; text goes in through textContent only.
(function () {
  'use strict';

  var POLL_MS = 2000;
  var CONFIG_POLL_MS = 10000;
  var KEY_STORAGE = 'enrollment.ops.apiKey';
  var SVG = 'http://www.w3.org/2000/svg';
  var SOURCE_SHORT = { HOUSEHOLD: '户籍', RESIDENCE_PERMIT: '居住证', SOCIAL_SECURITY: '社保', REAL_ESTATE: '不动产' };

  var $ = function (id) { return document.getElementById(id); };

  // ---- the key -------------------------------------------------------------------------------

  function readKeyFromFragment() {
    var match = /(?:^|[#&])key=([^&]*)/.exec(window.location.hash);
    if (match) {
      sessionStorage.setItem(KEY_STORAGE, decodeURIComponent(match[1]));
      // Keep the key out of the address bar and the history.
      history.replaceState(null, '', window.location.pathname + window.location.search);
    }
  }

  function apiKey() {
    return sessionStorage.getItem(KEY_STORAGE) || '';
  }

  function api(path, options) {
    options = options || {};
    var headers = { Accept: 'application/json, application/problem+json' };
    if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    var key = apiKey();
    if (key) {
      headers['X-Api-Key'] = key;
    }
    return fetch(path, {
      method: options.method || 'GET',
      headers: headers,
      body: options.json !== undefined ? options.json : undefined,
      cache: 'no-store',
      credentials: 'same-origin'
    }).then(function (response) {
      return response.text().then(function (text) {
        var body = null;
        try { body = text ? JSON.parse(text) : null; } catch (e) { body = null; }
        return { status: response.status, ok: response.ok, body: body, text: text };
      });
    });
  }

  // ---- small DOM helpers ---------------------------------------------------------------------

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === 'text') { node.textContent = attrs[name]; } else { node.setAttribute(name, attrs[name]); }
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) {
        node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function badge(text, kind, title) {
    var attrs = { 'class': 'badge ' + (kind || ''), text: text };
    if (title) { attrs.title = title; }
    return el('span', attrs);
  }

  function replaceChildren(node, children) {
    while (node.firstChild) { node.removeChild(node.firstChild); }
    children.forEach(function (child) { node.appendChild(child); });
  }

  function percent(rate) {
    return (Math.round(rate * 10) / 10) + ' %';
  }

  function clock(iso) {
    var date = new Date(iso);
    return isNaN(date) ? iso : date.toLocaleTimeString('en-GB', { hour12: false });
  }

  function duration(seconds) {
    if (seconds < 60) { return seconds + ' s'; }
    if (seconds < 3600) { return Math.floor(seconds / 60) + ' min ' + (seconds % 60) + ' s'; }
    return Math.floor(seconds / 3600) + ' h ' + Math.floor((seconds % 3600) / 60) + ' min';
  }

  function setStatus(text, error) {
    var status = $('status');
    status.textContent = text;
    status.className = 'status' + (error ? ' error' : '');
  }

  function refusal(response) {
    if (response.status === 401) { return 'the gateway wants an operator key (401): enter it above'; }
    if (response.status === 403) { return 'this key is not an operator\'s (403)'; }
    var body = response.body || {};
    return 'HTTP ' + response.status + (body.title ? ': ' + body.title : '');
  }

  // ---- source cards --------------------------------------------------------------------------

  function rateLine(rate, threshold, breaker) {
    if (rate === undefined || rate === null) {
      return '— (' + breaker.bufferedCalls + ' of ' + breaker.minimumNumberOfCalls + ' calls needed)';
    }
    return percent(rate) + ' (opens at ' + percent(threshold) + ')';
  }

  function sourceCard(card, view) {
    var breaker = card.breaker;
    var reasons = Object.keys(card.reasons || {});
    var unavailable = reasons.reduce(function (sum, reason) { return sum + card.reasons[reason]; }, 0);
    return el('article', {
      'class': 'card', id: 'source-' + card.source, 'data-source': card.source, 'data-state': breaker.state
    }, [
      el('header', {}, [
        el('h3', { text: card.source + ' ' + card.label }),
        badge(breaker.state, breaker.state + ' state', 'circuit breaker')
      ]),
      el('dl', {}, [
        el('dt', { text: 'failure rate' }),
        el('dd', { 'class': 'failure-rate', text: rateLine(breaker.failureRate, breaker.failureRateThreshold, breaker) }),
        el('dt', { text: 'slow-call rate' }),
        el('dd', { 'class': 'slow-call-rate', text: rateLine(breaker.slowCallRate, breaker.slowCallRateThreshold, breaker) }),
        el('dt', { text: 'refused while open' }),
        el('dd', { text: String(breaker.notPermittedCalls) }),
        el('dt', { text: 'queries, ' + view.windowMinutes + ' min' }),
        el('dd', { text: card.calls + (unavailable ? ' (' + unavailable + ' unavailable)' : '') })
      ]),
      latencyChart(card.latency || [], view),
      el('div', { 'class': 'legend' }, [
        el('span', { 'class': 'p50', text: '— p50' }),
        el('span', { 'class': 'p90', text: '— p90' }),
        el('span', { 'class': 'p99', text: '— p99' }),
        el('span', { text: 'ms per minute' })
      ]),
      reasons.length
        ? el('ul', { 'class': 'reasons', 'aria-label': 'unavailable, by reason' }, reasons.map(function (reason) {
          return el('li', {}, [badge(reason + ' × ' + card.reasons[reason], 'bad')]);
        }))
        : el('p', { 'class': 'hint reasons', text: 'no failures in the window' })
    ]);
  }

  // Latency percentiles per minute over the window, drawn as three polylines.
  function latencyChart(minutes, view) {
    var width = 300, height = 96, left = 34, right = 4, top = 6, bottom = 16;
    var end = new Date(view.generatedAt).getTime();
    var start = end - view.windowMinutes * 60000;
    var max = minutes.reduce(function (m, minute) { return Math.max(m, minute.p99, minute.p90, minute.p50); }, 0);
    var scale = niceCeiling(Math.max(max, 1));
    var chart = svg('svg', {
      'class': 'chart', viewBox: '0 0 ' + width + ' ' + height, preserveAspectRatio: 'none', role: 'img',
      'aria-label': 'latency percentiles over the last ' + view.windowMinutes + ' minutes'
    });
    var x = function (iso) {
      var t = new Date(iso).getTime() + 30000; // the middle of the minute
      return left + Math.max(0, Math.min(1, (t - start) / (end - start))) * (width - left - right);
    };
    var y = function (ms) { return top + (1 - ms / scale) * (height - top - bottom); };
    chart.appendChild(svg('line', { 'class': 'axis', x1: left, y1: top, x2: left, y2: height - bottom }));
    chart.appendChild(svg('line', { 'class': 'axis', x1: left, y1: height - bottom, x2: width - right, y2: height - bottom }));
    chart.appendChild(svg('text', { x: left - 3, y: top + 8, 'text-anchor': 'end' }, String(scale)));
    chart.appendChild(svg('text', { x: left - 3, y: height - bottom, 'text-anchor': 'end' }, '0'));
    chart.appendChild(svg('text', { x: left, y: height - 3 }, '−' + view.windowMinutes + ' min'));
    chart.appendChild(svg('text', { x: width - right, y: height - 3, 'text-anchor': 'end' }, 'now'));
    if (!minutes.length) {
      chart.appendChild(svg('text', { x: (left + width) / 2, y: height / 2, 'text-anchor': 'middle' }, 'no calls'));
      return chart;
    }
    ['p50', 'p90', 'p99'].forEach(function (p) {
      var points = minutes.map(function (minute) { return x(minute.minute).toFixed(1) + ',' + y(minute[p]).toFixed(1); });
      chart.appendChild(svg('polyline', { 'class': p, points: points.join(' ') }));
      minutes.forEach(function (minute) {
        var dot = svg('circle', { 'class': p, cx: x(minute.minute).toFixed(1), cy: y(minute[p]).toFixed(1), r: 1.8 });
        dot.appendChild(svg('title', {}, clock(minute.minute) + ' ' + p + ' ' + minute[p] + ' ms (' + minute.calls + ' calls)'));
        chart.appendChild(dot);
      });
    });
    return chart;
  }

  function niceCeiling(value) {
    var power = Math.pow(10, Math.floor(Math.log10(value)));
    var steps = [1, 2, 5, 10];
    for (var i = 0; i < steps.length; i++) {
      if (steps[i] * power >= value) { return steps[i] * power; }
    }
    return 10 * power;
  }

  // ---- outbox and recent verifications -------------------------------------------------------

  function renderOutbox(outbox) {
    $('outbox-unsent').textContent = String(outbox.unsent);
    var age = $('outbox-age');
    age.textContent = outbox.oldestAgeSeconds === undefined ? 'nothing waiting' : duration(outbox.oldestAgeSeconds);
    age.className = outbox.oldestAgeSeconds > 60 ? 'bad' : '';
  }

  function statusBadge(status) {
    var short = SOURCE_SHORT[status.source] || status.source;
    if (status.status === 'OK') { return badge(short + ' OK', 'ok', status.source); }
    if (status.status === 'SKIPPED') { return badge(short + ' —', 'muted', status.source + ' not needed'); }
    return badge(short + ' ' + (status.reason || status.status), 'bad', status.source + ' ' + status.status);
  }

  function renderRecent(recent) {
    var rows = recent.map(function (v) {
      return el('tr', { 'data-reference': v.reference, 'data-outcome': v.outcome }, [
        el('td', { text: clock(v.completedAt), title: v.completedAt }),
        el('td', { text: v.reference }),
        el('td', { text: v.regionCode }),
        el('td', { text: v.formType + ' · ' + v.stage + ' · ' + v.channel }),
        el('td', {}, [badge(v.outcome, v.outcome)]),
        el('td', {}, v.sources.map(statusBadge))
      ]);
    });
    if (!rows.length) {
      rows = [el('tr', {}, [el('td', { colspan: '6', 'class': 'hint', text: 'none yet' })])];
    }
    replaceChildren($('recent-rows'), rows);
  }

  // ---- polling -------------------------------------------------------------------------------

  function render(view) {
    $('window').textContent = 'latency and failures over the last ' + view.windowMinutes + ' minutes';
    replaceChildren($('sources'), view.sources.map(function (card) { return sourceCard(card, view); }));
    renderOutbox(view.outbox);
    renderRecent(view.recent);
  }

  function poll() {
    if (document.hidden) {
      // Nobody is looking: ask again later instead of every 2 s.
      window.setTimeout(poll, POLL_MS);
      return;
    }
    api('/api/v1/ops/console').then(function (response) {
      if (response.ok && response.body) {
        render(response.body);
        setStatus('Live · updated ' + clock(response.body.generatedAt) + ' · every ' + POLL_MS / 1000 + ' s');
      } else {
        setStatus('Not updated: ' + refusal(response), true);
      }
    }).catch(function () {
      setStatus('Not updated: the gateway cannot be reached', true);
    }).then(function () {
      window.setTimeout(poll, POLL_MS);
    });
  }

  // ---- configuration in force ----------------------------------------------------------------

  var shownConfiguration = null;

  function loadConfiguration() {
    fetchConfiguration().then(function () {
      window.setTimeout(loadConfiguration, CONFIG_POLL_MS);
    });
  }

  function fetchConfiguration() {
    return api('/api/v1/ops/configuration').then(function (response) {
      var tree = $('config-tree');
      if (response.status === 404) {
        showConfigurationText('not available: this gateway has no configuration endpoint (GET /api/v1/ops/configuration)');
      } else if (!response.ok) {
        showConfigurationText('not available: ' + refusal(response));
      } else if (response.text !== shownConfiguration) {
        shownConfiguration = response.text;
        replaceChildren(tree, [jsonTree(response.body, null)]);
      }
    }).catch(function () {
      showConfigurationText('not available: the gateway cannot be reached');
    });
  }

  function showConfigurationText(text) {
    shownConfiguration = null;
    replaceChildren($('config-tree'), [el('span', { 'class': 'hint', id: 'config-unavailable', text: text })]);
  }

  function jsonTree(value, key) {
    var label = key === null ? [] : [el('span', { 'class': 'key', text: key }), ': '];
    if (value !== null && typeof value === 'object') {
      var keys = Object.keys(value);
      var summary = Array.isArray(value) ? '[' + keys.length + ']' : '{' + keys.length + '}';
      var details = el('details', { open: '' }, [el('summary', {}, label.concat([el('span', { 'class': 'null', text: summary })]))]);
      keys.forEach(function (k) { details.appendChild(jsonTree(value[k], Array.isArray(value) ? '[' + k + ']' : k)); });
      return details;
    }
    var kind = value === null ? 'null' : typeof value;
    var text = typeof value === 'string' ? JSON.stringify(value) : String(value);
    return el('div', { 'class': 'leaf' }, label.concat([el('span', { 'class': kind, text: text })]));
  }

  // ---- try a submission ----------------------------------------------------------------------

  var samples = [];

  function loadSamples() {
    fetch('/ops/console-samples.json', { cache: 'no-store' })
      .then(function (response) { return response.json(); })
      .then(function (list) {
        samples = list;
        var select = $('try-family');
        replaceChildren(select, list.map(function (sample, i) {
          return el('option', { value: String(i), 'data-family': sample.family, text: sample.family + ' — ' + sample.label });
        }));
        showSample();
      })
      .catch(function () {
        replaceChildren($('try-result'), [el('p', { 'class': 'error', text: 'The sample submissions could not be loaded.' })]);
      });
  }

  function showSample() {
    var sample = samples[Number($('try-family').value)];
    if (sample) {
      $('try-body').value = JSON.stringify(sample.submission, null, 2);
    }
  }

  function runTrial(event) {
    event.preventDefault();
    var result = $('try-result');
    var body = $('try-body').value;
    try {
      JSON.parse(body);
    } catch (e) {
      replaceChildren(result, [el('p', { 'class': 'error', id: 'try-error', text: 'Not JSON: ' + e.message })]);
      return;
    }
    var button = $('try-run');
    button.disabled = true;
    replaceChildren(result, [el('p', { 'class': 'hint', text: 'verifying…' })]);
    api('/api/v1/verifications', { method: 'POST', json: body }).then(function (response) {
      if (response.ok && response.body && response.body.outcome) {
        return showAnswer(response.body);
      }
      showProblem(response);
    }).catch(function () {
      replaceChildren(result, [el('p', { 'class': 'error', id: 'try-error', text: 'The gateway cannot be reached.' })]);
    }).then(function () {
      button.disabled = false;
    });
  }

  function showAnswer(answer) {
    var result = $('try-result');
    var findings = (answer.findings || []).map(function (f) {
      return el('li', {}, [badge(f.severity, f.severity === 'CONTRADICTION' ? 'bad' : f.severity === 'REVIEW' ? 'warn' : ''), ' ', f.message + ' (' + f.code + ')']);
    });
    var withdrawal = el('p', { 'class': 'hint', id: 'try-withdrawal' });
    replaceChildren(result, [
      el('div', { 'class': 'head' }, [
        el('span', { 'class': 'badge ' + answer.outcome, id: 'try-outcome', 'data-outcome': answer.outcome, text: answer.outcome }),
        el('span', { text: answer.reference + ' · ' + answer.status })
      ]),
      el('ul', { id: 'try-sources' }, answer.sources.map(function (s) {
        var line = s.source + ': ' + s.status + (s.reason ? ' (' + s.reason + ')' : '') +
          (s.status === 'SKIPPED' ? '' : ' · ' + s.latencyMs + ' ms · ' + s.attempts + ' attempt(s)');
        return el('li', { 'data-source': s.source, 'data-status': s.status, text: line });
      })),
      findings.length ? el('ul', { 'class': 'findings' }, findings) : el('p', { 'class': 'hint', text: 'no findings' }),
      withdrawal
    ]);
    if (!$('try-withdraw').checked) {
      return null;
    }
    withdrawal.textContent = 'withdrawing…';
    return api('/api/v1/applications/' + encodeURIComponent(answer.applicationId) + '/withdrawal', {
      method: 'POST', json: JSON.stringify({ reason: '运维控制台试跑，自动撤回 (operator console trial)' })
    }).then(function (response) {
      withdrawal.textContent = response.ok
        ? 'withdrawn: the child is free for another try'
        : 'not withdrawn: ' + refusal(response);
    });
  }

  function showProblem(response) {
    var problem = response.body || {};
    var errors = (problem.errors || []).map(function (e) { return el('li', { text: e.field + ': ' + e.message }); });
    replaceChildren($('try-result'), [
      el('p', { 'class': 'error', id: 'try-error', text: 'HTTP ' + response.status + ' · ' + (problem.title || response.text || 'refused') }),
      problem.detail ? el('p', { text: problem.detail }) : null,
      errors.length ? el('ul', {}, errors) : null
    ].filter(function (node) { return node; }));
  }

  // ---- start ---------------------------------------------------------------------------------

  function start() {
    readKeyFromFragment();
    $('api-key').value = apiKey();
    // A #key=… pasted into the address bar of the open page does not reload it.
    window.addEventListener('hashchange', function () {
      readKeyFromFragment();
      $('api-key').value = apiKey();
    });
    $('key-form').addEventListener('submit', function (event) {
      event.preventDefault();
      sessionStorage.setItem(KEY_STORAGE, $('api-key').value.trim());
      shownConfiguration = null;
      fetchConfiguration();
    });
    $('try-family').addEventListener('change', showSample);
    $('try-form').addEventListener('submit', runTrial);
    loadSamples();
    poll();
    loadConfiguration();
  }

  start();
}());

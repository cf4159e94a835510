// @ts-check
/*
 * The operators' insights page: asks for the tickets API token once (kept in this tab's
 * sessionStorage, sent only in the Authorization header, never in a URL), reads GET /api/insights
 * and shows the headline numbers, CSAT, the outcome rates over time (uPlot, with a table of the same
 * numbers), the most used topics step by step and the messages the bot could not place.
 */
(function () {
  'use strict';

  var TOKEN_KEY = 'interview-help/insights-token';
  /** @type {any} uPlot's IIFE build, from node_modules. */
  var uPlot = /** @type {any} */ (window).uPlot;
  var TOP_TOPICS = 5;
  var SERIES = [
    { key: 'resolved', label: 'Resolved', stroke: '#0b6e2e', dash: /** @type {number[]} */ ([]) },
    { key: 'escalated', label: 'Escalated', stroke: '#0a5ea8', dash: [8, 4] },
    { key: 'abandoned', label: 'Abandoned', stroke: '#a4262c', dash: [2, 3] },
  ];

  /** @param {string} id */
  function byId(id) {
    return /** @type {HTMLElement} */ (document.getElementById(id));
  }
  var status = byId('status');
  var tokenForm = /** @type {HTMLFormElement} */ (byId('token-form'));
  var tokenInput = /** @type {HTMLInputElement} */ (byId('token'));
  var tokenProblem = byId('token-problem');
  var forget = /** @type {HTMLButtonElement} */ (byId('forget'));
  var reportView = byId('report');
  var since = /** @type {HTMLSelectElement} */ (byId('since'));
  /** @type {any} */
  var chart;
  var loading = 0;

  /** @returns {string} */
  function savedToken() {
    try {
      return sessionStorage.getItem(TOKEN_KEY) || '';
    } catch (error) {
      return memoryToken;
    }
  }
  var memoryToken = '';
  /** @param {string} token */
  function keepToken(token) {
    memoryToken = token;
    try {
      if (token) sessionStorage.setItem(TOKEN_KEY, token);
      else sessionStorage.removeItem(TOKEN_KEY);
    } catch (error) {
      // Storage off: the token lives in memory until the tab is closed or reloaded.
    }
  }

  /** @param {string} [problem] */
  function askForToken(problem) {
    destroyChart();
    reportView.hidden = true;
    forget.hidden = true;
    tokenForm.hidden = false;
    status.textContent = '';
    tokenProblem.textContent = problem || '';
    tokenProblem.hidden = !problem;
    tokenInput.value = '';
    tokenInput.focus();
  }

  tokenForm.addEventListener('submit', function (event) {
    event.preventDefault();
    var token = tokenInput.value.trim();
    if (!token) return;
    keepToken(token);
    tokenInput.value = '';
    load(true);
  });

  forget.addEventListener('click', function () {
    keepToken('');
    askForToken();
  });

  since.addEventListener('change', function () {
    load(false);
  });

  /** @param {boolean} signingIn */
  function load(signingIn) {
    var token = savedToken();
    if (!token) return askForToken();
    var ticket = ++loading;
    status.textContent = 'Loading the insights…';
    fetch('/api/insights?since=' + encodeURIComponent(since.value), {
      headers: { Authorization: 'Bearer ' + token, Accept: 'application/json' },
      cache: 'no-store',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    })
      .then(function (response) {
        if (ticket !== loading) return;
        if (response.status === 401) {
          keepToken('');
          return askForToken('That token was not accepted. Enter the tickets API token again.');
        }
        if (!response.ok) {
          return response.json().then(
            function (/** @type {{ message?: string }} */ body) {
              status.textContent = 'The insights could not be loaded: ' + (body && body.message ? body.message : 'error ' + response.status) + '.';
            },
            function () {
              status.textContent = 'The insights could not be loaded (error ' + response.status + ').';
            },
          );
        }
        return response.json().then(function (/** @type {Report} */ report) {
          if (ticket !== loading) return;
          tokenForm.hidden = true;
          tokenProblem.hidden = true;
          forget.hidden = false;
          reportView.hidden = false;
          status.textContent = '';
          show(report);
          if (signingIn) since.focus();
        });
      })
      .catch(function () {
        if (ticket === loading) status.textContent = 'The insights could not be loaded: the server did not answer. Try again in a moment.';
      });
  }

  /**
   * @typedef {{ day: string, sessions: number, engaged: number, resolved: number, escalated: number, abandoned: number }} Day
   * @typedef {{ node: string, entered: number, next: Record<string, number> }} NodeDropOff
   * @typedef {{
   *   since: string | null, asOf: string, conversations: number, sessions: number, openSessions: number,
   *   engaged: number, unengaged: number, resolved: number, resolvedConfirmed: number, resolvedImplied: number,
   *   escalated: number, escalatedByTicket: number, escalatedSelf: number, abandoned: number,
   *   csat: { responses: number, average: number | null, distribution: Record<string, number> },
   *   topics: Record<string, number>, dropOff: NodeDropOff[], unrecognised: { text: string, count: number }[], byDay: Day[]
   * }} Report
   */

  /** @param {Report} report */
  function show(report) {
    byId('window').textContent =
      (report.since ? 'From ' + when(report.since) : 'All time') + ' to ' + when(report.asOf) + (report.openSessions > 0 ? ' (' + count(report.openSessions, 'session') + ' still open, counted as if ended now).' : '.');
    var empty = report.sessions === 0;
    byId('empty').hidden = !empty;
    byId('data').hidden = empty;
    destroyChart();
    if (empty) return;
    showHeadline(report);
    showCsat(report.csat);
    showRates(report.byDay, report.since, report.asOf);
    showFunnels(report);
    showUnrecognised(report.unrecognised);
  }

  /** @param {Report} r */
  function showHeadline(r) {
    var list = byId('headline');
    list.textContent = '';
    /** @type {[string, number, string][]} */
    var rows = [
      ['Sessions', r.sessions, count(r.conversations, 'conversation')],
      ['Engaged', r.engaged, percent(r.engaged, r.sessions) + ' of sessions'],
      ['Resolved, confirmed', r.resolvedConfirmed, percent(r.resolvedConfirmed, r.engaged) + ' of engaged'],
      ['Resolved, implied', r.resolvedImplied, percent(r.resolvedImplied, r.engaged) + ' of engaged'],
      ['Escalated by ticket', r.escalatedByTicket, percent(r.escalatedByTicket, r.engaged) + ' of engaged'],
      ['Escalated, writing themselves', r.escalatedSelf, percent(r.escalatedSelf, r.engaged) + ' of engaged'],
      ['Abandoned', r.abandoned, percent(r.abandoned, r.engaged) + ' of engaged'],
    ];
    rows.forEach(function (row) {
      var card = element('div', 'card');
      card.appendChild(element('dt', '', row[0]));
      var value = element('dd');
      value.appendChild(element('span', 'number', String(row[1])));
      value.appendChild(element('span', 'share', row[2]));
      card.appendChild(value);
      list.appendChild(card);
    });
  }

  /** @param {Report['csat']} csat */
  function showCsat(csat) {
    byId('csat-summary').textContent =
      csat.average === null ? 'No answers to the satisfaction question yet.' : count(csat.responses, 'answer') + ', average ' + csat.average.toFixed(1) + ' of 5.';
    var body = /** @type {HTMLTableSectionElement} */ (byId('csat-table').querySelector('tbody'));
    body.textContent = '';
    ['5', '4', '3', '2', '1'].forEach(function (score) {
      var n = csat.distribution[score] || 0;
      body.appendChild(row([score, String(n), percent(n, csat.responses)], ['', 'n', 'n']));
    });
  }

  /** @param {Day[]} days @param {string | null} from @param {string} to */
  function showRates(days, from, to) {
    var body = /** @type {HTMLTableSectionElement} */ (byId('rates-table').querySelector('tbody'));
    body.textContent = '';
    days.forEach(function (day) {
      body.appendChild(
        row([day.day, String(day.engaged)].concat(SERIES.map(function (s) {
          return percent(/** @type {any} */ (day)[s.key], day.engaged);
        })), ['day', 'n', 'n', 'n', 'n']),
      );
    });
    var target = byId('chart');
    if (typeof uPlot !== 'function') {
      target.textContent = 'The chart could not be drawn; the table below has the numbers.';
      return;
    }
    var x = days.map(function (day) {
      return Date.parse(day.day + 'T00:00:00Z') / 1000;
    });
    /** @type {(number | null)[][]} */
    var data = [/** @type {(number | null)[]} */ (x)].concat(SERIES.map(function (s) {
      return days.map(function (day) {
        return day.engaged === 0 ? null : Math.round((/** @type {any} */ (day)[s.key] / day.engaged) * 1000) / 10;
      });
    }));
    chart = new uPlot(
      {
        width: chartWidth(target),
        height: 240,
        tzDate: function (/** @type {number} */ seconds) {
          return uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC');
        },
        // The whole period, so one day of data is a point in it rather than a span of years.
        scales: { x: { time: true, range: xRange(x, from, to) }, y: { range: [0, 100] } },
        axes: [
          { stroke: '#3b3b3b', grid: { stroke: '#e6e6e6' } },
          {
            stroke: '#3b3b3b',
            grid: { stroke: '#e6e6e6' },
            values: function (/** @type {any} */ self, /** @type {number[]} */ ticks) {
              return ticks.map(function (t) {
                return t + '%';
              });
            },
          },
        ],
        series: [{ label: 'Day' }].concat(SERIES.map(function (s) {
          return /** @type {any} */ ({ label: s.label, stroke: s.stroke, width: 2, dash: s.dash, points: { show: true, size: 6 }, value: function (/** @type {any} */ self, /** @type {number | null} */ v) {
            return v === null ? '–' : v + '%';
          } });
        })),
      },
      data,
      target,
    );
  }

  /**
   * @param {number[]} x the days, in seconds @param {string | null} from @param {string} to
   * @returns {[number, number]}
   */
  function xRange(x, from, to) {
    var DAY = 86400;
    var first = x.length > 0 ? x[0] : Date.parse(to) / 1000;
    var last = x.length > 0 ? x[x.length - 1] : first;
    var start = from ? Math.floor(Date.parse(from) / 1000 / DAY) * DAY : first;
    var end = Math.floor(Date.parse(to) / 1000 / DAY) * DAY;
    return [Math.min(start, first) - DAY / 2, Math.max(end, last) + DAY / 2];
  }

  /** @param {HTMLElement} target */
  function chartWidth(target) {
    return Math.max(200, Math.floor(target.clientWidth || 300));
  }

  function destroyChart() {
    if (chart) chart.destroy();
    chart = undefined;
    byId('chart').textContent = '';
  }

  var resizing = 0;
  window.addEventListener('resize', function () {
    clearTimeout(resizing);
    resizing = window.setTimeout(function () {
      if (chart) chart.setSize({ width: chartWidth(byId('chart')), height: 240 });
    }, 100);
  });

  /** @param {Report} report */
  function showFunnels(report) {
    var target = byId('funnels');
    target.textContent = '';
    var topics = Object.keys(report.topics).slice(0, TOP_TOPICS);
    if (topics.length === 0) {
      target.appendChild(element('p', '', 'No session entered a topic in this period.'));
      return;
    }
    topics.forEach(function (topic) {
      var nodes = report.dropOff.filter(function (n) {
        return n.node === topic || n.node.indexOf(topic + '/') === 0;
      });
      target.appendChild(element('h3', '', topic + ': ' + count(report.topics[topic] || 0, 'session')));
      var wrap = element('div', 'table-wrap');
      var table = element('table', 'data');
      table.appendChild(element('caption', '', 'Steps of “' + topic + '”, most reached first'));
      var head = element('thead');
      head.appendChild(row(['Step', 'Reached', 'Where sessions went next'], ['', 'n', ''], 'th'));
      table.appendChild(head);
      var body = element('tbody');
      nodes.forEach(function (n) {
        var next = element('ul', 'next-steps');
        Object.keys(n.next).forEach(function (step) {
          var k = n.next[step] || 0;
          next.appendChild(element('li', '', stepName(step, topic) + ': ' + k + ' (' + percent(k, n.entered) + ')'));
        });
        var tr = row([stepName(n.node, topic), String(n.entered)], ['step', 'n']);
        var cell = element('td');
        cell.appendChild(next);
        tr.appendChild(cell);
        body.appendChild(tr);
      });
      table.appendChild(body);
      wrap.appendChild(table);
      target.appendChild(wrap);
    });
  }

  /** @param {string} step @param {string} topic */
  function stepName(step, topic) {
    var outcomes = /** @type {Record<string, string>} */ ({ resolved: 'resolved (confirmed)', 'resolved-implied': 'resolved (implied)', escalated: 'escalated', abandoned: 'left (abandoned)' });
    if (outcomes[step]) return outcomes[step];
    return step.indexOf(topic + '/') === 0 ? step.slice(topic.length + 1) : step;
  }

  /** @param {{ text: string, count: number }[]} messages */
  function showUnrecognised(messages) {
    var list = byId('unrecognised');
    list.textContent = '';
    if (messages.length === 0) {
      list.appendChild(element('li', '', 'None in this period.'));
      return;
    }
    messages.slice(0, 10).forEach(function (m) {
      var item = element('li', '', m.text + ' ');
      item.appendChild(element('span', 'count', '(' + m.count + '×)'));
      list.appendChild(item);
    });
  }

  /**
   * @param {string} tag @param {string} [className] @param {string} [text]
   * @returns {HTMLElement}
   */
  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  }

  /** @param {string[]} cells @param {string[]} classes of each cell ('n': a number) @param {string} [tag] */
  function row(cells, classes, tag) {
    var tr = element('tr');
    cells.forEach(function (text, i) {
      var cell = element(tag || (i === 0 ? 'th' : 'td'), classes[i] || '', text);
      if (cell.tagName === 'TH') cell.setAttribute('scope', tag === 'th' ? 'col' : 'row');
      tr.appendChild(cell);
    });
    return tr;
  }

  /** @param {number} n @param {number} of */
  function percent(n, of) {
    return of === 0 ? '–' : Math.round((n / of) * 100) + '%';
  }

  /** @param {number} n @param {string} noun */
  function count(n, noun) {
    return n + ' ' + noun + (n === 1 ? '' : 's');
  }

  /** @param {string} iso */
  function when(iso) {
    return iso.slice(0, 16).replace('T', ' ') + ' UTC';
  }

  if (savedToken()) load(false);
  else askForToken();
})();

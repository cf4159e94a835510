// @ts-check
/*
 * The /check page: runs the same device check as the chat page (deviceCheck.js) and sends the
 * result to POST /api/device-check with the link's token, for the conversation the link belongs to.
 */
(function () {
  'use strict';

  /** @type {any} */
  var deviceCheck = /** @type {any} */ (window).deviceCheck;
  var button = /** @type {HTMLButtonElement} */ (document.getElementById('run-check'));
  var output = /** @type {HTMLElement} */ (document.getElementById('check-result'));
  var token = new URLSearchParams(location.search).get('t') || '';

  /**
   * The page's words in its language (flows/page.yaml, keys under `check.`), rendered by the server
   * into a JSON data block.
   * @type {Record<string, string>}
   */
  var TEXTS = readTexts();

  /** @returns {Record<string, string>} */
  function readTexts() {
    try {
      var data = document.getElementById('page-texts');
      return JSON.parse((data && data.textContent) || '{}');
    } catch (error) {
      return {};
    }
  }

  /**
   * @param {string} key
   * @param {Record<string, string | number>} [values] for the text's {placeholders}
   */
  function text(key, values) {
    var found = TEXTS[key];
    if (typeof found !== 'string') return key;
    return found.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, function (/** @type {string} */ whole, /** @type {string} */ name) {
      return values && values[name] !== undefined ? String(values[name]) : whole;
    });
  }

  /** @param {string} group @param {string | undefined} name */
  function oneOf(group, name) {
    return typeof TEXTS[group + '.' + name] === 'string' ? text(group + '.' + name) : text(group + '.other');
  }

  /**
   * @param {string} headline
   * @param {string[]} details
   * @param {boolean} problem
   */
  function show(headline, details, problem) {
    output.hidden = false;
    output.className = problem ? 'check-result problem' : 'check-result';
    output.textContent = '';
    var title = document.createElement('p');
    title.textContent = headline;
    output.appendChild(title);
    if (details.length === 0) return;
    var list = document.createElement('ul');
    details.forEach(function (detail) {
      var item = document.createElement('li');
      item.textContent = detail;
      list.appendChild(item);
    });
    output.appendChild(list);
  }

  /** @param {any} result */
  function describe(result) {
    /** @param {string} state */
    var access = function (state) { return text('access.' + (TEXTS['access.' + state] ? state : 'unknown')); };
    /** @param {unknown} count */
    var counted = function (count) { return count === undefined ? text('unknownCount') : String(count); };
    return [
      text('cameraAccess', { access: access(result.camera) }),
      text('microphoneAccess', { access: access(result.microphone) }),
      text('camerasFound', { count: counted(result.videoInputs) }),
      text('microphonesFound', { count: counted(result.audioInputs) }),
    ];
  }

  /** @param {unknown} result */
  function send(result) {
    return fetch('/api/device-check?t=' + encodeURIComponent(token), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(result),
    }).then(function (response) {
      if (response.ok) return undefined;
      // The server's error code says why; the words are the page's, in its language.
      return response.json().then(
        function (/** @type {any} */ body) { return oneOf('notSent', body && body.error); },
        function () { return text('notSent.other'); },
      );
    });
  }

  button.addEventListener('click', function () {
    button.disabled = true;
    show(text('checking'), [], false);
    deviceCheck
      .runDeviceCheck()
      .then(function (/** @type {any} */ result) {
        return send(result).then(function (problem) {
          var headline = oneOf('outcome', result.getUserMedia);
          if (problem) show(headline + ' ' + problem, describe(result), true);
          else show(headline + ' ' + text('sent'), describe(result), result.getUserMedia !== 'ok');
        });
      })
      .catch(function () {
        show(text('couldNotFinish'), [], true);
      })
      .then(function () {
        button.disabled = false;
      });
  });
})();

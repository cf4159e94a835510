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

  /** @type {Record<string, string>} */
  var PERMISSION_WORDS = { granted: 'allowed', denied: 'blocked', prompt: 'not decided yet', unknown: 'unknown' };
  /** @type {Record<string, string>} */
  var OUTCOMES = {
    ok: 'Your camera and microphone work in this browser.',
    NotAllowedError: 'Your browser or device is blocking the camera or microphone.',
    NotFoundError: 'No camera or microphone was found on this device.',
    NotReadableError: 'The camera or microphone is in use by another app, or not working.',
    OverconstrainedError: 'Your camera could not be used in the way the interview needs.',
    SecurityError: 'This browser does not allow the camera or microphone here.',
    AbortError: 'The camera or microphone stopped before it could be used.',
  };

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
    return [
      'Camera access: ' + (PERMISSION_WORDS[result.camera] || 'unknown'),
      'Microphone access: ' + (PERMISSION_WORDS[result.microphone] || 'unknown'),
      'Cameras found: ' + (result.videoInputs === undefined ? 'unknown' : result.videoInputs),
      'Microphones found: ' + (result.audioInputs === undefined ? 'unknown' : result.audioInputs),
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
      return response.json().then(
        function (/** @type {any} */ body) { return body.message || 'The result could not be sent.'; },
        function () { return 'The result could not be sent.'; },
      );
    });
  }

  button.addEventListener('click', function () {
    button.disabled = true;
    show('Checking…', [], false);
    deviceCheck
      .runDeviceCheck()
      .then(function (/** @type {any} */ result) {
        return send(result).then(function (problem) {
          var headline = OUTCOMES[result.getUserMedia] || 'Something stopped the camera or microphone from opening.';
          if (problem) show(headline + ' ' + problem, describe(result), true);
          else show(headline + ' We sent this to the chat: go back to it for the next step.', describe(result), result.getUserMedia !== 'ok');
        });
      })
      .catch(function () {
        show('The check could not finish. Please try again, or go back to the chat.', [], true);
      })
      .then(function () {
        button.disabled = false;
      });
  });
})();

// @ts-check
/*
 * What the candidate's browser can tell about its camera and microphone. Shared by the chat page
 * (the `webchat/join` event, and the check the bot asks for) and the /check page opened from
 * Teams. Written for old in-app browsers too: ES2017, and every browser API may be missing or throw.
 * The server reads these values leniently (src/device/webChatJoin.ts, src/deviceCheck/result.ts).
 */
(function (global) {
  'use strict';

  /** getUserMedia's error names that point at a fix; anything else is reported as "other". */
  var KNOWN_ERRORS = ['NotAllowedError', 'NotFoundError', 'NotReadableError', 'OverconstrainedError', 'SecurityError', 'AbortError', 'TypeError'];
  /** Client hints beyond the low-entropy ones (brands, mobile, platform) that every Chromium sends. */
  var HIGH_ENTROPY_HINTS = ['platformVersion', 'model', 'fullVersionList'];

  /**
   * "granted" | "denied" | "prompt", or "unknown" where the browser can't be asked (Firefox and
   * older Safari don't know the names "camera" and "microphone").
   * @param {string} name
   * @returns {Promise<string>}
   */
  function permission(name) {
    try {
      if (!navigator.permissions || !navigator.permissions.query) return Promise.resolve('unknown');
      return navigator.permissions
        .query(/** @type {PermissionDescriptor} */ ({ name: /** @type {PermissionName} */ (name) }))
        .then(function (status) { return status.state; }, function () { return 'unknown'; });
    } catch (error) {
      return Promise.resolve('unknown');
    }
  }

  /**
   * How many cameras and microphones the browser lists. Before permission is given browsers list
   * at most one of each, unnamed; afterwards all of them.
   * @returns {Promise<{ videoinput: number, audioinput: number } | undefined>}
   */
  function deviceCounts() {
    try {
      if (!navigator.mediaDevices || !navigator.mediaDevices.enumerateDevices) return Promise.resolve(undefined);
      return navigator.mediaDevices.enumerateDevices().then(function (devices) {
        var counts = { videoinput: 0, audioinput: 0 };
        devices.forEach(function (device) {
          if (device.kind === 'videoinput' || device.kind === 'audioinput') counts[device.kind] += 1;
        });
        return counts;
      }, function () { return undefined; });
    } catch (error) {
      return Promise.resolve(undefined);
    }
  }

  /** @returns {Promise<object | undefined>} Chromium's User-Agent Client Hints, where there are any. */
  function clientHints() {
    /** @type {any} */
    var data = /** @type {any} */ (navigator).userAgentData;
    if (!data) return Promise.resolve(undefined);
    var low = { brands: data.brands, mobile: data.mobile, platform: data.platform };
    if (typeof data.getHighEntropyValues !== 'function') return Promise.resolve(low);
    return data.getHighEntropyValues(HIGH_ENTROPY_HINTS).then(
      function (/** @type {any} */ high) {
        return {
          brands: high.brands || low.brands,
          mobile: high.mobile,
          platform: high.platform,
          platformVersion: high.platformVersion,
          model: high.model,
          fullVersionList: high.fullVersionList,
        };
      },
      function () { return low; },
    );
  }

  function timezone() {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (error) {
      return undefined;
    }
  }

  /**
   * The `webchat/join` event's value: everything knowable without asking the candidate anything
   * (no permission prompt).
   */
  function describeDevice() {
    return Promise.all([clientHints(), permission('camera'), permission('microphone'), deviceCounts()]).then(function (found) {
      return {
        userAgent: navigator.userAgent,
        clientHints: found[0],
        language: navigator.language,
        timezone: timezone(),
        permissions: { camera: found[1], microphone: found[2] },
        mediaDevices: found[3],
        maxTouchPoints: navigator.maxTouchPoints,
      };
    });
  }

  /**
   * Opens the camera and microphone the way an interview page does, closes them at once, and
   * reports how it went. The browser asks the candidate first if they haven't decided yet.
   * @returns {Promise<string>} "ok" or the error's name
   */
  function tryGetUserMedia() {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      // Browsers hide the API outside https (and some in-app browsers have none at all).
      return Promise.resolve(global.isSecureContext === false ? 'SecurityError' : 'other');
    }
    return navigator.mediaDevices.getUserMedia({ video: true, audio: true }).then(
      function (stream) {
        stream.getTracks().forEach(function (track) { track.stop(); });
        return 'ok';
      },
      function (/** @type {any} */ error) {
        var name = error && error.name;
        return KNOWN_ERRORS.indexOf(name) >= 0 ? name : 'other';
      },
    );
  }

  /**
   * The device check's result, as src/deviceCheck/result.ts reads it. Permissions and counts are
   * read after getUserMedia, when the candidate's answer to the prompt is known.
   */
  function runDeviceCheck() {
    return tryGetUserMedia().then(function (outcome) {
      return Promise.all([permission('camera'), permission('microphone'), deviceCounts()]).then(function (found) {
        var counts = found[2];
        return {
          camera: found[0],
          microphone: found[1],
          videoInputs: counts ? counts.videoinput : undefined,
          audioInputs: counts ? counts.audioinput : undefined,
          getUserMedia: outcome,
          checkedAt: new Date().toISOString(),
        };
      });
    });
  }

  /** @type {any} */ (global).deviceCheck = { describeDevice: describeDevice, runDeviceCheck: runDeviceCheck };
})(window);

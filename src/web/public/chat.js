// @ts-check
/*
 * The candidate page: Web Chat connected through Direct Line (the bot's own in development, Azure's
 * in production; the server's POST /api/directline/token says which). ES2017 for old in-app browsers.
 */
(function () {
  'use strict';

  /** @type {any} */
  var WebChat = /** @type {any} */ (window).WebChat;
  /** @type {any} */
  var deviceCheck = /** @type {any} */ (window).deviceCheck;

  var JOIN = 'webchat/join';
  var RUN_CHECK = 'webchat/device-check/run';
  var CHECK_RESULT = 'webchat/device-check';
  /** sessionStorage: survives a reload, not closing the tab, so a shared computer forgets the chat. */
  var SAVED_SESSION = 'interview-help/session';
  var HANDLED_CHECKS = 'interview-help/handled-checks';

  /** Colours chosen for at least 4.5:1 contrast; Web Chat's defaults are lighter in places. */
  var STYLE_OPTIONS = {
    accent: '#0a5ea8',
    subtle: '#595959',
    primaryFont: "'Segoe UI', system-ui, -apple-system, Roboto, 'Helvetica Neue', Arial, sans-serif",
    rootHeight: '100%',
    rootWidth: '100%',
    bubbleBackground: '#f0f0f0',
    bubbleTextColor: '#1f1f1f',
    bubbleBorderWidth: 0,
    bubbleBorderRadius: 8,
    bubbleFromUserBackground: '#0a5ea8',
    bubbleFromUserTextColor: '#ffffff',
    bubbleFromUserBorderWidth: 0,
    bubbleFromUserBorderRadius: 8,
    sendBoxTextColor: '#1f1f1f',
    sendBoxPlaceholderColor: '#595959',
    sendBoxButtonColor: '#0a5ea8',
    sendBoxButtonColorOnHover: '#084c88',
    sendBoxHeight: 52,
    suggestedActionLayout: 'flow',
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionTextColor: '#0a5ea8',
    suggestedActionBorderColor: '#0a5ea8',
    suggestedActionBorderWidth: 2,
    suggestedActionBorderRadius: 6,
    suggestedActionHeight: 44,
    transcriptVisualKeyboardIndicatorColor: '#1f1f1f',
    transcriptVisualKeyboardIndicatorWidth: 2,
    hideUploadButton: true,
  };

  /**
   * The page's words in its language, rendered by the server into a JSON data block (flows/page.yaml,
   * keys under `chat.`); the page's language is <html lang>, given to Web Chat as its locale so its
   * own words match and every activity it sends carries it.
   * @type {Record<string, string>}
   */
  var TEXTS = readTexts();
  var LOCALE = webChatLocale(document.documentElement.lang || 'en');

  /**
   * The page's language, with the browser's region when it is the same language ("es" and a
   * browser in es-MX: "es-MX"), so a recruiter still sees where the candidate is.
   * @param {string} language
   */
  function webChatLocale(language) {
    var browser = navigator.language || '';
    return browser.toLowerCase().split('-')[0] === language.toLowerCase().split('-')[0] && browser.indexOf('-') > 0 ? browser : language;
  }

  /** @returns {Record<string, string>} */
  function readTexts() {
    try {
      var data = document.getElementById('page-texts');
      return JSON.parse((data && data.textContent) || '{}');
    } catch (error) {
      return {};
    }
  }

  /** @param {string} key @param {string} english what to say if the page came without its texts */
  function text(key, english) {
    return typeof TEXTS[key] === 'string' ? TEXTS[key] : english;
  }

  var status = document.getElementById('chat-status');
  var chat = /** @type {HTMLElement} */ (document.getElementById('chat'));
  var startOver = /** @type {HTMLButtonElement} */ (document.getElementById('start-over'));

  /** @param {string} message */
  function showStatus(message) {
    if (!status) return;
    status.textContent = message;
    status.hidden = message === '';
  }

  /** @param {string} key */
  function read(key) {
    try {
      return JSON.parse(sessionStorage.getItem(key) || 'null');
    } catch (error) {
      return null; // storage disabled (private mode in some browsers): the chat still works, just not across reloads
    }
  }

  /** @param {string} key @param {unknown} value */
  function write(key, value) {
    try {
      if (value === undefined) sessionStorage.removeItem(key);
      else sessionStorage.setItem(key, JSON.stringify(value));
    } catch (error) {
      /* see read() */
    }
  }

  /** The conversation this tab had before a reload, if it still looks usable. */
  function savedSession() {
    var saved = read(SAVED_SESSION);
    if (!saved || typeof saved.conversationId !== 'string' || typeof saved.token !== 'string' || typeof saved.domain !== 'string') return undefined;
    return saved;
  }

  /** A new conversation's token from the server (which keeps the Direct Line secret). */
  function newSession() {
    return fetch('/api/directline/token', { method: 'POST', headers: { accept: 'application/json' } })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (body) {
          if (!response.ok || typeof body.token !== 'string') throw new Error('the chat service refused a token');
          return { conversationId: body.conversationId, token: body.token, domain: new URL(body.domain, location.href).href };
        });
      });
  }

  /**
   * Keeps the newest token: Web Chat refreshes it every 15 minutes, and a reload reconnects with
   * whatever was saved last.
   * @param {any} directLine @param {string} domain
   */
  function remember(directLine, domain) {
    if (!directLine.conversationId || !directLine.token) return;
    var saved = savedSession();
    if (saved && saved.conversationId === directLine.conversationId && saved.token === directLine.token) return;
    write(SAVED_SESSION, { conversationId: directLine.conversationId, token: directLine.token, domain: domain });
  }

  /** @param {(action: object) => void} dispatch */
  function sendJoin(dispatch) {
    deviceCheck.describeDevice().then(function (/** @type {unknown} */ value) {
      dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: JOIN, value: value } });
    });
  }

  /**
   * The bot asks for a device check with an event. A reload replays the conversation, old events
   * included, so each request is answered once per tab.
   * @param {any} activity @param {(action: object) => void} dispatch
   */
  function answerCheckRequest(activity, dispatch) {
    if (!activity || activity.type !== 'event' || activity.name !== RUN_CHECK) return;
    if (activity.from && activity.from.role === 'user') return;
    var handled = read(HANDLED_CHECKS) || [];
    if (handled.indexOf(activity.id) >= 0) return;
    write(HANDLED_CHECKS, handled.concat([activity.id]).slice(-20));
    deviceCheck.runDeviceCheck().then(function (/** @type {unknown} */ value) {
      dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: CHECK_RESULT, value: value } });
    });
  }

  /**
   * @param {any} directLine
   * @param {{ domain: string }} session
   * @param {boolean} resumed
   */
  function createStore(directLine, session, resumed) {
    return WebChat.createStore({}, function (/** @type {any} */ store) {
      return function (/** @type {any} */ next) {
        return function (/** @type {any} */ action) {
          var result = next(action);
          switch (action.type) {
            case 'DIRECT_LINE/CONNECT_FULFILLED':
              remember(directLine, session.domain);
              showStatus('');
              sendJoin(store.dispatch);
              break;
            case 'DIRECT_LINE/CONNECT_REJECTED':
              // The saved conversation is gone (server restarted, token expired): start a fresh one.
              write(SAVED_SESSION, undefined);
              if (resumed) location.reload();
              else showStatus(text('couldNotConnect', 'Sorry, the chat could not connect. Please reload the page.'));
              break;
            case 'DIRECT_LINE/INCOMING_ACTIVITY':
              remember(directLine, session.domain);
              answerCheckRequest(action.payload && action.payload.activity, store.dispatch);
              break;
          }
          return result;
        };
      };
    });
  }

  /** @param {any} store */
  function wireStartOver(store) {
    startOver.addEventListener('click', function () {
      // A post back: the bot reads the command (in English, which it always understands) and the
      // candidate sees no English words in the transcript, only the guide starting again.
      store.dispatch({ type: 'WEB_CHAT/SEND_POST_BACK', payload: { value: 'start over' } });
      var input = /** @type {HTMLElement | null} */ (chat.querySelector('input[type="text"], textarea'));
      if (input) input.focus();
    });
  }

  function start() {
    if (!WebChat || !deviceCheck) {
      showStatus(text('couldNotLoad', 'Sorry, the chat could not load. Please reload the page.'));
      return;
    }
    var saved = savedSession();
    var sessionReady = saved ? Promise.resolve(saved) : newSession();
    sessionReady.then(
      function (/** @type {any} */ session) {
        var directLine = WebChat.createDirectLine({
          domain: session.domain,
          token: session.token,
          // Reconnecting to the same conversation replays it from the start, so the history shows.
          conversationId: saved ? session.conversationId : undefined,
          webSocket: true,
        });
        var store = createStore(directLine, session, Boolean(saved));
        var host = document.createElement('div');
        host.className = 'webchat';
        chat.appendChild(host);
        WebChat.renderWebChat({ directLine: directLine, store: store, styleOptions: STYLE_OPTIONS, locale: LOCALE }, host);
        wireStartOver(store);
      },
      function () {
        showStatus(text('couldNotStart', 'Sorry, the chat could not start. Please reload the page.'));
      },
    );
  }

  start();
})();

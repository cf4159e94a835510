// @ts-check
/*
 * The candidate page: Web Chat connected through Direct Line (the bot's own in development, Azure's
 * in production; the server's POST /api/directline/token says which). ES2017 for old in-app browsers.
 *
 * The server already put the greeting, the topics and a message box in the page (forms posting to
 * /chat, the plain chat that works without script). This script runs first, before Web Chat's bundle
 * has arrived: it catches those forms, asks for the conversation's token while the bundle downloads,
 * and once Web Chat shows the bot's greeting it takes the greeting's place, sending what the
 * candidate clicked or typed meanwhile. If Web Chat can't load or connect, the forms post as they
 * are and the plain chat carries on.
 */
(function () {
  'use strict';

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
    // On a phone each suggestion is a full-width row whose words wrap (never cut short with "…"), as in the page's greeting.
    suggestedActionLayout: window.innerWidth < 480 ? 'stacked' : 'flow',
    suggestedActionsStackedLayoutButtonTextWrap: true,
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
  var welcome = document.getElementById('welcome');
  var welcomeInput = /** @type {HTMLInputElement | null} */ (document.getElementById('welcome-message'));
  /** How long Web Chat may take, once connected, to show the bot's first message before it takes over anyway. */
  var TAKE_OVER_AFTER_MS = 10000;

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

  /** @param {any} deviceCheck @param {(action: object) => void} dispatch */
  function sendJoin(deviceCheck, dispatch) {
    deviceCheck.describeDevice().then(function (/** @type {unknown} */ value) {
      dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: JOIN, value: value } });
    });
  }

  /**
   * The bot asks for a device check with an event. A reload replays the conversation, old events
   * included, so each request is answered once per tab.
   * @param {any} deviceCheck @param {any} activity @param {(action: object) => void} dispatch
   */
  function answerCheckRequest(deviceCheck, activity, dispatch) {
    if (!activity || activity.type !== 'event' || activity.name !== RUN_CHECK) return;
    if (activity.from && activity.from.role === 'user') return;
    var handled = read(HANDLED_CHECKS) || [];
    if (handled.indexOf(activity.id) >= 0) return;
    write(HANDLED_CHECKS, handled.concat([activity.id]).slice(-20));
    deviceCheck.runDeviceCheck().then(function (/** @type {unknown} */ value) {
      dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: CHECK_RESULT, value: value } });
    });
  }

  /** @param {any} activity */
  function isBotMessage(activity) {
    return Boolean(activity && activity.type === 'message' && !(activity.from && activity.from.role === 'user'));
  }

  /*
   * Before Web Chat takes over: the first thing the candidate taps or sends in the server's greeting
   * is kept (shown as on its way) and sent once Web Chat has greeted; the topics then wait, and the
   * box keeps what they type next, which moves into Web Chat's box (one answer at a time, as in the
   * chat itself). Without a chat to hand it to (`plain`), the forms post to the server as they would
   * without script; a message waits at most WAIT_FOR_WEB_CHAT_MS for Web Chat, then goes that way.
   */
  /** @type {{ text: string, choice: boolean } | undefined} */
  var queued;
  /** @type {HTMLElement | undefined} */
  var queuedBubble;
  /** @type {((text: string) => void) | undefined} */
  var sendToWebChat;
  var plain = false;
  /** @type {number | undefined} */
  var waiting;
  var WAIT_FOR_WEB_CHAT_MS = 8000;

  /** @param {boolean} disabled */
  function disableChoices(disabled) {
    if (!welcome) return;
    var buttons = welcome.querySelectorAll('button[name="choice"]');
    for (var i = 0; i < buttons.length; i++) buttons[i].setAttribute('aria-disabled', String(disabled));
  }

  /** @param {string} message @param {boolean} choice */
  function fromCandidate(message, choice) {
    if (sendToWebChat) return sendToWebChat(message);
    if (queued) return showStatus(text('waiting', 'Starting the chat… your message goes as soon as it is ready.'));
    queued = { text: message, choice: choice };
    disableChoices(true);
    waiting = window.setTimeout(staySimple, WAIT_FOR_WEB_CHAT_MS);
    if (!welcome) return;
    queuedBubble = document.createElement('div');
    queuedBubble.className = 'bubble from-candidate';
    queuedBubble.textContent = message;
    welcome.insertBefore(queuedBubble, welcomeInput ? welcomeInput.form : null);
    showStatus(text('waiting', 'Starting the chat… your message goes as soon as it is ready.'));
  }

  /** Start over before Web Chat is there: what was tapped or sent is forgotten, the greeting is the start. */
  function forgetQueued() {
    window.clearTimeout(waiting);
    queued = undefined;
    if (queuedBubble && queuedBubble.parentNode) queuedBubble.parentNode.removeChild(queuedBubble);
    queuedBubble = undefined;
    disableChoices(false);
    showStatus('');
  }

  /** @param {Event} event */
  function catchChoice(event) {
    var button = /** @type {HTMLElement | null} */ (event.target instanceof Element ? event.target.closest('#welcome button[name="choice"]') : null);
    if (plain || !button) return;
    event.preventDefault();
    fromCandidate(/** @type {HTMLButtonElement} */ (button).value, true);
  }

  /** @param {Event} event */
  function catchMessage(event) {
    if (plain || !welcomeInput || event.target !== welcomeInput.form) return;
    event.preventDefault();
    var message = welcomeInput.value.trim();
    if (message === '') return;
    if (!queued) welcomeInput.value = '';
    fromCandidate(message, false);
  }

  /**
   * Web Chat couldn't come (no bundle, no conversation, or too slow for a message that waits): the
   * greeting's forms post to the plain chat, the waiting message first.
   */
  function staySimple() {
    if (plain || sendToWebChat) return;
    plain = true;
    mode('plain');
    window.clearTimeout(waiting);
    showStatus('');
    if (welcome) welcome.hidden = false;
    var message = queued;
    if (!message || !welcome) return;
    var form = /** @type {HTMLFormElement | null} */ (welcome.querySelector(message.choice ? 'form.choices' : 'form.send-box'));
    if (!form) return;
    var field = document.createElement('input');
    field.type = 'hidden';
    field.name = message.choice ? 'choice' : 'text';
    field.value = message.text;
    form.appendChild(field);
    // What they typed next goes along as a draft: the plain chat's box shows it, unsent.
    var draft = welcomeInput ? welcomeInput.value.trim() : '';
    if (welcomeInput) welcomeInput.name = '';
    if (draft) {
      var kept = document.createElement('input');
      kept.type = 'hidden';
      kept.name = 'draft';
      kept.value = draft;
      form.appendChild(kept);
    }
    form.submit();
  }

  /**
   * Web Chat shows what the greeting showed: the greeting goes, Web Chat appears with whatever the
   * candidate had started typing (the keyboard stays where it was), and the waiting message follows
   * the bot's greeting.
   * @param {HTMLElement} host @param {any} store
   */
  function takeOver(host, store) {
    if (sendToWebChat || plain) return;
    window.clearTimeout(waiting);
    sendToWebChat = function (message) {
      store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: message } });
    };
    mode('webchat');
    var typing = welcomeInput ? welcomeInput.value : '';
    var hadFocus = Boolean(welcomeInput && document.activeElement === welcomeInput);
    host.hidden = false;
    if (typing) store.dispatch({ type: 'WEB_CHAT/SET_SEND_BOX', payload: { text: typing } });
    if (hadFocus) {
      // Before the greeting's box disappears, so a phone's keyboard has somewhere to stay.
      var input = /** @type {HTMLElement | null} */ (host.querySelector('input[type="text"], textarea'));
      if (input) input.focus();
    }
    if (welcome) welcome.hidden = true;
    showStatus('');
    var message = queued;
    queued = undefined;
    if (message) sendToWebChat(message.text);
  }

  /**
   * @param {any} WebChat @param {any} deviceCheck @param {any} directLine
   * @param {{ domain: string }} session @param {boolean} resumed @param {HTMLElement} host
   */
  function createStore(WebChat, deviceCheck, directLine, session, resumed, host) {
    /** @type {number | undefined} */
    var fallback;
    return WebChat.createStore({}, function (/** @type {any} */ store) {
      return function (/** @type {any} */ next) {
        return function (/** @type {any} */ action) {
          var result = next(action);
          switch (action.type) {
            case 'DIRECT_LINE/CONNECT_FULFILLED':
              remember(directLine, session.domain);
              sendJoin(deviceCheck, store.dispatch);
              // A bot that never greets must not leave the candidate in front of a form that waits.
              fallback = window.setTimeout(function () { takeOver(host, store); }, TAKE_OVER_AFTER_MS);
              break;
            case 'DIRECT_LINE/CONNECT_REJECTED':
              // The saved conversation is gone (server restarted, token expired): start a fresh one.
              write(SAVED_SESSION, undefined);
              if (resumed) location.reload();
              else if (!sendToWebChat) staySimple();
              else showStatus(text('couldNotConnect', 'Sorry, the chat could not connect. Please reload the page.'));
              break;
            case 'DIRECT_LINE/INCOMING_ACTIVITY':
              remember(directLine, session.domain);
              if (isBotMessage(action.payload && action.payload.activity)) {
                window.clearTimeout(fallback);
                takeOver(host, store);
              }
              answerCheckRequest(deviceCheck, action.payload && action.payload.activity, store.dispatch);
              break;
          }
          return result;
        };
      };
    });
  }

  /** @param {any} store */
  function wireStartOver(store) {
    startOver.addEventListener('click', function (event) {
      if (plain || !sendToWebChat) return; // the plain chat's own post, or the greeting's (above)
      event.preventDefault();
      // A post back: the bot reads the command (in English, which it always understands) and the
      // candidate sees no English words in the transcript, only the guide starting again.
      store.dispatch({ type: 'WEB_CHAT/SEND_POST_BACK', payload: { value: 'start over' } });
      var input = /** @type {HTMLElement | null} */ (chat.querySelector('.webchat input[type="text"], .webchat textarea'));
      if (input) input.focus();
    });
  }

  /**
   * The bot's markdown as HTML, with the library and settings the server uses for the greeting
   * (src/web/markdown.ts): Web Chat's minimal bundle brings no renderer of its own.
   * @returns {((markdown: string) => string) | undefined}
   */
  function markdownRenderer() {
    var markdownit = /** @type {any} */ (window).markdownit;
    if (typeof markdownit !== 'function') return undefined;
    var md = markdownit({ html: false, linkify: true, typographer: true, breaks: false });
    var renderLink = md.renderer.rules.link_open || function (/** @type {any} */ tokens, /** @type {number} */ index, /** @type {any} */ options, /** @type {any} */ _env, /** @type {any} */ self) {
      return self.renderToken(tokens, index, options);
    };
    md.renderer.rules.link_open = function (/** @type {any} */ tokens, /** @type {number} */ index, /** @type {any} */ options, /** @type {any} */ env, /** @type {any} */ self) {
      tokens[index].attrSet('target', '_blank');
      tokens[index].attrSet('rel', 'noopener noreferrer');
      return renderLink(tokens, index, options, env, self);
    };
    return function (markdown) { return md.render(markdown); };
  }

  /**
   * Runs once every deferred script has (Web Chat's bundle included), or failed to.
   * @param {Promise<any>} sessionReady @param {boolean} resumed
   */
  function start(sessionReady, resumed) {
    var WebChat = /** @type {any} */ (window).WebChat;
    var deviceCheck = /** @type {any} */ (window).deviceCheck;
    if (!WebChat || !deviceCheck) return staySimple();
    sessionReady.then(
      function (/** @type {any} */ session) {
        var directLine = WebChat.createDirectLine({
          domain: session.domain,
          token: session.token,
          // Reconnecting to the same conversation replays it from the start, so the history shows.
          conversationId: resumed ? session.conversationId : undefined,
          webSocket: true,
        });
        var host = document.createElement('div');
        host.className = 'webchat';
        host.hidden = true;
        chat.appendChild(host);
        var store = createStore(WebChat, deviceCheck, directLine, session, resumed, host);
        WebChat.renderWebChat({ directLine: directLine, store: store, styleOptions: STYLE_OPTIONS, locale: LOCALE, renderMarkdown: markdownRenderer() }, host);
        wireStartOver(store);
      },
      staySimple,
    );
  }

  document.addEventListener('click', catchChoice);
  document.addEventListener('submit', catchMessage);
  /** Where the page is, for styles and tests: `waiting` (forms caught), `webchat` (taken over), `plain` (forms post). */
  function mode(/** @type {string} */ name) {
    document.documentElement.setAttribute('data-chat', name);
  }
  mode('waiting');
  // Start over before Web Chat is there: the greeting is the start.
  startOver.addEventListener('click', function (event) {
    if (plain || sendToWebChat) return;
    event.preventDefault();
    forgetQueued();
  });
  var saved = savedSession();
  if (saved && welcome) {
    // A reload: the conversation's history is coming back, not the first greeting (and its topics).
    welcome.hidden = true;
    // No time limit here: its history (a ticket half filled in, say) is in that conversation, which the
    // plain chat can't continue; only a Web Chat that can't load at all brings the greeting back.
    showStatus(text('resuming', 'Loading your conversation…'));
  }
  // Asked now, while Web Chat's bundle is still on its way: one round trip fewer once it runs.
  var sessionReady = saved ? Promise.resolve(saved) : newSession();
  sessionReady.catch(function () { /* handled in start() */ });
  // A deferred script runs while the page is "interactive", before the deferred scripts after it
  // (Web Chat's): DOMContentLoaded comes once they all ran, or failed to load.
  if (document.readyState === 'complete') start(sessionReady, Boolean(saved));
  else document.addEventListener('DOMContentLoaded', function () { start(sessionReady, Boolean(saved)); });
})();

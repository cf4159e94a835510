import type { MessyConversation } from './script';

/** Point 1: an answer to the bot's own question is read as that answer, not as a new topic. */
export const answersInContext: MessyConversation[] = [
  { name: '404, then "copied the whole thing again, same error"', point: 1, turns: [
    ['my interview link gives a 404', { topic: 'link-not-found', shows: /mistyped|copied/i }],
    ['I copied the whole thing again, same error', { topic: 'link-not-found', shows: /new link/i }],
  ] },
  { name: '404, then "nope, didn\'t work"', point: 1, turns: [
    ['404 page not found when i click the link', { topic: 'link-not-found' }],
    ['nope, didn\'t work', { topic: 'link-not-found', shows: /new link/i }],
  ] },
  { name: '404, then "still not working, tried it twice"', point: 1, turns: [
    ['link says page not found', { topic: 'link-not-found' }],
    ['still not working, tried it twice', { topic: 'link-not-found', shows: /new link/i }],
  ] },
  { name: 'page won\'t load, then "same thing"', point: 1, turns: [
    ['the interview page just stays blank', { topic: 'page-wont-load', shows: /typos/i }],
    ['same thing', { topic: 'page-wont-load', shows: /Chrome and Safari work best/i }],
  ] },
  { name: 'page won\'t load, then "checked it, no typos, still blank"', point: 1, turns: [
    ['page wont load', { topic: 'page-wont-load' }],
    ['checked it, no typos, still blank', { topic: 'page-wont-load', shows: /different browser/i }],
  ] },
  { name: 'page won\'t load, "tried safari too, nothing"', point: 1, turns: [
    ['the site keeps spinning forever', { topic: 'page-wont-load' }],
    ['no', { topic: 'page-wont-load' }],
    ['tried safari too, nothing', { topic: 'page-wont-load', shows: /phone|device/i }],
  ] },
  { name: 'page won\'t load, "no luck on my phone either"', point: 1, turns: [
    ['it wont open, just white screen', { topic: 'page-wont-load' }],
    ['no', { topic: 'page-wont-load' }],
    ['no', { topic: 'page-wont-load' }],
    ['no luck on my phone either', { topic: 'page-wont-load', shows: /internet connection/i }],
  ] },
  { name: 'camera, "I don\'t know which browser"', point: 1, turns: [
    ['my camera isnt working on the interview', { topic: 'camera-microphone', shows: /Which browser/i }],
    ['I don\'t know which browser', { topic: 'camera-microphone', never: /typos/i }],
  ] },
  { name: 'camera, "google chrome i think"', point: 1, turns: [
    ['the mic doesnt pick up my voice', { topic: 'camera-microphone' }],
    ['google chrome i think', { topic: 'camera-microphone', shows: /In \*\*Chrome\*\*/ }],
  ] },
  { name: 'camera, "it\'s the safari on my iphone"', point: 1, turns: [
    ['camera is black', { topic: 'camera-microphone' }],
    ['it\'s the safari on my iphone', { topic: 'camera-microphone', shows: /Safari on iPhone or iPad/ }],
  ] },
  { name: 'camera advice, "still black, the page won\'t see it"', point: 1, turns: [
    ['webcam not detected', { topic: 'camera-microphone' }],
    ['Chrome', { topic: 'camera-microphone' }],
    ['still black, the page wont see it', { topic: 'camera-microphone', never: /typos/i }],
  ] },
  { name: 'retake, "I don\'t see one"', point: 1, turns: [
    ['can i redo my answer? I messed up', { topic: 'redo-response', shows: /Retake/ }],
    ['I don\'t see one', { topic: 'redo-response', shows: /turned them off/i }],
  ] },
  { name: 'retake, "there\'s no such button, only next"', point: 1, turns: [
    ['I want to record my answer again', { topic: 'redo-response' }],
    ['there\'s no such button, only next', { topic: 'redo-response', shows: /turned them off/i, never: /camera/i }],
  ] },
  { name: 'retake, "yes I can see it"', point: 1, turns: [
    ['how do i retake a question', { topic: 'redo-response' }],
    ['yes I can see it', { topic: 'redo-response', shows: /Click \*\*Retake\*\*/ }],
  ] },
  { name: 'expired advice, "didn\'t help, they don\'t answer"', point: 1, turns: [
    ['my link expired', { topic: 'link-expired', shows: /fresh link/i }],
    ['didnt help, nobody answers', { topic: 'contact-recruiter' }],
  ] },
  { name: 'resume, "yes that did it thanks"', point: 1, turns: [
    ['I closed the browser halfway, can I continue?', { topic: 'resume-or-start-new', shows: /saved automatically/i }],
    ['yes that did it thanks', { shows: /glad/i }],
  ] },
  { name: '404 advice, "nah same 404"', point: 1, turns: [
    ['error 404', { topic: 'link-not-found' }],
    ['nah same 404', { topic: 'link-not-found', shows: /new link/i }],
  ] },
  { name: 'ran out of time, "ok but will it count against me?"', point: 1, turns: [
    ['the timer ran out and it started recording before I was ready', { topic: 'ran-out-of-time' }],
    ['didn\'t really help, I still want to explain', { topic: 'contact-recruiter' }],
  ] },
  { name: 'camera, "zoom was open. works now" at the browser question', point: 1, turns: [
    ['my webcam is not working', { topic: 'camera-microphone', shows: /Which browser/i }],
    ['zoom was open. works now', { shows: /glad/i, never: /expired|typo/i }],
  ] },
  { name: 'two problems in one message: both are heard', point: 1, turns: [
    ['my link expired and my camera also does not work', { topic: 'link-expired', shows: /camera/i }],
    ['got a new link, that worked', { shows: /glad/i }],
  ] },
  { name: 'two problems in one message: the second comes next', point: 1, turns: [
    ['the page says 404. also my microphone is not picked up', { topic: 'link-not-found', shows: /microphone/i }],
    ['yes that fixed it', { topic: 'camera-microphone' }],
  ] },
  { name: 'submitted, "I\'ll email them myself" gets advice that fits a change', point: 1, turns: [
    ['I already submitted but I want to change one of my answers', { topic: 'submitted-need-changes' }],
    ['I\'ll email them myself', { shows: /what you need changed/i }],
  ] },
];

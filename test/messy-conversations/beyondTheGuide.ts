import type { MessyConversation } from './script';

const RECRUITER = /recruiter/i;
const NOT_CAMERA = /allow access|camera/i;

/** Point 4: questions outside the guide get an honest answer and a way to the recruiter. */
export const beyondTheGuide: MessyConversation[] = [
  { name: 'salary', point: 4, turns: [['how much does this job pay?', { topic: 'beyond', shows: RECRUITER }]] },
  { name: 'rescheduling', point: 4, turns: [['can I reschedule my interview to next week?', { topic: 'beyond', shows: RECRUITER }]] },
  { name: 'when will I hear back', point: 4, turns: [['when will I hear back after the interview?', { topic: 'beyond', shows: RECRUITER }]] },
  { name: 'is this a scam', point: 4, turns: [['is this a scam? i never applied for anything', { topic: 'beyond', shows: RECRUITER }]] },
  { name: '"is the interview timed?" before starting is not the ran-out-of-time advice', point: 4, turns: [['is the interview timed?', { topic: 'beyond', never: /Finish the rest of your application/i }]] },
  { name: 'how long does it take', point: 4, turns: [['how long does the video interview take?', { topic: 'beyond', shows: RECRUITER }]] },
  { name: 'accommodation for a disability', point: 4, turns: [['I have a hearing disability, can I get an accommodation?', { topic: 'beyond', shows: RECRUITER, never: NOT_CAMERA }]] },
  { name: 'accommodation: extra time', point: 4, turns: [['I am dyslexic and need extra time to answer, who do I ask?', { topic: 'beyond', shows: RECRUITER, never: /thinking time/i }]] },
  { name: 'accommodation: can\'t use a camera', point: 4, turns: [['I can\'t be on camera for medical reasons, is there an alternative?', { topic: 'beyond', shows: RECRUITER, never: /Which browser/i }]] },
  { name: '"will I lose my chance?"', point: 4, turns: [['the deadline is today, will I lose my chance?', { shows: RECRUITER, never: /final/i }]] },
  { name: 'what to wear', point: 4, turns: [['what should I wear for the video?', { topic: 'beyond' }]] },
  { name: 'application status', point: 4, turns: [['did they get my application? any update?', { topic: 'beyond', shows: RECRUITER }]] },
  { name: 'pay then asks to pass a message', point: 4, turns: [
    ['what is the salary for this role', { topic: 'beyond', shows: RECRUITER }],
    ['yes please ask them', { topic: 'contact-recruiter' }],
  ] },
  { name: 'three unclear questions never give three identical fallbacks', point: 4, turns: [
    ['what is the weather like in Paris', { fallbackOk: true }],
    ['can you tell me the interviewer\'s name', { fallbackOk: true }],
    ['what about parking at the office', { fallbackOk: true, shows: RECRUITER }],
  ] },
  { name: 'gibberish twice offers the recruiter', point: 4, turns: [
    ['asdfgh', { fallbackOk: true }],
    ['qwerty zzz', { fallbackOk: true, shows: RECRUITER }],
  ] },
  { name: '"can I use my phone?" is the guide\'s fact', point: 4, turns: [['can I use my phone for the interview?', { shows: /phones and tablets/i }]] },
  { name: '"can I do it on my ipad" is the guide\'s fact', point: 4, turns: [['can i do it on my ipad instead', { shows: /phones and tablets/i }]] },
  { name: '"which browser should I use?" is the guide\'s fact', point: 4, turns: [['which browser should I use?', { shows: /Chrome and Safari work best/i }]] },
  { name: '"does it work in firefox?" is the guide\'s fact', point: 4, turns: [['does it work in firefox?', { shows: /Chrome and Safari work best/i }]] },
  { name: '"what if I lose connection in the middle" is the guide\'s fact', point: 4, turns: [['what happens if my internet drops in the middle', { topic: 'resume-or-start-new', shows: /saved automatically/i }]] },
];

/** Point 5: social turns get a short natural reply. */
export const socialTurns: MessyConversation[] = [
  { name: '"hi"', point: 5, turns: [['hi', { topic: 'social' }]] },
  { name: '"hello there"', point: 5, turns: [['hello there', { topic: 'social' }]] },
  { name: '"thanks!" after advice', point: 5, turns: [['link expired', { topic: 'link-expired' }], ['thanks!', { shows: /glad|welcome/i }]] },
  { name: '"ok" after advice', point: 5, turns: [['page not found 404', { topic: 'link-not-found' }], ['ok', {}]] },
  { name: '"bye"', point: 5, turns: [['bye', { topic: 'social' }]] },
  { name: '"yes it worked, thank you"', point: 5, turns: [['the page wont load', { topic: 'page-wont-load' }], ['yes it worked, thank you', { shows: /glad/i }]] },
  { name: '"thank you so much" at the start', point: 5, turns: [['thank you so much', { topic: 'social' }]] },
  { name: '"ok thanks bye" after resolving', point: 5, turns: [['the page wont load', {}], ['yes', { shows: /glad/i }], ['ok thanks bye', { topic: 'social' }]] },
  { name: '"good morning, my link expired"', point: 5, turns: [['good morning! my link expired', { topic: 'link-expired' }]] },
];

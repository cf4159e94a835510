import { ASKS_COMPANY, ASKS_EMAIL, ASKS_NAME, ASKS_POSITION, type MessyConversation } from './script';

/** Point 2: what the candidate already said is not asked again. */
export const notReAsked: MessyConversation[] = [
  { name: '"I see Resume and Start New, which do I press?"', point: 2, turns: [
    ['I see Resume and Start New, which do I press?', { topic: 'resume-or-start-new', shows: /Click \*\*Resume\*\*/, never: /Which fits you/ }],
  ] },
  { name: '"I pressed Start New by accident"', point: 2, turns: [
    ['I pressed Start New by accident', { topic: 'resume-or-start-new', shows: /in-progress/i, never: /Which fits you/ }],
  ] },
  { name: '"hit start new instead of resume, are my answers gone?"', point: 2, turns: [
    ['hit start new instead of resume, are my answers gone?', { topic: 'resume-or-start-new', never: /Which fits you/ }],
  ] },
  { name: '"there are two buttons resume and start new"', point: 2, turns: [
    ['there are two buttons resume and start new', { topic: 'resume-or-start-new', never: /Which fits you/ }],
  ] },
  { name: '"already emailed the recruiter days ago, no answer"', point: 2, turns: [
    ['I already emailed the recruiter days ago, no answer', { topic: 'contact-recruiter', never: /email them yourself|I'll email them myself/i }],
  ] },
  { name: 'expired, "I already asked them for a new link, nothing"', point: 2, turns: [
    ['link expired', { topic: 'link-expired' }],
    ['I already asked them for a new link, nothing', { topic: 'contact-recruiter', never: /I'll email them myself/ }],
  ] },
  { name: 'name, email, position and company in the first message', point: 2, turns: [
    ['Hi, I\'m Jo Marsh, jo.marsh@example.com, applied for Data Analyst at Acme. The link shows 404', { topic: 'link-not-found' }],
    ['no', { topic: 'link-not-found' }],
    ['no', { topic: 'contact-recruiter' }],
    ['send a ticket', { never: new RegExp(`${ASKS_NAME.source}|${ASKS_EMAIL.source}|${ASKS_POSITION.source}|${ASKS_COMPANY.source}`, 'i') }],
  ] },
  { name: 'email given while describing the problem', point: 2, turns: [
    ['my invite went to sam_k@example.org and the link says expired', { topic: 'link-expired' }],
    ['talk to a recruiter', { topic: 'contact-recruiter' }],
    ['Send the recruiter a ticket', { shows: ASKS_NAME }],
    ['Sam Kerr', { never: ASKS_EMAIL }],
  ] },
  { name: 'company and position named early', point: 2, turns: [
    ['the link for the Nurse position at St Mary Hospital won\'t load', { topic: 'page-wont-load' }],
    ['contact recruiter', { topic: 'contact-recruiter' }],
    ['Send the recruiter a ticket', { shows: ASKS_NAME }],
    ['Ana Lopez', { shows: ASKS_EMAIL }],
    ['ana@example.com', { never: new RegExp(`${ASKS_POSITION.source}|${ASKS_COMPANY.source}`, 'i') }],
  ] },
  { name: 'device and browser named early are not asked', point: 2, turns: [
    ['on my android phone in chrome the page is blank', { topic: 'page-wont-load' }],
    ['talk to a recruiter', { topic: 'contact-recruiter' }],
    ['Send the recruiter a ticket', { shows: ASKS_NAME }],
    ['Lee Chan', {}],
    ['lee@example.com', {}],
    ['Cashier', {}],
    ['Shopmart', {}],
    ['blank page', { never: /Which device do you use|Which browser do you open/i }],
  ] },
];

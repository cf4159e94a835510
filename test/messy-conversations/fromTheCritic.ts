import { ASKS_COMPANY, ASKS_EMAIL, ASKS_POSITION, REVIEW, TICKET, type MessyConversation } from './script';

const toForm: [string, { shows: RegExp }][] = [
  ['talk to a recruiter', { shows: /ticket/i }],
  ['Send the recruiter a ticket', { shows: /full name/i }],
];
const toReview: [string, object][] = [
  ...toForm, ['Sam Patel', {}], ['sam.patel@example.com', {}], ['Software Engineer', {}], ['Globex', {}], ['it says 404', {}], ['laptop', {}], ['chrome', { shows: REVIEW }],
];

/**
 * Conversations a candidate-playing critic had with the bot (typing only, on a phone), written down
 * as they went wrong, before the fixes.
 */
export const fromTheCritic: MessyConversation[] = [
  { name: 'advice, "so what do i do now" is still stuck on the same problem', point: 1, turns: [
    ['my interview link gives a 404', { topic: 'link-not-found' }],
    ['nah same thing', { topic: 'link-not-found', shows: /new link/i }],
    ['so what do i do now', { never: /expired or invalid/i }],
  ] },
  { name: 'page won\'t load, "i did check the link" moves on', point: 1, turns: [
    ['the page wont load', { topic: 'page-wont-load' }],
    ['i did check the link', { topic: 'page-wont-load', never: /expired or invalid/i }],
  ] },
  { name: 'page won\'t load, "yeah the link is fine its the same one from the email" moves on', point: 1, turns: [
    ['the interview page is blank', { topic: 'page-wont-load' }],
    ['yeah the link is fine its the same one from the email', { topic: 'page-wont-load', never: /expired or invalid/i }],
  ] },
  { name: 'page won\'t load, "this is on my phone already" is not "your application is final"', point: 1, turns: [
    ['page wont load', { topic: 'page-wont-load' }],
    ['no', {}], ['no', {}],
    ['this is on my phone already', { never: /final/i }],
  ] },
  { name: 'retake, "no it says retakes disabled" is not a disability question', point: 1, turns: [
    ['i want to redo my answer', { topic: 'redo-response' }],
    ['no it says retakes disabled', { never: /disability|medical/i }],
  ] },
  { name: 'browser advice, "ok chrome works!!" is a yes', point: 1, turns: [
    ['the page wont load', { topic: 'page-wont-load' }],
    ['no', {}],
    ['ok chrome works!!', { shows: /glad/i }],
  ] },
  { name: 'after the what-to-include list, "what email tho, i cant find it" is not a 404', point: 4, turns: [
    ['talk to a recruiter', {}],
    ['I\'ll email them myself', {}],
    ['what email tho, i cant find it', { never: /404|not found/i, shows: /invitation|job posting/i }],
  ] },
  { name: 'a link problem and a deadline question in one message: both answered', point: 4, turns: [
    ['my link expired can i get an extension on the deadline', { topic: 'link-expired', shows: /deadline|dates/i }],
  ] },
  { name: '"lol are you a bot" gets an honest answer', point: 5, turns: [['lol are you a bot', { topic: 'beyond', shows: /automated|bot/i }]] },
  { name: '"hey how are you" is small talk', point: 5, turns: [['hey how are you', { topic: 'social' }]] },
  { name: 'at "send a ticket or email them yourself?", "yes" and "you do it" mean the ticket', point: 3, turns: [
    ['talk to a recruiter', {}],
    ['you do it', { shows: /full name/i }],
  ] },
  { name: 'in the form, "can i just talk to a human instead of this form" is not a position', point: 3, turns: [
    ...toForm, ['Sam Patel', {}], ['sam.patel@example.com', { shows: ASKS_POSITION }],
    ['can i just talk to a human instead of this form', { shows: ASKS_POSITION }],
    ['Software Engineer', { shows: ASKS_COMPANY }],
  ] },
  { name: 'in the form, a corrected email at the next question replaces the first', point: 3, turns: [
    ...toForm, ['Noah Kim', {}], ['noah.kim@gmial.com', { shows: ASKS_POSITION }],
    ['oops i typed that wrong, noah.kim@gmail.com', { shows: ASKS_POSITION }],
    ['Barista', {}], ['Bean Co', {}], ['it says expired', {}], ['phone', {}], ['safari', { shows: /noah\.kim@gmail\.com/, never: /gmial/ }],
  ] },
  { name: 'in the form, "carry on" after "look at that instead?" keeps the form, not a name', point: 3, turns: [
    ...toForm,
    ['wait, my link says expired now', { shows: /instead/i }],
    ['carry on', { shows: /full name/i }],
  ] },
  { name: 'at the review, changing a "what happens" the bot filled in works', point: 3, turns: [
    ['404 page not found', { topic: 'link-not-found' }],
    ['talk to a recruiter', {}], ['Send the recruiter a ticket', {}],
    ['Dana Lee', {}], ['dana@example.com', {}], ['Barista', {}], ['Starbucks', {}], ['phone', {}], ['safari', { shows: REVIEW }],
    ['Change something', {}], ['What happens', { shows: /What happens when you click/i }],
    ['it says 404 not found after the logo', { shows: /404 not found after the logo/ }],
  ] },
  { name: 'at the review, "the email is wrong its gmail not gmial" is checked as an email', point: 3, turns: [
    ...toReview,
    ['wait the email is wrong its gmail not gmial', { never: /Invitation email:\*\* gmail\b/ }],
  ] },
  { name: 'at the review, "ugh fine just send it" sends', point: 3, turns: [
    ...toReview,
    ['ugh fine just send it', { shows: TICKET }],
  ] },
  { name: 'changing the email at the review asks for it and takes the new one', point: 3, turns: [
    ...toReview,
    ['Change something', {}], ['Invitation email', { shows: ASKS_EMAIL }],
    ['sam.p@example.com', { shows: /sam\.p@example\.com/ }],
  ] },
  { name: 'panicking about a deadline with a problem: calm, quick, the ticket offered, the problem helped', point: 4, turns: [
    ['im panicking, the deadline is in an hour and my link says expired', { topic: 'link-expired', shows: /right now|straight away|quick/i }],
  ] },
  { name: '"did I lose everything?" after pressing Start New gets the guide\'s answer', point: 2, turns: [
    ['oh no i already pressed start new, did i lose everything', { topic: 'resume-or-start-new', shows: /in-progress application link/i }],
  ] },
  { name: '"samsung" answers the browser question', point: 3, turns: [
    ...toForm, ['Sam Patel', {}], ['sam.patel@example.com', {}], ['Cashier', {}], ['Walmart', {}], ['blank page', {}], ['phone', {}],
    ['samsung', { shows: REVIEW }],
  ] },
  // The second critic's round: the form must keep each answer in the field it belongs to.
  { name: 'in the form, "why do you need my email" at the position question is answered, not stored', point: 3, turns: [
    ...toForm, ['jake peterson', {}], ['my email is jake_p@yahoo.com.', { shows: ASKS_POSITION }],
    ['why do you need my email', { shows: ASKS_POSITION }],
    ['warehouse associate', { shows: ASKS_COMPANY }],
  ] },
  { name: 'in the form, an email address at the company question is no company', point: 3, turns: [
    ...toForm, ['Jake Peterson', {}], ['jake@example.com', {}], ['Warehouse Associate', { shows: ASKS_COMPANY }],
    ['jake.p@example.com', { shows: ASKS_COMPANY }],
  ] },
  { name: 'in the form, every detail in one message at the name question fills them all', point: 3, turns: [
    ...toForm,
    ['James Okafor, james.okafor@example.com, warehouse supervisor at Amazon', { never: /full name|Which email|Which position|Which company/i, shows: /What happens when you click/i }],
  ] },
  { name: 'in the form, "sorry its Jon not Jonn" at the email question corrects the name', point: 3, turns: [
    ...toForm, ['Jonn Smith', { shows: ASKS_EMAIL }],
    ['sorry its Jon not Jonn', { shows: ASKS_EMAIL, never: /look like an email/i }],
    ['jon@example.com', {}], ['Cook', {}], ['Diner', {}], ['it says 404', {}], ['laptop', {}], ['chrome', { shows: /Name:\*\* Jon Smith/ }],
  ] },
  { name: 'a detail the bot filled in from earlier is said, so the next question makes sense', point: 3, turns: [
    ['my link expired, my email is dana@example.com', { topic: 'link-expired' }],
    ['talk to a recruiter', {}], ['Send the recruiter a ticket', { shows: /full name/i }],
    ['Dana Lee', { shows: /dana@example\.com/, never: ASKS_EMAIL }],
  ] },
  { name: 'at the review, "actually i used my phone not the ipad" changes the device', point: 3, turns: [
    ...toForm, ['Ana Diaz', {}], ['ana@example.com', {}], ['Nurse', {}], ['Clinic', {}], ['blank page', {}], ['tablet', {}], ['chrome', { shows: REVIEW }],
    ['actually i used my phone not the ipad', { shows: /Phone, Chrome/ }],
  ] },
  { name: 'at the review, "no wait cancel" cancels', point: 3, turns: [
    ...toReview,
    ['no wait cancel', { never: REVIEW }],
  ] },
  // A second critic's run: the browser question, first messages, after a ticket.
  ...['idk', 'not sure', 'the one on my phone'].map((says): MessyConversation => ({ name: `camera, "${says}" at the browser question gets help`, point: 1, turns: [
    ['my webcam is not working', { topic: 'camera-microphone', shows: /Which browser/i }],
    [says, { topic: 'camera-microphone', shows: /Safari|Chrome/ }],
  ] })),
  { name: 'panicking, "something went wrong" on the page: calm and the page steps', point: 4, turns: [
    ['I\'m panicking, the deadline is in an hour and the page just says something went wrong', { topic: 'page-wont-load', shows: /quick/i }],
  ] },
  { name: '"my camra is blak on the interview page" is the camera', point: 1, turns: [
    ['my camra is blak on the interview page', { topic: 'camera-microphone' }],
  ] },
  { name: '"will this ruin my chances?" is an honest answer, not "final"', point: 4, turns: [
    ['will this ruin my chances?', { topic: 'beyond', never: /final/i }],
  ] },
  { name: '"it just says oops something broke" is the page error', point: 1, turns: [
    ['it just says oops something broke', { topic: 'page-wont-load' }],
  ] },
  { name: '"video stuck uploading at 87%" is the page error', point: 1, turns: [
    ['video stuck uploading at 87%', { topic: 'page-wont-load' }],
  ] },
  { name: '"is this even legit, i got the link in a whatsapp message" is the legitimacy answer', point: 4, turns: [
    ['is this even legit, i got the link in a whatsapp message', { topic: 'beyond', shows: /official website/i }],
  ] },
  { name: 'after a ticket, "thanks. how long till they answer" is answered', point: 4, turns: [
    ...toReview,
    ['Send it', { shows: TICKET }],
    ['thanks. how long till they answer', { shows: /email/i }],
  ] },
  // Free text at the retake question.
  ...[
    'it doesnt show any retake button',
    'question 4 retake button greyed out',
    'it says retakes are disabled for this question',
  ].map((says): MessyConversation => ({ name: `retake, "${says}" means no Retake button`, point: 1, turns: [
    ['i want to redo my answer', { topic: 'redo-response' }],
    [says, { topic: 'redo-response', shows: /turned them off|retakes are disabled/i, never: /What do you see/i }],
  ] })),
  { name: 'retake, "wait is there no way to redo it? i see a retake button" means the button', point: 1, turns: [
    ['i want to redo my answer', { topic: 'redo-response' }],
    ['wait is there no way to redo it? i see a retake button', { topic: 'redo-response', shows: /Click \*\*Retake\*\*/ }],
  ] },
  { name: 'retake, "so theres no way at all?" is not "didn\'t get that"', point: 1, turns: [
    ['i want to redo my answer', { topic: 'redo-response' }],
    ['so theres no way at all?', { topic: 'redo-response' }],
  ] },
  // "Now what?" at advice and at a question.
  { name: 'ran out of time, "ok so what now" stays with the problem', point: 2, turns: [
    ['the timer ran out and it started recording before I was ready', { topic: 'ran-out-of-time' }],
    ['ok so what now', { never: /expired or invalid|fresh link/i }],
  ] },
  { name: 'retakes off, "ok so what now" stays with the problem', point: 2, turns: [
    ['i want to redo my answer', { topic: 'redo-response' }],
    ['no retake button', { topic: 'redo-response' }],
    ['ok so what now', { never: /expired or invalid|fresh link/i }],
  ] },
  { name: 'retake question, "ok so what now" asks it again, no jump', point: 2, turns: [
    ['i want to redo my answer', { topic: 'redo-response' }],
    ['ok so what now', { topic: 'redo-response', never: /expired or invalid|fresh link/i }],
  ] },
  { name: 'Resume question, "ok i opened the link again, now what" asks it again, no jump', point: 2, turns: [
    ['my progress', { topic: 'resume-or-start-new', shows: /Which fits you/i }],
    ['ok i opened the link again, now what', { topic: 'resume-or-start-new', never: /expired or invalid|fresh link/i }],
  ] },
  { name: 'resume, "ok i opened the link again, now what" stays with Resume', point: 2, turns: [
    ['i got disconnected halfway', { topic: 'resume-or-start-new' }],
    ['ok i opened the link again, now what', { never: /expired or invalid|fresh link/i }],
  ] },
  // Resume: what the candidate sees, and that it worked.
  { name: 'resume, "i see resume and start new" is told to click Resume', point: 1, turns: [
    ['i got disconnected halfway', { topic: 'resume-or-start-new', shows: /saved automatically/i }],
    ['ok i opened it again and i see resume and start new', { topic: 'resume-or-start-new', shows: /Click \*\*Resume\*\*/, never: /pass this to the recruiter|send a ticket/i }],
  ] },
  { name: 'resume, "resume worked thanks" is a yes', point: 1, turns: [
    ['i got disconnected halfway', { topic: 'resume-or-start-new' }],
    ['resume worked thanks', { shows: /glad/i, never: /Which fits you/i }],
  ] },
  { name: 'resume, "resume" alone after the advice is not a ticket offer', point: 1, turns: [
    ['i got disconnected halfway', { topic: 'resume-or-start-new' }],
    ['resume', { topic: 'resume-or-start-new', never: /ticket/i }],
  ] },
  // A third critic's run.
  { name: 'internet check, "yeah wifi works fine" is still stuck, not solved', point: 1, turns: [
    ['the page wont load', { topic: 'page-wont-load' }],
    ['no', {}], ['no', {}], ['no', {}],
    ['yeah wifi works fine', { never: /glad/i }],
  ] },
  { name: 'a link asking for bank details gets the scam warning', point: 4, turns: [
    ['the interview link is asking for my bank details is that normal', { topic: 'beyond', shows: /never asks for bank/i }],
  ] },
  { name: 'at "pass this to the recruiter now?", "ok can you just message them for me" passes it on', point: 3, turns: [
    ['my link expired', { topic: 'link-expired' }],
    ['ok can you just message them for me', { shows: /full name/i }],
  ] },
  { name: 'at the review, "perfect send" sends', point: 3, turns: [
    ...toReview,
    ['perfect send', { shows: TICKET }],
  ] },
  { name: 'camera, the browser named in the first message is not asked again', point: 2, turns: [
    ['my camera doesnt work, macbook chrome', { topic: 'camera-microphone', shows: /In \*\*Chrome\*\*/, never: /Which browser/i }],
  ] },
  { name: 'mic, "windows laptop using edge" in the first message is not asked again', point: 2, turns: [
    ['windows laptop using edge and the mic isnt working', { topic: 'camera-microphone', shows: /Edge/, never: /Which browser/i }],
  ] },
  { name: 'in the form, "oh wait typo gmail not gmial" fixes the email, not the position', point: 3, turns: [
    ...toForm, ['Noah Kim', {}], ['noah.kim@gmial.com', { shows: ASKS_POSITION }],
    ['oh wait typo gmail not gmial', { shows: ASKS_POSITION }],
    ['Barista', {}], ['Bean Co', {}], ['it says expired', {}], ['phone', {}], ['safari', { shows: /noah\.kim@gmail\.com/, never: /gmial/ }],
  ] },
  { name: 'in the form, "sorry i meant senior ux designer" at the company question fixes the position', point: 3, turns: [
    ...toForm, ['Lena Ortiz', {}], ['lena@example.com', {}], ['ux designer', { shows: ASKS_COMPANY }],
    ['sorry i meant senior ux designer', { shows: ASKS_COMPANY }],
    ['Initech', {}], ['it says 404', {}], ['laptop', {}], ['chrome', { shows: /Position:\*\* senior ux designer/, never: /Company:\*\* sorry/ }],
  ] },
  { name: 'thinking time, "ok so i just keep going?" is no jump to another topic', point: 1, turns: [
    ['the thinking time ran out and it started recording', { topic: 'ran-out-of-time' }],
    // Not understood is honest here; another topic's advice is not.
    ['ok so i just keep going?', { never: /typo|extra spaces|expired or invalid/i, fallbackOk: true }],
  ] },
  { name: 'retake, "so im stuck with it?" is no jump to another topic', point: 1, turns: [
    ['i want to redo my answer', { topic: 'redo-response' }],
    ['so im stuck with it?', { never: /typo|extra spaces|expired or invalid/i, fallbackOk: true }],
  ] },
  { name: 'camera advice, "found it, it was off. turned it on" is a yes', point: 1, turns: [
    ['my camera is black on the interview page', { topic: 'camera-microphone' }],
    ['Safari on iPhone or iPad', {}],
    ['found it, it was off. turned it on', { shows: /glad/i, never: /404/ }],
  ] },
  { name: '"can i restart that question" after the thinking time ran out gets the guide\'s answer', point: 4, turns: [
    ['the thinking time ran out and it started recording', { topic: 'ran-out-of-time' }],
    ['can i restart that question', { shows: /can't be restarted/i }],
  ] },
  { name: '"are u a real person" gets an honest answer, not the recruiter form', point: 5, turns: [['are u a real person', { topic: 'beyond', shows: /automated/i }]] },
  { name: '"how do i know if it got submitted" is not the change-your-submission advice', point: 4, turns: [
    ['how do i know if my interview actually got submitted', { topic: 'beyond', never: /re-record or edit/i }],
  ] },
  // Typed once more before stopping.
  { name: '"talk to a recruiter" at the recruiter\'s own question starts the ticket', point: 3, turns: [
    ['talk to a recruiter', { shows: /ticket/i }],
    ['talk to a recruiter', { shows: /full name/i }],
  ] },
  { name: '"can i do the interview on my ipad", then "which browser" are the guide\'s facts', point: 4, turns: [
    ['can i do the interview on my ipad', { topic: 'beyond', shows: /phones and tablets/i }],
    ['ok and which browser', { topic: 'beyond', shows: /Chrome and Safari work best/i }],
  ] },
  // A new problem named in the "no": what the candidate sees now is the problem.
  { name: 'typo check, "I can\'t open the link it says expired" is the expired-link advice', point: 1, turns: [
    ['the page wont load', { topic: 'page-wont-load' }],
    ['I can\'t open the link it says expired', { topic: 'link-expired', shows: /fresh link/i }],
  ] },
  { name: 'expired link, "no it says 404 now" at "pass this on?" is the 404 advice', point: 1, turns: [
    ['my link expired', { topic: 'link-expired' }],
    ['no it says 404 now', { topic: 'link-not-found', shows: /new link/i }],
  ] },
];

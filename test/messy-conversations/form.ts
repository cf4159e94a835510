import { ASKS_BROWSER, ASKS_DEVICE, ASKS_EMAIL, ASKS_NAME, NOT_EMAIL, REVIEW, TICKET, type MessyConversation } from './script';

const ticketForm: [string, { shows: RegExp }][] = [
  ['talk to a recruiter', { shows: /ticket/i }],
  ['Send the recruiter a ticket', { shows: ASKS_NAME }],
];

/** Point 3: the escalation form listens instead of trapping people. */
export const form: MessyConversation[] = [
  { name: 'all details in one message, ticket in three', point: 3, ticket: 'one-message', turns: [
    ['Please send the recruiter a ticket: I\'m Priya Shah, priya.shah@example.com, Marketing Manager at Globex. The link says 404 not found. I use Chrome on my laptop.', { shows: REVIEW, never: /full name|Which email|Which position|Which company/i }],
    ['Send it', { shows: TICKET }],
  ] },
  // Not "all details": the device is never named and this channel doesn't tell it, so it takes a fourth message.
  { name: 'all details but the device in one message, ticket in four', point: 3, turns: [
    ['I want to talk to a recruiter. My name is Tom Baker, email tom.baker@example.com, position Warehouse Associate, company Initech. The page won\'t load.', { shows: ASKS_DEVICE, never: /full name|Which email|Which position|Which company/i }],
    ['Computer', { shows: ASKS_BROWSER }],
    ['Edge', { shows: REVIEW }],
    ['Send it', { shows: TICKET }],
  ] },
  { name: 'all details in one message plus one correction', point: 3, ticket: 'one-correction', turns: [
    ['send a ticket to the recruiter please. Name: Maria Gomez. Email: maria.g@example.com. Position: Barista. Company: Bean Co. Error: link expired. Device: iPhone, Safari.', { shows: REVIEW }],
    ['the email is wrong, it\'s maria.gomez@example.com', { shows: /maria\.gomez@example\.com/ }],
    ['Send it', { shows: TICKET }],
  ] },
  { name: '"I just told you. jo@example.com" is an email', point: 3, turns: [
    ...ticketForm,
    ['Jo Marsh', { shows: ASKS_EMAIL }],
    ['I just told you. jo@example.com', { never: NOT_EMAIL }],
  ] },
  { name: '"it\'s jo@example.com" is an email', point: 3, turns: [
    ...ticketForm,
    ['Jo Marsh', { shows: ASKS_EMAIL }],
    ['it\'s jo@example.com', { never: NOT_EMAIL }],
  ] },
  { name: '"my name is Jo Marsh" stores the name without filler', point: 3, turns: [
    ...ticketForm,
    ['my name is Jo Marsh', { shows: ASKS_EMAIL }],
    ['jo@example.com', {}], ['Designer', {}], ['Acme', {}], ['404', {}], ['Computer', {}], ['Chrome', { shows: /Name:\*\* Jo Marsh\n/ }],
  ] },
  { name: 'a paragraph is not a name', point: 3, turns: [
    ...ticketForm,
    ['I have been trying since yesterday to open the link and nothing works and I am really worried that I will miss the deadline for this job', { never: ASKS_EMAIL }],
  ] },
  { name: '"menu" at the name leaves the form', point: 3, turns: [
    ...ticketForm,
    ['menu', { shows: /What happens when you click your interview link/i, never: ASKS_EMAIL }],
  ] },
  { name: '"help" is not a name', point: 3, turns: [
    ...ticketForm,
    ['help', { never: ASKS_EMAIL }],
  ] },
  { name: '"actually, now it says expired" inside the form is not an email', point: 3, turns: [
    ...ticketForm,
    ['Jo Marsh', { shows: ASKS_EMAIL }],
    ['actually, now it says expired', { never: NOT_EMAIL, shows: /expired/i }],
  ] },
  { name: 'a new problem at the position question is noticed', point: 3, turns: [
    ...ticketForm,
    ['Jo Marsh', {}],
    ['jo@example.com', {}],
    ['wait, now my camera is not working either', { shows: /camera/i }],
  ] },
  { name: 'at the review, "the name is wrong, it should be Joanna Marsh"', point: 3, turns: [
    ...ticketForm,
    ['Jo', {}], ['jo@example.com', {}], ['Designer', {}], ['Acme', {}], ['it says 404', {}], ['Computer', {}], ['Chrome', { shows: REVIEW }],
    ['the name is wrong, it should be Joanna Marsh', { shows: /Joanna Marsh/ }],
  ] },
  { name: 'at the review, "company should be Acme Ltd not Acme"', point: 3, turns: [
    ...ticketForm,
    ['Jo Marsh', {}], ['jo@example.com', {}], ['Designer', {}], ['Acme', {}], ['it says 404', {}], ['Computer', {}], ['Chrome', { shows: REVIEW }],
    ['company should be Acme Ltd', { shows: /Acme Ltd/ }],
  ] },
  { name: '"laptop" answers the device question', point: 3, turns: [
    ...ticketForm,
    ['Jo Marsh', {}], ['jo@example.com', {}], ['Designer', {}], ['Acme', {}], ['it says 404', { shows: ASKS_DEVICE }],
    ['laptop', { shows: ASKS_BROWSER }],
  ] },
  { name: '"android" answers the device question', point: 3, turns: [
    ...ticketForm,
    ['Jo Marsh', {}], ['jo@example.com', {}], ['Designer', {}], ['Acme', {}], ['it says 404', { shows: ASKS_DEVICE }],
    ['android', { never: ASKS_DEVICE }],
  ] },
  { name: '"google chrome" answers the browser question', point: 3, turns: [
    ...ticketForm,
    ['Jo Marsh', {}], ['jo@example.com', {}], ['Designer', {}], ['Acme', {}], ['it says 404', {}], ['Computer', { shows: ASKS_BROWSER }],
    ['google chrome', { shows: REVIEW }],
  ] },
  { name: '"the default one" answers the browser question', point: 3, turns: [
    ...ticketForm,
    ['Jo Marsh', {}], ['jo@example.com', {}], ['Designer', {}], ['Acme', {}], ['it says 404', {}], ['Phone', { shows: ASKS_BROWSER }],
    ['the default one', { never: ASKS_BROWSER }],
  ] },
  { name: '"my iphone" answers the device question', point: 3, turns: [
    ...ticketForm,
    ['Jo Marsh', {}], ['jo@example.com', {}], ['Designer', {}], ['Acme', {}], ['it says 404', { shows: ASKS_DEVICE }],
    ['my iphone', { never: ASKS_DEVICE }],
  ] },
];

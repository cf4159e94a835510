import { join } from 'node:path';
import { createClassifier } from './classifier';
import { loadTraining } from '../flow/loadTraining';

const classifier = createClassifier(loadTraining(join(__dirname, '../../flows')));
const topicOf = (text: string) => classifier.classify(text).topic;

describe('a candidate who types only a fragment is still understood', () => {
  it.each([
    ['404', 'link-not-found'],
    ['expired', 'link-expired'],
    ['no camera', 'camera-microphone'],
    ['mic', 'camera-microphone'],
    ['retake', 'redo-response'],
    ['start new', 'resume-or-start-new'],
    ['stuck loading', 'page-wont-load'],
    ['timer', 'ran-out-of-time'],
    ['recruiter', 'contact-recruiter'],
  ])('"%s" → %s', (text, topic) => expect(topicOf(text)).toBe(topic));
});

describe('a candidate who makes typos is still understood', () => {
  it.each([
    ['page not fond', 'link-not-found'],
    ['my camra isnt workng', 'camera-microphone'],
    ['I recieved the invite but it says expierd', 'link-expired'],
    ['the microphoen wont turn on', 'camera-microphone'],
    ['i submited my interveiw too quickly', 'submitted-need-changes'],
  ])('"%s" → %s', (text, topic) => expect(topicOf(text)).toBe(topic));
});

describe('casing and missing apostrophes do not matter', () => {
  it.each([
    ['PAGE WONT LOAD', 'page-wont-load'],
    ['the site doesnt open', 'page-wont-load'],
    ['ITS SAYING THE LINK IS EXPIRED', 'link-expired'],
    ['i cant hear my voice in the playback', 'camera-microphone'],
  ])('"%s" → %s', (text, topic) => expect(topicOf(text)).toBe(topic));
});

describe('a long message is routed by the sentence that states the problem', () => {
  it.each([
    [
      'a 404 between a greeting and thanks',
      'Hello! I applied for the sales position a few days ago and finally sat down to do the video part tonight. ' +
        'Unfortunately when I open the link from the email all I get is a 404 page. I tried twice. Any ideas? Many thanks',
      'link-not-found',
    ],
    [
      'lost wifi halfway, now sees two buttons',
      'Hi, hope you are well. I was halfway through my answers when my wifi dropped. Now I see two buttons and ' +
        "I don't want to lose what I recorded. What do I do?",
      'resume-or-start-new',
    ],
    [
      'device details, then a black webcam preview',
      'Good morning. I am on a Windows laptop with Chrome. Every time the recording page opens, my webcam light ' +
        'comes on but the preview stays black. I restarted the computer already.',
      'camera-microphone',
    ],
  ])('%s', (_case, text, topic) => expect(topicOf(text)).toBe(topic));
});

describe('a message that is not about the interview link is not forced into a topic', () => {
  it.each([
    'how much does the role pay per year',
    'will it be sunny on friday',
    'say something funny',
    'hey',
    'thanks a lot',
    'has anyone looked at my application yet',
    'which other jobs can I apply for',
    'could you polish my resume',
    'qwertyuiop',
    'ok',
  ])('"%s" → none', (text) => expect(topicOf(text)).toBe('none'));
});

describe('when the bot is unsure it can offer the closest topics', () => {
  it('ranks three different topics, best first, never "none"', () => {
    const { ranked } = classifier.classify("the link from my email doesn't work");
    expect(ranked).toHaveLength(3);
    expect(new Set(ranked.map((r) => r.topic)).size).toBe(3);
    expect(ranked.map((r) => r.topic)).not.toContain('none');
    expect([...ranked].sort((a, b) => b.confidence - a.confidence)).toEqual(ranked);
  });

  it('a routed topic is the top of the ranking, with the same confidence', () => {
    const result = classifier.classify('the countdown ran out before I could answer');
    expect(result.topic).toBe('ran-out-of-time');
    expect(result.ranked[0]).toEqual({ topic: result.topic, confidence: result.confidence });
  });

  it('a stricter threshold turns a routed message into "none" but keeps its ranking for the question', () => {
    const strict = createClassifier(loadTraining(join(__dirname, '../../flows')), { threshold: 0.999 });
    const result = strict.classify('the link from my email does not work');
    expect(strict.threshold).toBe(0.999);
    expect(result.topic).toBe('none');
    expect(result.ranked[0]!.topic).toBe(classifier.classify('the link from my email does not work').topic);
  });
});

describe('confidences', () => {
  it.each(['404', 'asdf', 'what is the weather', 'my camera and my microphone are both broken', ''])(
    'stay between 0 and 1 for "%s"',
    (text) => {
      const result = classifier.classify(text);
      for (const value of [result.confidence, ...result.ranked.map((r) => r.confidence)]) {
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
      }
    },
  );

  it('are higher for a plain statement of a problem than for a vague one', () => {
    expect(classifier.classify('my link shows 404 not found').confidence).toBeGreaterThan(
      classifier.classify('something about my link').ranked[0]!.confidence,
    );
  });
});

describe('training', () => {
  const training = {
    topics: [
      { id: 'camera', keywords: ['webcam'], examples: ['my camera is black', 'the camera is not detected'] },
      { id: 'expired', keywords: ['expired'], examples: ['the link expired', 'my invitation is no longer valid'] },
    ],
    outOfScope: ['what is the weather', 'tell me a joke'],
  };

  it('learns from keywords as well as examples', () => {
    expect(createClassifier(training).classify('webcam').topic).toBe('camera');
  });

  it('gives the same answer every time it is built from the same data', () => {
    const text = 'is the camera link expired';
    expect(createClassifier(training).classify(text)).toEqual(createClassifier(training).classify(text));
  });

  it('refuses a topic named "none", which means out of scope', () => {
    expect(() => createClassifier({ ...training, topics: [...training.topics, { id: 'none', keywords: [], examples: ['x'] }] })).toThrow(
      /reserved/,
    );
  });
});

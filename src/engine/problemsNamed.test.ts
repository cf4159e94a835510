import { join } from 'node:path';
import { loadFlow } from '../flow';
import { createUnderstanding } from './trainedUnderstanding';
import { problemsNamedIn } from './problemsNamed';

const flow = loadFlow(join(__dirname, '../../flows'));
const understanding = createUnderstanding(flow);
const named = (text: string) => problemsNamedIn(flow, understanding, text);

describe('two problems in one message are both heard, in the order the candidate named them', () => {
  test.each([
    ['my link expired and my camera also does not work', ['link-expired', 'camera-microphone']],
    ['the page says 404. also my microphone is not picked up', ['link-not-found', 'camera-microphone']],
  ])('%s', (text, topics) => {
    expect(named(text)).toEqual(topics);
  });

  test.each(['my camera and microphone do not work', 'the link is broken and I have tried twice', 'page not found'])('"%s" is one problem', (text) => {
    expect(named(text).length).toBeLessThan(2);
  });
});

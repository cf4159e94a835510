import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTraining } from './loadTraining';

const TOPIC_IDS = [
  'link-not-found', 'page-wont-load', 'link-expired', 'resume-or-start-new', 'submitted-need-changes',
  'camera-microphone', 'ran-out-of-time', 'redo-response', 'contact-recruiter',
];

describe('the shipped flows', () => {
  const training = loadTraining(join(__dirname, '../../flows'));

  it('give every topic keywords and a good number of example messages', () => {
    expect(training.topics.map((t) => t.id).sort()).toEqual([...TOPIC_IDS].sort());
    for (const topic of training.topics) {
      expect(topic.keywords.length).toBeGreaterThan(0);
      expect(topic.examples.length).toBeGreaterThanOrEqual(15);
    }
    expect(training.outOfScope.length).toBeGreaterThanOrEqual(30);
  });
});

describe('a flows folder with a mistake', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'understanding-'));
    mkdirSync(join(dir, 'topics'));
    writeFileSync(join(dir, 'topics', 'link-expired.yaml'), 'id: link-expired\nkeywords: [expired]\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is refused when a topic has no example messages, naming the topic', () => {
    writeFileSync(join(dir, 'understanding.yaml'), 'topics: {}\noutOfScope: [hello]\n');
    expect(() => loadTraining(dir)).toThrow(/link-expired/);
  });

  it('is refused when examples name a topic the flow lacks', () => {
    writeFileSync(join(dir, 'understanding.yaml'), 'topics:\n  link-expired: [it expired]\n  link-typo: [x]\noutOfScope: [hello]\n');
    expect(() => loadTraining(dir)).toThrow(/link-typo/);
  });

  it('is refused with the file and field when understanding.yaml has an unknown field', () => {
    writeFileSync(join(dir, 'understanding.yaml'), 'topics:\n  link-expired: [it expired]\noutOfScope: [hello]\nexamples: []\n');
    expect(() => loadTraining(dir)).toThrow(/understanding\.yaml.*\n?.*examples/s);
  });
});

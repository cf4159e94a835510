import { join } from 'node:path';
import { loadFlow } from '../flow';
import { createUnderstanding } from './trainedUnderstanding';
import { ticketRequestIn } from './ticketRequest';

const flow = loadFlow(join(__dirname, '../../flows'));
const understanding = createUnderstanding(flow);
const read = (text: string) => ticketRequestIn(flow, understanding, text);

describe('a message that asks for the recruiter and describes the problem', () => {
  test('"send the recruiter a ticket: … the link says 404" asks for the ticket, about a 404', () => {
    expect(read("Please send the recruiter a ticket: I'm Priya Shah, priya@example.com. The link says 404 not found.")).toEqual({
      errorText: 'The link says 404 not found',
      topic: 'link-not-found',
    });
  });

  test('a problem the candidate labelled ("Error: link expired") is taken as written', () => {
    expect(read('send a ticket to the recruiter please. Name: Maria Gomez. Error: link expired. Device: iPhone')).toEqual({
      errorText: 'link expired',
      topic: 'link-expired',
    });
  });

  test('"I want to talk to a recruiter" with details but no problem asks for the recruiter, problem unknown', () => {
    expect(read('I want to talk to a recruiter. My name is Tom Baker, email tom@example.com')).toEqual({});
  });

  test('a problem with a question about the recruiter is not a request ("should I contact the recruiter?")', () => {
    expect(read('The page says 404. Should I maybe contact the recruiter about it?')).toBeUndefined();
  });

  test('a one-sentence message is left to the usual reading', () => {
    expect(read('talk to a recruiter')).toBeUndefined();
  });
});

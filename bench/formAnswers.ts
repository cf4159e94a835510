import type { FormFieldId } from '../src/flow/schema';
import { pickFrom, type Random } from './random';

/** Made-up people and jobs for the escalation form: no real person's data goes through the benchmark. */
const FIRST = ['Alex', 'Sam', 'Priya', 'Jonas', 'Mei', 'Olu', 'Carla', 'Ivan', 'Noor', 'Tom'];
const LAST = ['Example', 'Sample', 'Tester', 'Placeholder', 'Fictional', 'Doe'];
const POSITIONS = ['Data Analyst', 'Store Manager', 'Backend Engineer', 'Customer Service Agent', 'Nurse (night shift)', 'Graduate Trainee'];
const COMPANIES = ['Acme Corp', 'Globex', 'Initech', 'Umbrella Retail', 'Example Health'];
const ERRORS = [
  'Oops! Something went wrong (code 0x5F)',
  'It just shows a white page',
  'Error 404 - page not found',
  'This invitation has expired',
  'Camera not found. Please connect a camera and reload.',
  'the page keeps loading, nothing else',
];

export function formAnswers(random: Random, serial: number): Record<FormFieldId, string> {
  const first = pickFrom(random, FIRST);
  const last = pickFrom(random, LAST);
  return {
    name: `${first} ${last}`,
    email: `${first}.${last}.${serial}@example.com`.toLowerCase(),
    position: pickFrom(random, POSITIONS),
    company: pickFrom(random, COMPANIES),
    errorText: pickFrom(random, ERRORS),
  };
}

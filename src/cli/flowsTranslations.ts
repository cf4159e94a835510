import { FlowError, formatProblems, type FlowProblem } from '../flow';
import { loadFlowSource } from '../flow/load';
import { readLocalizedSources } from '../flow/locales';
import { compileFlow } from '../flow/compile';

/**
 * `npm run flows:translations [-- es fr]`: for each language (or the ones named), every key its
 * translation lacks, every key English doesn't have, every placeholder that differs, and every
 * text too long once translated. Exits 1 when anything is listed.
 */
const args = process.argv.slice(2);
const dirAt = args.indexOf('--flows');
const flowsDir = dirAt >= 0 ? (args[dirAt + 1] ?? 'flows') : 'flows';
const wanted = args.filter((a, i) => !a.startsWith('--') && (dirAt < 0 || i !== dirAt + 1));

try {
  const source = loadFlowSource(flowsDir);
  const { languages, sources, gaps, problems } = readLocalizedSources(flowsDir, source);
  for (const [code, localized] of sources) {
    try {
      compileFlow(localized, code);
    } catch (error) {
      if (!(error instanceof FlowError)) throw error;
      problems.push(...error.problems);
    }
  }
  const chosen = languages.filter((l) => wanted.length === 0 || wanted.includes(l.code));
  let failed = false;
  for (const language of chosen) {
    const folder = `locales/${language.code}/`;
    const own = (p: FlowProblem) => p.file.includes(folder);
    const itsProblems = problems.filter(own);
    const itsGaps = gaps.filter((g) => g.language === language.code);
    process.stdout.write(`${language.code} (${language.name}): ${itsProblems.length} problems, ${itsGaps.length} missing\n`);
    if (itsProblems.length > 0) process.stdout.write(`${formatProblems(itsProblems)}\n`);
    for (const gap of itsGaps) process.stdout.write(`  missing  ${gap.file}  ${gap.at}\n`);
    failed ||= itsProblems.length > 0 || itsGaps.length > 0;
  }
  const unplaced = problems.filter((p) => !languages.some((l) => p.file.includes(`locales/${l.code}/`)));
  if (unplaced.length > 0) {
    process.stdout.write(`${formatProblems(unplaced)}\n`);
    failed = true;
  }
  for (const code of wanted) if (!languages.some((l) => l.code === code)) {
    process.stdout.write(`${code}: no flows/locales/${code}/locale.yaml\n`);
    failed = true;
  }
  process.exit(failed ? 1 : 0);
} catch (error) {
  if (!(error instanceof FlowError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}

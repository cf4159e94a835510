import { loadFlowSource } from './load';
import { compileFlow, type CompiledFlow } from './compile';

export type { CompiledFlow, FlowStep } from './compile';
export { FlowError, formatProblems, type FlowProblem } from './problems';

/** Loads, checks and compiles `flows/`; throws FlowError listing every problem. */
export function loadFlow(flowsDir: string): CompiledFlow {
  return compileFlow(loadFlowSource(flowsDir));
}

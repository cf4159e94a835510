import { loadFlowSource } from './load';
import { compileFlow, type CompiledFlow } from './compile';

export type { CompiledFlow, TreeNode } from './compile';
export { FlowError, formatProblems, type FlowProblem } from './problems';
export { positionName, positionOf, type FlowStateValue, type Position } from './position';

/** Loads, checks and compiles `flows/`; throws FlowError listing every problem. */
export function loadFlow(flowsDir: string): CompiledFlow {
  return compileFlow(loadFlowSource(flowsDir));
}

export { diagnose, type Diagnosis, type DiagnoseOptions } from './diagnoseLink';
export type { Finding, FindingKind, LookAlike, CutShort } from './finding';
export type { Wrapper } from './wrappers';

export { diagnose, type Diagnosis, type DiagnoseOptions } from './diagnoseLink';
export type { Finding, FindingKind, LookAlike, CutShort, LiveOutcome } from './finding';
export type { Wrapper } from './wrappers';
export { withoutLinks, textAroundLinks } from './findLinks';
export { createLinkReader, type ReadLink, type LinkReaderOptions } from './readLink';
export type { LiveCheck, LiveCheckOptions } from './liveCheck';

/** The link-protection services whose wrapping we recognise. */
export type Wrapper =
  | 'Microsoft Safe Links'
  | 'Proofpoint URL Defense v1'
  | 'Proofpoint URL Defense v2'
  | 'Proofpoint URL Defense v3'
  | 'Google redirect'
  | 'Barracuda Link Protection'
  | 'Mimecast';

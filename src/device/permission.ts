import { z } from 'zod';

/** What a browser says of a camera or microphone permission (the Permissions API's states). */
export const PermissionState = z.enum(['granted', 'denied', 'prompt']);
export type PermissionState = z.output<typeof PermissionState>;

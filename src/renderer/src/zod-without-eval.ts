import { z } from 'zod';

/*
 * The windows' CSP forbids eval. Zod probes for it (`new Function`) when it builds its first
 * object schema unless told not to, and the caught probe is still reported as a violation. So
 * this module runs before any schema is built: `counter-api.ts` imports it first.
 */
z.config({ jitless: true });

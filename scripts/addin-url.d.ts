/** Types for scripts/addin-url.js. */
export const DEV_BASE_URL: string;
export function addinBaseUrl(env?: Record<string, string | undefined>): string;
export function rewriteManifest(xml: string, baseUrl: string): string;

/** Types for scripts/office-js-url.js. */
export const WORLDWIDE_OFFICE_JS_URL: string;
export const CHINA_OFFICE_JS_URL: string;
export function officeJsUrl(env?: Record<string, string | undefined>): string;

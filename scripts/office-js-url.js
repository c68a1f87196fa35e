// Where the add-in's pages load office.js from: ONE build setting, OFFICE_JS_URL. The default is
// Microsoft's worldwide CDN; tenants on the China cloud (Microsoft 365 operated by 21Vianet) need
// the China CDN, which Microsoft names in "Referencing the Office JavaScript API library"
// (section "CDN references for other Microsoft 365 environments").
"use strict";

const WORLDWIDE_OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const CHINA_OFFICE_JS_URL =
  "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js";

/**
 * OFFICE_JS_URL from the environment (default: the worldwide CDN), checked to be an absolute https
 * URL (localhost may use http, for a local copy while developing).
 *
 * @example
 * officeJsUrl({});                                          // the worldwide CDN
 * officeJsUrl({ OFFICE_JS_URL: CHINA_OFFICE_JS_URL });      // the 21Vianet CDN
 * officeJsUrl({ OFFICE_JS_URL: "http://cdn.example/o.js" }); // throws: must use https
 */
function officeJsUrl(env = process.env) {
  const raw = (env.OFFICE_JS_URL || WORLDWIDE_OFFICE_JS_URL).trim();
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`OFFICE_JS_URL "${raw}" is not an absolute URL (e.g. ${CHINA_OFFICE_JS_URL})`);
  }
  if (url.protocol !== "https:" && url.hostname !== "localhost" && url.hostname !== "127.0.0.1") {
    throw new Error(
      `OFFICE_JS_URL "${raw}" must use https: Office add-in pages load only https content`
    );
  }
  return url.href;
}

module.exports = { WORLDWIDE_OFFICE_JS_URL, CHINA_OFFICE_JS_URL, officeJsUrl };

// The add-in's base URL: ONE setting. manifest.xml is written against the dev server
// (DEV_BASE_URL); the build writes dist/manifest.xml with every such URL moved to ADDIN_BASE_URL.
"use strict";

const DEV_BASE_URL = "https://localhost:3000/";

/** ADDIN_BASE_URL from the environment (default: the dev server), as an absolute URL ending in "/". */
function addinBaseUrl(env = process.env) {
  const raw = (env.ADDIN_BASE_URL || DEV_BASE_URL).trim();
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(
      `ADDIN_BASE_URL "${raw}" is not an absolute URL (e.g. https://addins.example.gov.cn/junheng/)`
    );
  }
  if (url.protocol !== "https:" && url.hostname !== "localhost" && url.hostname !== "127.0.0.1") {
    throw new Error(`ADDIN_BASE_URL "${raw}" must use https: Office loads add-ins only over https`);
  }
  if (url.search || url.hash)
    throw new Error(`ADDIN_BASE_URL "${raw}" must not have a query or fragment`);
  const href = url.href;
  return href.endsWith("/") ? href : `${href}/`;
}

/** The manifest with every dev-server URL moved to baseUrl. */
function rewriteManifest(xml, baseUrl) {
  return xml.split(DEV_BASE_URL).join(baseUrl);
}

module.exports = { DEV_BASE_URL, addinBaseUrl, rewriteManifest };

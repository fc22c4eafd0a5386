/**
 * Where the add-in is served from, in one place for webpack and the start scripts.
 *
 * manifest.xml is written with https://localhost:3000/; the dev URL takes its port from
 * package.json config.dev_server_port and the production URL from ADDIN_PROD_URL.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { config } = require("../package.json");

const ROOT = path.join(__dirname, "..");
const MANIFEST_URL = "https://localhost:3000/";
const DEFAULT_PROD_URL = "https://perfscore.example.gov.cn/";
const PORT = Number(config.dev_server_port);
const DEV_URL = `https://localhost:${PORT}/`;

function prodUrl() {
  const url = process.env.ADDIN_PROD_URL || DEFAULT_PROD_URL;
  if (!/^https:\/\//.test(url)) throw new Error(`ADDIN_PROD_URL must start with https:// (got "${url}")`);
  return url.endsWith("/") ? url : `${url}/`;
}

/** The manifest's text with every https://localhost:3000/ replaced by `url`. */
function rewriteManifest(text, url) {
  return text.split(MANIFEST_URL).join(url);
}

/**
 * The manifest to sideload in development: manifest.xml itself when the port is 3000, else a copy
 * for the configured port in .tmp/manifest.dev.xml.
 *
 * @returns the path, relative to the repository
 */
function devManifest() {
  if (DEV_URL === MANIFEST_URL) return "manifest.xml";
  const out = path.join(ROOT, ".tmp", "manifest.dev.xml");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, rewriteManifest(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"), DEV_URL));
  return path.relative(ROOT, out);
}

module.exports = { MANIFEST_URL, PORT, DEV_URL, prodUrl, rewriteManifest, devManifest };

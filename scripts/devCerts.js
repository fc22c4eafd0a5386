/**
 * The development HTTPS certificates, as the Office add-in template uses them: the files that
 * office-addin-dev-certs manages in ~/.office-addin-dev-certs (ca.crt, localhost.crt,
 * localhost.key).
 *
 * - When the files are missing, `office-addin-dev-certs install` generates them. Installing also
 *   asks the system to trust ca.crt; without sudo (a Linux container) that part fails although the
 *   tool exits 0, and its getHttpsServerOptions() then throws. So the files are read directly.
 * - The server is HTTPS whether or not the CA is trusted; when it is not, `trustAdvice()` says how.
 * - There is no HTTP fallback: with no certificate the dev server does not start.
 */
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");

const CERT_DIR = path.join(os.homedir(), ".office-addin-dev-certs");
const FILES = { ca: path.join(CERT_DIR, "ca.crt"), cert: path.join(CERT_DIR, "localhost.crt"), key: path.join(CERT_DIR, "localhost.key") };
/** Where office-addin-dev-certs' install_linux.sh puts the CA when it can. */
const LINUX_TRUSTED = ["/usr/local/share/ca-certificates/office-addin-dev-certs/ca.crt", "/etc/ca-certificates/trust-source/anchors/office-addin-dev-certs-ca.crt"];

function hasFiles() {
  return Object.values(FILES).every((file) => fs.existsSync(file));
}

/** Whether the system trusts our CA, as far as we can tell without sudo; null when we cannot tell (Windows, macOS). */
function isTrusted() {
  if (process.platform !== "linux") return null;
  const ours = fs.readFileSync(FILES.ca, "utf8").trim();
  return LINUX_TRUSTED.some((file) => fs.existsSync(file) && fs.readFileSync(file, "utf8").trim() === ours);
}

/** How to make the browser and Office trust ca.crt, for the platform we run on. */
function trustAdvice() {
  const ca = FILES.ca;
  const lines = [`The development CA is ${ca}. Until it is trusted, browsers and Office warn about https://localhost.`];
  if (process.platform === "win32") lines.push("Trust it: npx office-addin-dev-certs install (accept the Windows prompt).");
  else if (process.platform === "darwin") lines.push("Trust it: npx office-addin-dev-certs install (enter your password when asked).");
  else {
    lines.push("Trust it system-wide (needs root):");
    lines.push(`  sudo mkdir -p /usr/local/share/ca-certificates/office-addin-dev-certs && sudo cp ${ca} /usr/local/share/ca-certificates/office-addin-dev-certs/ && sudo update-ca-certificates`);
    lines.push(`Chromium and Chrome use their own store: Settings > Privacy and security > Security > Manage certificates > Authorities > Import ${ca}.`);
    lines.push(`Firefox: Settings > Privacy & Security > Certificates > View Certificates > Authorities > Import ${ca}.`);
  }
  return lines.join("\n");
}

/**
 * HTTPS options for the dev server, generating the certificates first when they are missing.
 *
 * @returns { options: { ca, cert, key }, trusted: boolean | null }
 * @throws Error saying what to do when no certificate exists and none can be generated
 */
function ensureDevCerts() {
  if (!hasFiles()) {
    const bin = path.join(__dirname, "..", "node_modules", ".bin", process.platform === "win32" ? "office-addin-dev-certs.cmd" : "office-addin-dev-certs");
    console.log(`No development certificates in ${CERT_DIR}; generating them with office-addin-dev-certs install.`);
    const run = spawnSync(bin, ["install", "--days", "365"], { stdio: "inherit", shell: process.platform === "win32" });
    if (run.error) console.error(`office-addin-dev-certs could not run: ${run.error.message}`);
  }
  if (!hasFiles()) {
    throw new Error(`No HTTPS certificate for the dev server: ${CERT_DIR} lacks ca.crt, localhost.crt or localhost.key and they could not be generated. Run "npx office-addin-dev-certs install" and start again. (Office add-ins need HTTPS, so there is no HTTP fallback.)`);
  }
  const options = { ca: fs.readFileSync(FILES.ca), cert: fs.readFileSync(FILES.cert), key: fs.readFileSync(FILES.key) };
  return { options, trusted: isTrusted() };
}

module.exports = { CERT_DIR, ensureDevCerts, trustAdvice };

// Finds Debian's Chromium (and a CJK font, and poppler's pdftoppm that renders printed pages to
// PNG) for the browser tests, installing them when this is a Debian/Ubuntu machine and we are root. Never skips: without a browser the tests fail with the
// one command that fixes it.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const INSTALL_COMMAND = 'apt-get update && apt-get install -y chromium fonts-wqy-microhei poppler-utils';

const hasCjkFont = () => {
  try {
    return /WenQuanYi|Noto Sans CJK|Source Han/i.test(execSync('fc-list', { encoding: 'utf8' }));
  } catch {
    return false;
  }
};

export function ensureChromium(): string {
  if (existsSync(CHROMIUM_PATH) && hasCjkFont() && existsSync('/usr/bin/pdftoppm')) return CHROMIUM_PATH;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    throw new Error(
      `Browser tests need Debian's Chromium and a CJK font at ${CHROMIUM_PATH}: run \`sudo sh -c '${INSTALL_COMMAND}'\` (or set CHROMIUM_PATH).`,
    );
  }
  console.log(`Installing Chromium and a CJK font: ${INSTALL_COMMAND}`);
  execSync(INSTALL_COMMAND, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`Chromium still missing at ${CHROMIUM_PATH} after: ${INSTALL_COMMAND}`);
  return CHROMIUM_PATH;
}

/** Flags for headless Chromium as root with software WebGL and no background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-default-apps',
  '--disable-extensions',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

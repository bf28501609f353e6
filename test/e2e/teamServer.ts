// The team server for browser tests: the real `src/server/main.ts` in a child process on a fresh
// embedded database (PGlite in a temporary folder), serving the same built app as the other tests,
// and a small Node client of its API to set up accounts and data as an administrator would.
//
// Rules relied on:
// - The server prints "listening on <url>" once it accepts connections; we wait for that line.
// - A restart (after stop or SIGKILL) reuses the folder and the port, so open pages keep their
//   origin (their cookies, IndexedDB and outbox) and simply reconnect.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';

export interface TeamServer {
  readonly url: string;
  readonly dataDir: string;
  /** The one-time first-administrator link the first start printed. */
  readonly setupLink: string | null;
  /** Everything the server printed. */
  output(): string;
  /** Stops it with SIGTERM (a clean shutdown). */
  stop(): Promise<void>;
  /** Kills it with SIGKILL, mid-whatever it was doing. */
  kill(): Promise<void>;
  /** Starts it again on the same folder and port. */
  restart(): Promise<void>;
}

const STARTUP_LIMIT_MS = 180_000;

function launch(
  env: Record<string, string>,
  log: string[],
): Promise<{ child: ChildProcess; url: string; setupLink: string | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let setupLink: string | null = null;
    let buffered = '';
    const timer = setTimeout(
      () => reject(new Error(`the team server did not start:\n${log.join('')}`)),
      STARTUP_LIMIT_MS,
    );
    const read = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      log.push(text);
      buffered += text;
      setupLink ??= /(http\S+#setup=\S+)/.exec(buffered)?.[1] ?? null;
      const listening = /listening on (http\S+)/.exec(buffered);
      if (listening) {
        clearTimeout(timer);
        resolve({ child, url: listening[1], setupLink });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', (chunk: Buffer) => log.push(chunk.toString('utf8')));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the team server exited (${code ?? signal}):\n${log.join('')}`));
    });
  });
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once('exit', () => resolve()));

export async function startTeamServer(): Promise<TeamServer> {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'atlas-team-')), 'atlas-data');
  const log: string[] = [];
  const baseEnv = {
    HOST: '127.0.0.1',
    ATLAS_DATA_DIR: dataDir,
    ATLAS_STATIC_DIR: inject('distDir'),
    DATABASE_URL: '',
  };
  let running = await launch({ ...baseEnv, PORT: '0' }, log);
  const url = running.url;
  const port = new URL(url).port;
  return {
    url,
    dataDir,
    setupLink: running.setupLink,
    output: () => log.join(''),
    async stop() {
      running.child.kill('SIGTERM');
      await exited(running.child);
    },
    async kill() {
      running.child.kill('SIGKILL');
      await exited(running.child);
    },
    async restart() {
      running = await launch({ ...baseEnv, PORT: port }, log);
    },
  };
}

/** A signed-in API session from Node (cookie and CSRF token), as the browser keeps one. */
export class TeamApiClient {
  private cookie = '';
  private csrfToken = '';
  constructor(private readonly baseUrl: string) {}

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: T }> {
    const isBytes = body instanceof Uint8Array;
    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken && method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}),
        ...(body === undefined
          ? {}
          : { 'content-type': isBytes ? 'application/octet-stream' : 'application/json' }),
        ...headers,
      },
      body:
        body === undefined
          ? undefined
          : isBytes
            ? new Blob([body as Uint8Array<ArrayBuffer>])
            : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const text = await response.text();
    const parsed = text ? (JSON.parse(text) as T) : (undefined as T);
    const token = (parsed as { csrfToken?: string } | undefined)?.csrfToken;
    if (token) this.csrfToken = token;
    return { status: response.status, body: parsed };
  }

  async expectOk<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const answer = await this.request<T>(method, path, body);
    if (answer.status >= 300)
      throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  /** Creates the first administrator with the one-time link's token, signed in as them. */
  async setUpAdministrator(setupLink: string, username: string, password: string): Promise<void> {
    const token = new URL(setupLink).hash.replace('#setup=', '');
    await this.expectOk('POST', '/api/setup', { token, username, displayName: '省公司管理员', password });
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.expectOk('POST', '/api/login', { username, password });
  }
}

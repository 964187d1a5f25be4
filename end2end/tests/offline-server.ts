/**
 * Release servers the offline tests own: each test starts one on its own port, database and
 * attachments folder, so it can kill it (the network is gone), change the database behind its
 * back and start it again on the same database and port. Also a small proxy that can lose a
 * response on purpose, and the database checks the tests make through the sqlite3 CLI.
 *
 * The binary and the site it serves default to the release build; E2E_SERVER_BIN and
 * E2E_SITE_ROOT point elsewhere (relative paths are taken from the repository root).
 */
import { ChildProcess, execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import * as os from "node:os";
import * as path from "node:path";
import * as crypto from "node:crypto";
import * as zlib from "node:zlib";
import { serverEnv } from "../playwright.config";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");

/** The server binary: E2E_SERVER_BIN, or the release build. */
export function serverBinary(): string {
  return path.resolve(REPO_ROOT, process.env.E2E_SERVER_BIN ?? "./target/release/server");
}

/** The site (HTML assets, pkg/) the server serves: E2E_SITE_ROOT, or the release build's. */
export function defaultSiteRoot(): string {
  return path.resolve(REPO_ROOT, process.env.E2E_SITE_ROOT ?? "target/site");
}

const HEALTH_TIMEOUT_MS = 60_000;
const running = new Set<OfflineServer>();

/** GET `url` and return the body, or null when nothing answers in time. */
function probe(url: string, timeoutMs = 1000): Promise<string | null> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false, timeout: timeoutMs }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve(res.statusCode === 200 ? body : null));
      res.on("error", () => resolve(null));
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(null));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface ServerOptions {
  port: number;
  /** Names the instance in the X-Deskfront-Instance header and in the log. */
  name?: string;
  /** The site to serve at first start (default: defaultSiteRoot()). */
  siteRoot?: string;
}

/** One release server on a throwaway database of its own. */
export class OfflineServer {
  readonly port: number;
  readonly name: string;
  readonly dataDir: string;
  readonly dbPath: string;
  readonly attachmentsDir: string;
  siteRoot: string;
  private proc: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  /** Everything the server printed, over all its starts. */
  readonly log: string[] = [];

  private constructor(options: ServerOptions) {
    this.port = options.port;
    this.name = options.name ?? `offline-${options.port}`;
    this.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `deskfront-offline-${options.port}-`));
    this.dbPath = path.join(this.dataDir, "deskfront.db");
    this.attachmentsDir = path.join(this.dataDir, "attachments");
    this.siteRoot = options.siteRoot ?? defaultSiteRoot();
  }

  /** Starts a server on a fresh database (the demo data is loaded) and waits for /healthz. */
  static async start(options: ServerOptions): Promise<OfflineServer> {
    const server = new OfflineServer(options);
    running.add(server);
    await server.launch();
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.proc !== null;
  }

  private async launch(): Promise<void> {
    if ((await probe(`${this.url}/healthz`)) !== null) {
      throw new Error(`something already answers on port ${this.port}; stop it first`);
    }
    const env: NodeJS.ProcessEnv = { ...process.env };
    // DATABASE_URL wins over DESKFRONT_DATABASE_URL: a developer's must not leak in.
    delete env.DATABASE_URL;
    Object.assign(env, serverEnv(String(this.port), `sqlite://${this.dbPath}`, this.name), {
      LEPTOS_SITE_ROOT: this.siteRoot,
      DESKFRONT_ATTACHMENTS_DIR: this.attachmentsDir,
    });
    const proc = spawn(serverBinary(), [], { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    this.proc = proc;
    this.log.push(`--- start (site ${this.siteRoot})`);
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n")) if (line.trim()) this.log.push(line);
      if (this.log.length > 500) this.log.splice(0, this.log.length - 500);
    };
    proc.stdout!.on("data", keep);
    proc.stderr!.on("data", keep);
    let gone = false;
    this.exited = new Promise((resolve) =>
      proc.once("exit", (code, signal) => {
        gone = true;
        this.log.push(`--- exited (code ${code}, signal ${signal})`);
        if (this.proc === proc) this.proc = null;
        resolve();
      }),
    );
    proc.once("error", (e) => this.log.push(`--- could not start: ${e.message}`));
    const deadline = Date.now() + HEALTH_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (gone) break;
      if ((await probe(`${this.url}/healthz`)) === "ok") return;
      await sleep(200);
    }
    await this.kill();
    throw new Error(
      `${this.name} (${serverBinary()}) did not become healthy on port ${this.port}:\n${this.logTail()}`,
    );
  }

  /** SIGKILL: no graceful shutdown, as when the machine or the network goes away. */
  async kill(): Promise<void> {
    const proc = this.proc;
    if (!proc) return;
    proc.kill("SIGKILL");
    await this.exited;
    this.proc = null;
  }

  /**
   * Starts the server again on the same database and port; `siteRoot` serves another build
   * (a new release) from then on.
   */
  async restart(options: { siteRoot?: string } = {}): Promise<void> {
    await this.kill();
    if (options.siteRoot) this.siteRoot = options.siteRoot;
    await this.launch();
  }

  /** Kills the server and removes its data (kept when E2E_KEEP_DATA is set). */
  async dispose(): Promise<void> {
    await this.kill();
    running.delete(this);
    if (!process.env.E2E_KEEP_DATA) fs.rmSync(this.dataDir, { recursive: true, force: true });
  }

  logTail(lines = 40): string {
    return this.log.slice(-lines).join("\n");
  }

  /** Runs one SQL statement on this server's database (see `sql`). */
  sql(query: string): string {
    return sql(this.dbPath, query);
  }
}

/** The servers started and not yet disposed of. */
export function runningServers(): OfflineServer[] {
  return [...running];
}

/** Stops every server a test started (for afterEach). */
export async function disposeAllServers(): Promise<void> {
  await Promise.all([...running].map((s) => s.dispose()));
}

// --- The database, through the sqlite3 CLI -------------------------------------------------------

/** Runs `query` with the sqlite3 CLI; rows come back one per line, columns separated by "|". */
export function sql(dbPath: string, query: string): string {
  return execFileSync("sqlite3", ["-batch", "-cmd", ".timeout 5000", dbPath, query], {
    encoding: "utf8",
  }).trim();
}

/** A string as an SQL literal. */
export function quote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** How many tickets carry this idempotency key (any requester). */
export function ticketCount(dbPath: string, idempotencyKey: string): number {
  return Number(sql(dbPath, `SELECT COUNT(*) FROM tickets WHERE idempotency_key = ${quote(idempotencyKey)}`));
}

/** The tickets made with this key, with the email of the person they were filed for. */
export function ticketsForKey(dbPath: string, idempotencyKey: string): { id: number; number: string; requester: string }[] {
  const rows = sql(
    dbPath,
    `SELECT t.id, t.number, u.email FROM tickets t JOIN users u ON u.id = t.requester_id
     WHERE t.idempotency_key = ${quote(idempotencyKey)} ORDER BY t.id`,
  );
  return rows
    ? rows.split("\n").map((row) => {
        const [id, number, requester] = row.split("|");
        return { id: Number(id), number, requester };
      })
    : [];
}

/** How many files are attached to the ticket(s) made with this key. */
export function attachmentCountForKey(dbPath: string, idempotencyKey: string): number {
  return Number(
    sql(
      dbPath,
      `SELECT COUNT(*) FROM attachments a JOIN tickets t ON t.id = a.ticket_id
       WHERE t.idempotency_key = ${quote(idempotencyKey)}`,
    ),
  );
}

export interface AttachmentRow {
  fileName: string;
  contentType: string;
  sizeBytes: number;
  storageName: string;
}

/** The files attached to the ticket(s) made with this key. */
export function attachmentsForKey(dbPath: string, idempotencyKey: string): AttachmentRow[] {
  const rows = sql(
    dbPath,
    `SELECT a.file_name, a.content_type, a.size_bytes, a.storage_name
     FROM attachments a JOIN tickets t ON t.id = a.ticket_id
     WHERE t.idempotency_key = ${quote(idempotencyKey)} ORDER BY a.id`,
  );
  return rows
    ? rows.split("\n").map((row) => {
        const [fileName, contentType, sizeBytes, storageName] = row.split("|");
        return { fileName, contentType, sizeBytes: Number(sizeBytes), storageName };
      })
    : [];
}

// --- A proxy that can lose a response ------------------------------------------------------------

const SUBMIT_PATH = "/api/submit_request";

/** One POST to the submit server function that reached the proxy. */
export interface SubmitSeen {
  body: string;
  /** The server's status, when it answered. */
  status?: number;
  /** "forwarded", "swallowed" (the server answered, the browser never heard), "blocked". */
  outcome: "forwarded" | "swallowed" | "blocked" | "failed";
}

/**
 * Forwards everything on `listenPort` to the server. The browser talks to the proxy, so the
 * proxy can make the network fail in ways a server alone cannot:
 * - `swallowNextSubmit(after)`: the next submit is forwarded and the server's whole answer read
 *   (the ticket exists), then `after` runs (the test kills the server) and the browser's
 *   connection is dropped without a response.
 * - `blockSubmits`: submits fail at the network level, everything else goes through.
 * - `holdSubmitsMs`: submits reach the server that much later (a slow upload).
 * - `down`: every connection is dropped, as if the network were gone.
 * When the server does not answer, the browser's connection is dropped too (no 502 page), which
 * is what a phone sees when the network is down.
 */
export class FaultyProxy {
  readonly submits: SubmitSeen[] = [];
  blockSubmits = false;
  /** Submits wait this long before they are forwarded (the browser may leave meanwhile). */
  holdSubmitsMs = 0;
  down = false;
  private swallow: (() => Promise<void>) | null = null;
  private readonly server: http.Server;

  private constructor(
    readonly port: number,
    readonly targetPort: number,
  ) {
    this.server = http.createServer((req, res) => this.handle(req, res));
    // Keep-alive connections would outlive a test; they are closed in close().
    this.server.keepAliveTimeout = 1000;
  }

  static async start(port: number, targetPort: number): Promise<FaultyProxy> {
    const proxy = new FaultyProxy(port, targetPort);
    await new Promise<void>((resolve, reject) => {
      proxy.server.once("error", reject);
      proxy.server.listen(port, "127.0.0.1", () => resolve());
    });
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The next submit reaches the server, then `afterServerAnswered` runs and the browser hears nothing. */
  swallowNextSubmit(afterServerAnswered: () => Promise<void>): void {
    this.swallow = afterServerAnswered;
  }

  /** Submits that carried `key` and that the server answered. */
  answeredSubmitsFor(key: string): SubmitSeen[] {
    return this.submits.filter((s) => s.body.includes(key) && s.status !== undefined);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const drop = (): void => {
      req.socket.destroy();
    };
    if (this.down) return drop();
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("error", drop);
    req.on("end", () => {
      if (this.down) return drop();
      const body = Buffer.concat(chunks);
      const isSubmit = req.method === "POST" && (req.url ?? "").startsWith(SUBMIT_PATH);
      let seen: SubmitSeen | undefined;
      if (isSubmit) {
        seen = { body: body.toString("latin1"), outcome: "forwarded" };
        this.submits.push(seen);
        if (this.blockSubmits) {
          seen.outcome = "blocked";
          return drop();
        }
      }
      const swallow = isSubmit ? this.swallow : null;
      if (swallow) this.swallow = null;
      const hold = isSubmit ? this.holdSubmitsMs : 0;
      const headers = { ...req.headers };
      delete headers["transfer-encoding"];
      headers["content-length"] = String(body.length);
      const upstream = http.request(
        {
          host: "127.0.0.1",
          port: this.targetPort,
          method: req.method,
          path: req.url,
          headers,
          agent: false,
        },
        (answer) => {
          if (seen) seen.status = answer.statusCode;
          if (swallow) {
            // Read the whole answer: the server has finished its work and committed.
            answer.resume();
            answer.on("end", () => {
              seen!.outcome = "swallowed";
              swallow().finally(drop);
            });
            answer.on("error", drop);
            return;
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          answer.on("error", drop);
        },
      );
      upstream.on("error", () => {
        if (seen) seen.outcome = "failed";
        drop();
      });
      // A held submit still reaches the server when the browser has gone meanwhile.
      if (hold > 0) setTimeout(() => upstream.end(body), hold);
      else upstream.end(body);
    });
  }
}

// --- Test images ---------------------------------------------------------------------------------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/**
 * A real RGB PNG of `width`×`height`, the size of a phone photo: colour gradients with a little
 * noise, so it neither compresses to nothing nor exceeds the server's upload limit.
 */
export function makePhotoPng(width = 3000, height = 2000): Buffer {
  const stride = width * 3 + 1;
  const raw = Buffer.alloc(stride * height);
  let seed = 0x2545f491;
  for (let y = 0; y < height; y++) {
    const row = y * stride;
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      const noise = seed & 3;
      const i = row + 1 + x * 3;
      raw[i] = ((x * 255) / width + noise) & 0xff;
      raw[i + 1] = ((y * 255) / height + noise) & 0xff;
      raw[i + 2] = (((x + y) * 127) / (width + height) + 64 + noise) & 0xff;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", zlib.deflateSync(raw, { level: 6 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Width and height of a PNG, JPEG or WebP file, or null for anything else. */
export function imageSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.length > 24 && bytes.readUInt32BE(0) === 0x89504e47) {
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  if (bytes.length > 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let i = 2;
    while (i + 9 < bytes.length) {
      if (bytes[i] !== 0xff) {
        i++;
        continue;
      }
      const marker = bytes[i + 1];
      if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        i += 2;
        continue;
      }
      const length = bytes.readUInt16BE(i + 2);
      // Start of frame (baseline, progressive, ...), not DHT/JPG/DAC.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
      }
      i += 2 + length;
    }
    return null;
  }
  if (bytes.length > 30 && bytes.toString("latin1", 0, 4) === "RIFF" && bytes.toString("latin1", 8, 12) === "WEBP") {
    const kind = bytes.toString("latin1", 12, 16);
    if (kind === "VP8X") return { width: 1 + bytes.readUIntLE(24, 3), height: 1 + bytes.readUIntLE(27, 3) };
    if (kind === "VP8 ") return { width: bytes.readUInt16LE(26) & 0x3fff, height: bytes.readUInt16LE(28) & 0x3fff };
    if (kind === "VP8L") {
      const b = bytes.readUInt32LE(21);
      return { width: (b & 0x3fff) + 1, height: ((b >>> 14) & 0x3fff) + 1 };
    }
  }
  return null;
}

// --- Releases ------------------------------------------------------------------------------------

/** Copies a built site (target/site) to a new temporary folder. */
export function copySite(from: string, label: string): string {
  const to = fs.mkdtempSync(path.join(os.tmpdir(), `deskfront-site-${label}-`));
  fs.cpSync(from, to, { recursive: true });
  return to;
}

/**
 * Turns a copy of a site into a different release: a custom section appended to the wasm (valid
 * WebAssembly, new bytes, so a new release id) and the precompressed copies removed (they would
 * still hold the old wasm).
 */
export function makeNewRelease(site: string): void {
  const pkg = path.join(site, "pkg");
  const name = Buffer.from("release", "utf8");
  const payload = crypto.randomBytes(32);
  const content = Buffer.concat([Buffer.from([name.length]), name, payload]);
  const section = Buffer.concat([Buffer.from([0x00]), leb128(content.length), content]);
  fs.appendFileSync(path.join(pkg, "deskfront.wasm"), section);
  for (const file of fs.readdirSync(pkg)) {
    if (file.endsWith(".br") || file.endsWith(".gz")) fs.rmSync(path.join(pkg, file));
  }
}

function leb128(value: number): Buffer {
  const bytes: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (value !== 0);
  return Buffer.from(bytes);
}

// Where a page's long main-thread tasks go, function by function (issue 19): opens PAGE in
// Chromium on a phone-sized screen with the CPU slowed 4x (as Lighthouse's mobile run), records
// the main thread's tasks and a sampling CPU profile at once, and prints each task longer than
// MIN_MS with the functions that took its time (inclusive, in ms of the slowed CPU).
//
// Lighthouse names only the script a long task ran in ("deskfront.js"); this names the Rust
// functions, provided the WebAssembly keeps its names. The release build strips them, so build
// the browser half once more with names, beside the release, and serve that site:
//
//   CARGO_PROFILE_WASM_RELEASE_STRIP=false RUSTFLAGS="-Clink-args=--emit-relocs" \
//     cargo build -p app --lib --target wasm32-unknown-unknown --profile wasm-release \
//     --no-default-features --features hydrate --target-dir /tmp/front-named
//   then the splitter and wasm-bindgen as scripts/build-release.sh runs them (skip wasm-opt,
//   which drops the names), into a copy of target/site served with LEPTOS_SITE_ROOT.
//
// The environment of scripts/build-release.sh (LEPTOS_OUTPUT_NAME=deskfront …) must be set for
// that cargo build too. Function names then read like `app::pages::item::ItemView`.
//
// Usage: node bench/main-thread-profile.mjs PAGE [COOKIE] [MIN_MS]   (COOKIE: name=value)
import { chromium } from "playwright";

const [url, cookie, minMs = "25"] = process.argv.slice(2);
if (!url) {
  console.error("usage: main-thread-profile.mjs PAGE [COOKIE] [MIN_MS]");
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox"],
});
const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
if (cookie) {
  const [name, ...value] = cookie.split("=");
  await context.addCookies([{ name, value: value.join("="), url }]);
}
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
const events = [];
cdp.on("Tracing.dataCollected", (data) => events.push(...data.value));
const traced = new Promise((resolve) => cdp.on("Tracing.tracingComplete", resolve));
await cdp.send("Tracing.start", {
  categories: "devtools.timeline,disabled-by-default-devtools.timeline",
  transferMode: "ReportEvents",
});
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
await cdp.send("Profiler.start");
await page.goto(url, { waitUntil: "load" });
// Hydration, the split modules and the device's idle-time work all come after the load event.
await page.waitForTimeout(7000);
const { profile } = await cdp.send("Profiler.stop");
await cdp.send("Tracing.end");
await traced;
await browser.close();

// Rust's mangled names (`_ZN3app5pages4item8ItemView17h…E`, with a suffix such as " externref
// shim" from wasm-bindgen) as paths: `app::pages::item::ItemView externref shim`.
const escapes = { LT: "<", GT: ">", C: ",", RF: "&", BP: "*", LP: "(", RP: ")", u20: " ", u7b: "{", u7d: "}", u27: "'" };
const readable = (symbol) => {
  const space = symbol.indexOf(" ");
  const mangled = space < 0 ? symbol : symbol.slice(0, space);
  if (!mangled.startsWith("_ZN")) return symbol;
  const parts = [];
  let at = 3;
  while (/\d/.test(mangled[at] ?? "")) {
    const digits = /^\d+/.exec(mangled.slice(at))[0];
    const length = Number(digits);
    parts.push(mangled.slice(at + digits.length, at + digits.length + length));
    at += digits.length + length;
  }
  const path = parts
    .filter((part) => !/^h[0-9a-f]{16}$/.test(part))
    .join("::")
    .replace(/\$([A-Za-z0-9]+)\$/g, (whole, code) => escapes[code] ?? whole)
    .replace(/\.\./g, "::")
    .replace(/(^|::)_</g, "$1<");
  return path + (space < 0 ? "" : symbol.slice(space));
};
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parents = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
const nameOf = (id) => readable(nodes.get(id).callFrame.functionName || "(anonymous)");

// Sample times share the trace's clock.
const samples = [];
let time = profile.startTime;
for (let i = 0; i < profile.samples.length; i++) {
  time += profile.timeDeltas[i];
  samples.push({ time, id: profile.samples[i], weight: profile.timeDeltas[i + 1] ?? 0 });
}
const threadNames = new Map(
  events.filter((e) => e.name === "thread_name").map((e) => [`${e.pid}:${e.tid}`, e.args.name]),
);
const tasks = events
  .filter(
    (e) =>
      e.ph === "X" &&
      e.name === "RunTask" &&
      threadNames.get(`${e.pid}:${e.tid}`) === "CrRendererMain" &&
      e.dur > Number(minMs) * 1000,
  )
  .sort((a, b) => a.ts - b.ts);
// What each task did: the frames that took most of it, then the portal's own (`app::`), where
// a change would go.
const top = (frames, count, keep) =>
  [...frames]
    .filter(([name]) => keep.test(name))
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .forEach(([name, us]) => console.log(`  ${(us / 1000).toFixed(1).padStart(7)}  ${name.slice(0, 150)}`));
for (const task of tasks) {
  const inclusive = new Map();
  for (const sample of samples) {
    if (sample.time < task.ts || sample.time > task.ts + task.dur) continue;
    const seen = new Set();
    for (let id = sample.id; id !== undefined; id = parents.get(id)) {
      const name = nameOf(id);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + sample.weight);
    }
  }
  const start = (task.ts - profile.startTime) / 1000;
  console.log(`\n== task at ${start.toFixed(0)} ms, ${(task.dur / 1000).toFixed(1)} ms`);
  top(inclusive, 6, /./);
  console.log("  of which the portal's own:");
  top(inclusive, 12, /^app::/);
}

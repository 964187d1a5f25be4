// Reads the Lighthouse JSON reports scripts/bench.sh saved (DIR/<name>.run<n>.json, one per run),
// keeps the median run of each page by performance score as DIR/<name>.json and prints one line
// per page for its table:
//   lighthouse name=<name> performance=<0-100> accessibility=<0-100> lcp_s=<x> tbt_ms=<y> fcp_s=<z>
//     performance_runs=<score,score,...>
// and writes DIR/where-the-time-goes.txt from the median runs: per page, the largest paint's element and phases, the
// longest main-thread tasks, the main thread's work by kind and the scripts that cost the most,
// the places to look before changing code (issue 19).
//
// Usage: node bench/lighthouse-summary.mjs DIR NAME...
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [dir, ...names] = process.argv.slice(2);
if (!names.length) {
  console.error("usage: lighthouse-summary.mjs DIR NAME...");
  process.exit(2);
}
const LONG_TASKS = 10;
const SCRIPTS = 6;

const ms = (v) => `${Math.round(v).toLocaleString("en-US")} ms`;
// Full URLs repeat the origin and the release folder on every line; the file name is what tells.
const short = (url) => {
  try {
    const u = new URL(url);
    return u.pathname.split("/").pop() + u.search || u.pathname;
  } catch {
    return url;
  }
};

const text = [];
for (const name of names) {
  const runs = readdirSync(dir)
    .filter((f) => f.startsWith(`${name}.run`) && f.endsWith(".json"))
    .map((file) => {
      const report = JSON.parse(readFileSync(join(dir, file), "utf8"));
      if (report.runtimeError) throw new Error(`${file}: ${report.runtimeError.code} ${report.runtimeError.message}`);
      return { file, report, performance: report.categories.performance?.score ?? 0 };
    });
  if (!runs.length) throw new Error(`no Lighthouse runs for ${name} in ${dir}`);
  // The median by performance score (the lower middle one of an even count).
  const byScore = [...runs].sort((a, b) => a.performance - b.performance);
  const median = byScore[Math.floor((byScore.length - 1) / 2)];
  copyFileSync(join(dir, median.file), join(dir, `${name}.json`));
  const report = median.report;
  const spread = runs.map((r) => Math.round(r.performance * 100)).join(",");
  const audits = report.audits;
  const score = (category) => {
    const s = report.categories[category]?.score;
    return s === null || s === undefined ? "?" : String(Math.round(s * 100));
  };
  const value = (audit) => audits[audit]?.numericValue;
  const lcp = value("largest-contentful-paint");
  const tbt = value("total-blocking-time");
  const fcp = value("first-contentful-paint");
  const f = (v, scale, digits) => (v === undefined ? "?" : (v / scale).toFixed(digits));
  console.log(
    `lighthouse name=${name} performance=${score("performance")} accessibility=${score("accessibility")} ` +
      `lcp_s=${f(lcp, 1000, 2)} tbt_ms=${f(tbt, 1, 0)} fcp_s=${f(fcp, 1000, 2)} performance_runs=${spread}`,
  );

  text.push(`== ${name}: ${report.finalDisplayedUrl ?? report.finalUrl} (${median.file}; performance of each run: ${spread})`);
  text.push(
    `performance ${score("performance")}, accessibility ${score("accessibility")}; ` +
      `FCP ${f(fcp, 1000, 2)} s, LCP ${f(lcp, 1000, 2)} s, TBT ${f(tbt, 1, 0)} ms, ` +
      `speed index ${f(value("speed-index"), 1000, 2)} s, TTI ${f(value("interactive"), 1000, 2)} s ` +
      `(simulated: ${report.configSettings.formFactor}, ${report.configSettings.throttling.rttMs} ms RTT, ` +
      `${Math.round(report.configSettings.throttling.throughputKbps)} Kbps, ` +
      `${report.configSettings.throttling.cpuSlowdownMultiplier}x CPU)`,
  );
  const weight = value("total-byte-weight");
  const requests = audits["network-requests"]?.details?.items?.length;
  if (weight !== undefined) text.push(`transferred ${(weight / 1024).toFixed(1)} KB in ${requests ?? "?"} requests`);

  // The element behind LCP and how its time splits (time to first byte, load delay, ...).
  for (const table of audits["largest-contentful-paint-element"]?.details?.items ?? []) {
    for (const item of table.items ?? []) {
      if (item.node) text.push(`largest paint: ${item.node.snippet ?? ""} "${item.node.nodeLabel ?? ""}"`);
      else if (item.phase) text.push(`  ${item.phase}: ${ms(item.timing)}`);
    }
  }

  const tasks = [...(audits["long-tasks"]?.details?.items ?? [])].sort((a, b) => b.duration - a.duration);
  text.push(`long tasks: ${tasks.length} (the ${Math.min(LONG_TASKS, tasks.length)} longest; start, duration, script):`);
  for (const t of tasks.slice(0, LONG_TASKS)) {
    text.push(`  at ${ms(t.startTime).padStart(9)}  ${ms(t.duration).padStart(8)}  ${short(t.url)}`);
  }

  text.push(`main-thread work by kind (total ${ms(value("mainthread-work-breakdown") ?? 0)}):`);
  for (const g of audits["mainthread-work-breakdown"]?.details?.items ?? []) {
    text.push(`  ${g.groupLabel.padEnd(32)} ${ms(g.duration).padStart(9)}`);
  }

  text.push(`scripts by main-thread time (total, of which scripting, parse and compile):`);
  for (const s of (audits["bootup-time"]?.details?.items ?? []).slice(0, SCRIPTS)) {
    text.push(
      `  ${short(s.url).padEnd(40)} ${ms(s.total).padStart(9)} ${ms(s.scripting).padStart(9)} ${ms(s.scriptParseCompile).padStart(7)}`,
    );
  }
  text.push("");
}
writeFileSync(join(dir, "where-the-time-goes.txt"), text.join("\n"));

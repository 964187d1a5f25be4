//! `deskfront-wasm-split`: the `--split` step of the release build (scripts/build-release.sh).
//!
//! The browser build marks split points (`app::lazy_pages`); this cuts the linked wasm at them
//! into a main module, one module per split point and shared chunks, and writes the loader
//! script and the manifest of which modules each split point needs. It names and places them
//! exactly as `cargo leptos build --split` does, because the server serves, versions and
//! precaches them by those names (`server::release`).
//!
//! Prints the paths of the split modules (not the main one) one per line, so the build script
//! can hand them to wasm-opt.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

/// Set by scripts/setup-tools.sh to a digest of this crate's sources, so it can tell whether the
/// installed binary is the one these sources build.
const STAMP: Option<&str> = option_env!("DESKFRONT_WASM_SPLIT_STAMP");

const USAGE: &str = "usage: deskfront-wasm-split INPUT.wasm --out-dir DIR --main-out FILE.wasm \
--main-module ./NAME.js [--link-name ./LOADER.js] [--verbose]
       deskfront-wasm-split --version";

/// The loader's name under cargo-leptos: the underscores stand where a content hash would go.
const DEFAULT_LINK_NAME: &str = "./__wasm_split.______________________.js";
/// Where the split points and the modules each one needs are listed, beside the modules.
const MANIFEST: &str = "__wasm_split_manifest.json";

struct Args {
    input: PathBuf,
    out_dir: PathBuf,
    main_out: PathBuf,
    main_module: String,
    link_name: String,
    verbose: bool,
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut input = None;
    let mut out_dir = None;
    let mut main_out = None;
    let mut main_module = None;
    let mut link_name = None;
    let mut verbose = false;
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--out-dir" => out_dir = Some(PathBuf::from(value("--out-dir")?)),
            "--main-out" => main_out = Some(PathBuf::from(value("--main-out")?)),
            "--main-module" => main_module = Some(value("--main-module")?),
            "--link-name" => link_name = Some(value("--link-name")?),
            "--verbose" => verbose = true,
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            _ if input.is_none() => input = Some(PathBuf::from(arg)),
            _ => return Err(format!("unexpected argument {arg}")),
        }
    }
    Ok(Args {
        input: input.ok_or("the input wasm is missing")?,
        out_dir: out_dir.ok_or("--out-dir is missing")?,
        main_out: main_out.ok_or("--main-out is missing")?,
        main_module: main_module.ok_or("--main-module is missing")?,
        link_name: link_name.unwrap_or_else(|| DEFAULT_LINK_NAME.to_string()),
        verbose,
    })
}

/// The manifest as pretty-printed JSON, split points in name order so that the same wasm always
/// gives the same bytes (the release id is a digest of the served files).
fn manifest_json(prefetch: &BTreeMap<&String, &Vec<String>>) -> String {
    fn quoted(out: &mut String, text: &str) {
        out.push('"');
        for c in text.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                c if u32::from(c) < 0x20 => {
                    let _ = write!(out, "\\u{:04x}", u32::from(c));
                }
                c => out.push(c),
            }
        }
        out.push('"');
    }
    if prefetch.is_empty() {
        return "{}".to_string();
    }
    let mut out = String::from("{\n");
    for (i, (split, modules)) in prefetch.iter().enumerate() {
        out.push_str("  ");
        quoted(&mut out, split);
        out.push_str(": ");
        if modules.is_empty() {
            out.push_str("[]");
        } else {
            out.push_str("[\n");
            for (j, module) in modules.iter().enumerate() {
                out.push_str("    ");
                quoted(&mut out, module);
                out.push_str(if j + 1 < modules.len() { ",\n" } else { "\n" });
            }
            out.push_str("  ]");
        }
        out.push_str(if i + 1 < prefetch.len() { ",\n" } else { "\n" });
    }
    out.push('}');
    out
}

/// The library's loader starts every module a split point needs in one go, in whatever task asked
/// for it: for a page's sixty modules that is sixty `fetch` calls, which held a slowed phone's main
/// thread for over 100 ms inside hydration (issue 19).
const EAGER_START: &str = "const parallelStuff = deps.map(d => d());";
/// Here it starts eight, then lets the browser run other tasks before the next eight. The
/// downloads were preloaded already (`app::bootstrap_script`), so little waits on this.
const SLICED_START: &str = "const parallelStuff = [];\n        \
for (const d of deps) {\n            \
if (parallelStuff.length && parallelStuff.length % 8 === 0) await new Promise(r => setTimeout(r));\n            \
parallelStuff.push(d());\n        \
}";

/// The loader script with its start of modules cut into slices; an error if the library's loader
/// no longer reads as expected (a new version of it must be looked at, not silently shipped).
fn slice_module_starts(loader: &str) -> Result<String, String> {
    if loader.matches(EAGER_START).count() != 1 {
        return Err("the split loader does not start its modules as expected".into());
    }
    Ok(loader.replace(EAGER_START, SLICED_START))
}

fn run(args: Args) -> Result<(), String> {
    let wasm = std::fs::read(&args.input)
        .map_err(|e| format!("cannot read {}: {e}", args.input.display()))?;
    let split = wasm_split_cli_support::transform({
        let mut opts = wasm_split_cli_support::Options::new(&wasm);
        opts.output_dir = &args.out_dir;
        opts.main_out_path = &args.main_out;
        opts.main_module = &args.main_module;
        opts.link_name = &args.link_name;
        opts.verbose = args.verbose;
        opts
    })
    .map_err(|e| format!("splitting {} failed: {e:?}", args.input.display()))?;
    let loader_path = args.out_dir.join(args.link_name.trim_start_matches("./"));
    let loader = std::fs::read_to_string(&loader_path)
        .map_err(|e| format!("cannot read {}: {e}", loader_path.display()))?;
    std::fs::write(&loader_path, slice_module_starts(&loader)?)
        .map_err(|e| format!("cannot write {}: {e}", loader_path.display()))?;
    let manifest = args.out_dir.join(MANIFEST);
    let sorted: BTreeMap<_, _> = split.prefetch_map.iter().collect();
    std::fs::write(&manifest, manifest_json(&sorted))
        .map_err(|e| format!("cannot write {}: {e}", manifest.display()))?;
    for module in &split.split_modules {
        println!("{}", module.display());
    }
    Ok(())
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1).peekable();
    match args.peek().map(String::as_str) {
        Some("--version" | "-V") => {
            println!(
                "deskfront-wasm-split {} (wasm_split_cli_support 0.2.3, stamp {})",
                env!("CARGO_PKG_VERSION"),
                STAMP.unwrap_or("none")
            );
            return ExitCode::SUCCESS;
        }
        Some("--help" | "-h") | None => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => {}
    }
    match parse(args).and_then(run) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("deskfront-wasm-split: {message}\n{USAGE}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Result<Args, String> {
        parse(line.split_whitespace().map(String::from))
    }

    #[test]
    fn reads_the_options_in_any_order() {
        let parsed = args("--main-module ./x.js in.wasm --out-dir pkg --main-out m.wasm").unwrap();
        assert_eq!(parsed.input, PathBuf::from("in.wasm"));
        assert_eq!(parsed.out_dir, PathBuf::from("pkg"));
        assert_eq!(parsed.main_out, PathBuf::from("m.wasm"));
        assert_eq!(parsed.main_module, "./x.js");
        assert_eq!(parsed.link_name, DEFAULT_LINK_NAME);
        assert!(!parsed.verbose);
    }

    #[test]
    fn refuses_what_it_does_not_know() {
        assert!(args("in.wasm --out-dir pkg --main-out m.wasm").is_err());
        assert!(
            args("in.wasm other.wasm --out-dir pkg --main-out m.wasm --main-module ./x.js")
                .is_err()
        );
        assert!(args("in.wasm --fast").is_err());
        assert!(args("in.wasm --out-dir").is_err());
    }

    #[test]
    fn the_loader_starts_modules_eight_per_task() {
        let loader = "const loader = async () => {\n        const parallelStuff = deps.map(d => d());\n        await Promise.all(parallelStuff);";
        let sliced = slice_module_starts(loader).unwrap();
        assert!(!sliced.contains(EAGER_START));
        assert!(sliced.contains("% 8 === 0) await new Promise(r => setTimeout(r));"));
        assert!(sliced.ends_with("await Promise.all(parallelStuff);"));
        assert!(slice_module_starts("something else").is_err());
    }

    #[test]
    fn the_manifest_is_sorted_pretty_json() {
        let (a, b) = ("b_split".to_string(), "a_split".to_string());
        let (a_deps, b_deps) = (vec!["chunk_1".to_string(), "b_split".to_string()], vec![]);
        let map: BTreeMap<_, _> = [(&a, &a_deps), (&b, &b_deps)].into_iter().collect();
        assert_eq!(
            manifest_json(&map),
            "{\n  \"a_split\": [],\n  \"b_split\": [\n    \"chunk_1\",\n    \"b_split\"\n  ]\n}"
        );
        assert_eq!(manifest_json(&BTreeMap::new()), "{}");
    }
}

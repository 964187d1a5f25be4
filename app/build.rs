//! Lists the portal's languages from `locales/*.ftl`, so a language is added by adding its file
//! (issue 21). Generates `LANGUAGES` (the tags, English first) for both builds, and `FILES` (the
//! tags with the files' text) for the server, which serves each file; the WebAssembly carries
//! no catalog text, it fetches the one a page names.

use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("locales");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut tags: Vec<(String, String)> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            let tag = path
                .file_name()?
                .to_str()?
                .strip_suffix(".ftl")?
                .to_string();
            println!("cargo:rerun-if-changed={}", path.display());
            Some((tag, path.display().to_string()))
        })
        .collect();
    // English is every other language's fallback, so it comes first.
    tags.sort_by_key(|(tag, _)| (tag != "en", tag.clone()));
    assert!(
        tags.first().is_some_and(|(tag, _)| tag == "en"),
        "locales/en.ftl is missing"
    );
    let languages: Vec<String> = tags.iter().map(|(t, _)| format!("{t:?}")).collect();
    let files: Vec<String> = tags
        .iter()
        .map(|(t, p)| format!("({t:?}, include_str!({p:?}))"))
        .collect();
    let code = format!(
        "/// The languages there is a file for, English first.\n\
         pub const LANGUAGES: &[&str] = &[{}];\n\
         /// Each language's file, as written.\n\
         #[cfg(feature = \"ssr\")]\n\
         pub const FILES: &[(&str, &str)] = &[{}];\n",
        languages.join(", "),
        files.join(", ")
    );
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("languages.rs");
    fs::write(out, code).unwrap();
}

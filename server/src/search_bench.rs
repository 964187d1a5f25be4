//! `server search-bench`: how fast the server's search answers over a large knowledge base, and
//! how big the index snapshot the browser keeps is.
//!
//! The large knowledge base is generated, deterministically, from the demo one: titles spliced
//! from two real titles, summaries and body lines drawn from real articles, real tags and
//! categories, so word frequencies look like the real thing. Real knowledge bases also grow
//! their vocabulary as they grow (product names, model numbers, people's names), and the typo
//! scan is linear in the vocabulary, so each generated article also brings `--new-words` words
//! of its own and repeats a few that earlier ones brought; without them 50,000 articles would
//! have the 73 articles' few thousand terms and look faster than they would be.
//!
//! The queries are `seed/kb-queries.toml`, each searched as a finished query and, cut short,
//! as a query being typed. Figures are wall-clock times of `SearchIndex::search` in this
//! process, one query at a time, after one unrecorded warm-up round.

use app::backend::store::{ArticleInput, ArticleState};
use app::search::{DocKind, Document, SearchIndex, SearchOptions, Synonyms};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const USAGE: &str = "usage: server search-bench [--articles N] [--queries FILE] [--rounds N] \
                     [--new-words N] [--snapshot-articles N] [--snapshot-dir DIR]";

pub struct Options {
    /// Size of the generated knowledge base that is timed.
    pub articles: usize,
    pub queries: PathBuf,
    /// The demo articles the generated ones are made from.
    pub kb_dir: PathBuf,
    /// Timed rounds over the whole query set.
    pub rounds: usize,
    /// Words of its own each generated article brings to the vocabulary.
    pub new_words: usize,
    /// Size of the generated knowledge base whose snapshot size is reported.
    pub snapshot_articles: usize,
    /// Where to write the snapshots (`kb.json`, `generated-N.json`), for compressing them.
    pub snapshot_dir: Option<PathBuf>,
}

impl Options {
    /// Parses the arguments after `search-bench`; files default to the seed folder.
    pub fn parse(seed_dir: &Path, args: &[String]) -> Result<Self, String> {
        let mut options = Options {
            articles: 50_000,
            queries: seed_dir.join("kb-queries.toml"),
            kb_dir: seed_dir.join("kb"),
            rounds: 5,
            new_words: 1,
            snapshot_articles: 2_000,
            snapshot_dir: None,
        };
        let mut args = args.iter();
        while let Some(flag) = args.next() {
            let value = args
                .next()
                .ok_or_else(|| format!("{flag} needs a value; {USAGE}"))?;
            let number = || {
                value
                    .parse::<usize>()
                    .map_err(|_| format!("{flag} needs a number, not {value:?}"))
            };
            match flag.as_str() {
                "--articles" => options.articles = number()?,
                "--queries" => options.queries = value.into(),
                "--rounds" => options.rounds = number()?.max(1),
                "--new-words" => options.new_words = number()?,
                "--snapshot-articles" => options.snapshot_articles = number()?,
                "--snapshot-dir" => options.snapshot_dir = Some(value.into()),
                _ => return Err(format!("unknown option {flag:?}; {USAGE}")),
            }
        }
        Ok(options)
    }
}

/// Runs the benchmark and prints its figures, one `key=value` line per measurement so that
/// scripts/bench.sh can pick them out.
pub fn run(options: &Options) -> Result<(), server::BoxError> {
    let articles = server::kb_import::read_folder(&options.kb_dir)?;
    let demo = documents(&articles);
    let queries = read_queries(&options.queries)?;
    if queries.is_empty() {
        return Err(format!("{} holds no queries", options.queries.display()).into());
    }

    // Every index here carries the starter synonym groups, as a new installation's does: they
    // travel in the snapshot and widen queries.
    let synonyms = || Synonyms::compile(&server::starter::synonym_groups());
    let build = |documents: &[Document]| {
        let mut index = SearchIndex::build(documents);
        index.set_synonyms(synonyms());
        index
    };

    // Snapshots: the demo knowledge base as shipped, and a generated one of a realistic size.
    let demo_index = build(&demo);
    snapshot("kb", &demo_index, options.snapshot_dir.as_deref())?;
    let generated = generate(&demo, options.snapshot_articles, options.new_words);
    let index = build(&generated);
    drop(generated);
    let name = format!("generated-{}", options.snapshot_articles);
    snapshot(&name, &index, options.snapshot_dir.as_deref())?;
    drop(index);

    // Timing over the large generated knowledge base.
    let started = Instant::now();
    let generated = generate(&demo, options.articles, options.new_words);
    let generate_time = started.elapsed();
    let started = Instant::now();
    let index = build(&generated);
    let build_time = started.elapsed();
    drop(generated);
    println!(
        "corpus articles={} terms={} generate_ms={:.0} build_ms={:.0}",
        index.len(),
        index.term_count(),
        ms(generate_time),
        ms(build_time)
    );
    let typing: Vec<String> = queries.iter().map(|q| typing_prefix(q)).collect();
    for (mode, texts, is_typing) in [("search", &queries, false), ("typing", &typing, true)] {
        let search = SearchOptions {
            typing: is_typing,
            kind: Some(DocKind::Article),
            ..SearchOptions::default()
        };
        let (mut times, per_query) = time_queries(&index, texts, &search, options.rounds);
        times.sort_unstable();
        println!(
            "latency mode={mode} queries={} rounds={} p50_ms={:.2} p95_ms={:.2} max_ms={:.2}",
            texts.len(),
            options.rounds,
            ms(percentile(&times, 50)),
            ms(percentile(&times, 95)),
            ms(*times.last().unwrap_or(&Duration::ZERO)),
        );
        let mut slowest: Vec<(Duration, &String)> = per_query.into_iter().zip(texts).collect();
        slowest.sort_by_key(|&(time, _)| std::cmp::Reverse(time));
        for (time, q) in slowest.iter().take(3) {
            println!("slowest mode={mode} median_ms={:.2} q={q:?}", ms(*time));
        }
    }
    Ok(())
}

/// The published articles as the server's store hands them to the index (`search_documents`).
pub fn documents(articles: &[ArticleInput]) -> Vec<Document> {
    articles
        .iter()
        .filter(|a| a.state == ArticleState::Published)
        .map(|a| Document {
            key: a.slug.clone(),
            kind: DocKind::Article,
            title: a.title.clone(),
            tags: a.tags.clone(),
            summary: a.summary.clone(),
            body: a.body_md.clone(),
            category: a.category.clone(),
            learned: Vec::new(),
            language: app::search::text::Language::of_locale(&a.locale),
            group: a.group().to_string(),
        })
        .collect()
}

/// The `q` of every `[[query]]` in the query file.
fn read_queries(path: &Path) -> Result<Vec<String>, server::BoxError> {
    #[derive(serde::Deserialize)]
    struct File {
        query: Vec<Query>,
    }
    #[derive(serde::Deserialize)]
    struct Query {
        q: String,
    }
    let text =
        std::fs::read_to_string(path).map_err(|e| format!("reading {}: {e}", path.display()))?;
    let file: File = toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(file.query.into_iter().map(|q| q.q).collect())
}

/// Prints the size of the index serialised as the browser stores it, and writes it to `dir`.
fn snapshot(name: &str, index: &SearchIndex, dir: Option<&Path>) -> Result<(), server::BoxError> {
    let json = serde_json::to_vec(index)?;
    let file = match dir {
        Some(dir) => {
            std::fs::create_dir_all(dir)?;
            let path = dir.join(format!("{name}.json"));
            std::fs::write(&path, &json)?;
            path.display().to_string()
        }
        None => "-".into(),
    };
    println!(
        "snapshot name={name} docs={} terms={} raw_bytes={} file={file}",
        index.len(),
        index.term_count(),
        json.len()
    );
    Ok(())
}

/// The query as it looks two thirds of the way through typing it: usually mid-word.
fn typing_prefix(query: &str) -> String {
    let chars: Vec<char> = query.trim().chars().collect();
    let keep = (chars.len() * 2).div_ceil(3).max(3).min(chars.len());
    chars[..keep]
        .iter()
        .collect::<String>()
        .trim_end()
        .to_string()
}

/// Every query `rounds` times after one unrecorded round: all the times, and each query's
/// median.
fn time_queries(
    index: &SearchIndex,
    queries: &[String],
    options: &SearchOptions,
    rounds: usize,
) -> (Vec<Duration>, Vec<Duration>) {
    for q in queries {
        std::hint::black_box(index.search(q, options));
    }
    let mut per_query = vec![Vec::with_capacity(rounds); queries.len()];
    for _ in 0..rounds {
        for (q, times) in queries.iter().zip(&mut per_query) {
            let started = Instant::now();
            std::hint::black_box(index.search(std::hint::black_box(q), options));
            times.push(started.elapsed());
        }
    }
    let all = per_query.iter().flatten().copied().collect();
    let medians = per_query
        .iter_mut()
        .map(|times| {
            times.sort_unstable();
            times[times.len() / 2]
        })
        .collect();
    (all, medians)
}

/// Nearest-rank percentile of sorted times.
fn percentile(sorted: &[Duration], p: usize) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = (sorted.len() * p).div_ceil(100).max(1);
    sorted[rank - 1]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// SplitMix64: a few lines, the same sequence on every machine and every version, which a
/// benchmark that should be comparable across runs needs more than statistical quality.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// What generated articles are made of, taken from real ones.
struct Parts<'a> {
    titles: Vec<Vec<&'a str>>,
    summary_sentences: Vec<&'a str>,
    body_lines: Vec<&'a str>,
    /// How many lines each real body has, so generated bodies are as long.
    body_sizes: Vec<usize>,
    tags: Vec<&'a str>,
    categories: Vec<&'a str>,
}

impl<'a> Parts<'a> {
    fn of(real: &'a [Document]) -> Self {
        let lines = |d: &'a Document| d.body.lines().filter(|l| !l.trim().is_empty());
        let mut categories: Vec<&str> = real.iter().map(|d| d.category.as_str()).collect();
        categories.sort_unstable();
        categories.dedup();
        Parts {
            titles: real
                .iter()
                .map(|d| d.title.split_whitespace().collect())
                .collect(),
            summary_sentences: real
                .iter()
                .flat_map(|d| d.summary.split_inclusive(". "))
                .map(str::trim)
                .collect(),
            body_lines: real.iter().flat_map(lines).collect(),
            body_sizes: real.iter().map(|d| lines(d).count().max(1)).collect(),
            tags: real
                .iter()
                .flat_map(|d| d.tags.iter().map(String::as_str))
                .collect(),
            categories,
        }
    }
}

/// Syllables of invented words: product, model and people's names a real knowledge base
/// collects.
const SYLLABLES: [&str; 40] = [
    "ka", "lo", "mi", "tren", "vor", "sa", "dex", "pol", "rin", "ta", "bru", "nel", "qui", "zo",
    "fa", "mar", "tek", "ul", "gri", "so", "bel", "cor", "di", "ex", "han", "jo", "kri", "lux",
    "mo", "nox", "pra", "ro", "sig", "tu", "ve", "wy", "xa", "yel", "zen", "on",
];

fn invent(rng: &mut Rng) -> String {
    let syllables = 2 + rng.below(3);
    let mut word: String = (0..syllables).map(|_| *rng.pick(&SYLLABLES)).collect();
    if rng.below(4) == 0 {
        word.push_str(&(rng.below(900) + 100).to_string());
    }
    word
}

/// `n` articles recombined from `real`, the same ones for the same arguments.
pub fn generate(real: &[Document], n: usize, new_words: usize) -> Vec<Document> {
    if real.is_empty() {
        return Vec::new();
    }
    let parts = Parts::of(real);
    let mut rng = Rng(0x00de_5cf2_0417);
    let mut invented: Vec<String> = Vec::new();
    (0..n)
        .map(|i| {
            // The start of one real title and the end of another: "Receipt printer won't
            // connect to Wi-Fi".
            let a = rng.pick(&parts.titles);
            let b = rng.pick(&parts.titles);
            let from_a = 1 + rng.below(a.len().max(1));
            let from_b = rng.below(b.len().max(1));
            let title = a[..from_a.min(a.len())]
                .iter()
                .chain(&b[from_b.min(b.len())..])
                .copied()
                .collect::<Vec<_>>()
                .join(" ");
            let summary = (0..1 + rng.below(2))
                .map(|_| *rng.pick(&parts.summary_sentences))
                .collect::<Vec<_>>()
                .join(" ");
            let size = *rng.pick(&parts.body_sizes);
            let mut body: Vec<String> = (0..size)
                .map(|_| rng.pick(&parts.body_lines).to_string())
                .collect();
            let mut own: Vec<String> = Vec::new();
            for _ in 0..new_words {
                let word = invent(&mut rng);
                invented.push(word.clone());
                own.push(word);
            }
            if !invented.is_empty() {
                for _ in 0..3 {
                    own.push(rng.pick(&invented).clone());
                }
            }
            if !own.is_empty() {
                body.push(format!("Also applies to {}.", own.join(", ")));
            }
            let tags = (0..3 + rng.below(4))
                .map(|_| rng.pick(&parts.tags).to_string())
                .collect();
            Document {
                key: format!("generated-{i:06}"),
                kind: DocKind::Article,
                title,
                tags,
                summary,
                body: body.join("\n\n"),
                category: rng.pick(&parts.categories).to_string(),
                learned: Vec::new(),
                language: Default::default(),
                group: format!("generated-{i:06}"),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn real() -> Vec<Document> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seed/kb");
        documents(&server::kb_import::read_folder(&dir).unwrap())
    }

    #[test]
    fn generation_is_deterministic_and_looks_like_the_real_thing() {
        let real = real();
        let a = generate(&real, 50, 1);
        let b = generate(&real, 50, 1);
        assert_eq!(a.len(), 50);
        for (x, y) in a.iter().zip(&b) {
            assert_eq!((&x.title, &x.body, &x.tags), (&y.title, &y.body, &y.tags));
            assert!(!x.title.is_empty() && !x.summary.is_empty() && !x.body.is_empty());
        }
        let keys: std::collections::HashSet<_> = a.iter().map(|d| &d.key).collect();
        assert_eq!(keys.len(), 50);
    }

    #[test]
    fn options_default_to_the_seed_folder_and_read_flags() {
        let seed = Path::new("seed");
        let args: Vec<String> = ["--articles", "1000", "--snapshot-dir", "/tmp/x"]
            .map(String::from)
            .into();
        let o = Options::parse(seed, &args).unwrap();
        assert_eq!(o.articles, 1000);
        assert_eq!(o.queries, seed.join("kb-queries.toml"));
        assert_eq!(o.snapshot_dir.as_deref(), Some(Path::new("/tmp/x")));
        assert!(Options::parse(seed, &["--articles".into()]).is_err());
        assert!(Options::parse(seed, &["--colour".into(), "red".into()]).is_err());
    }

    #[test]
    fn typing_prefixes_stop_mid_query_and_percentiles_use_nearest_rank() {
        assert_eq!(typing_prefix("pritner wont print"), "pritner wont");
        assert_eq!(typing_prefix("vpn"), "vpn");
        let times: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
        assert_eq!(percentile(&times, 50), Duration::from_millis(50));
        assert_eq!(percentile(&times, 95), Duration::from_millis(95));
    }
}

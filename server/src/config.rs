//! Configuration in layers: safe defaults, then an optional TOML file (`DESKFRONT_CONFIG`, or
//! `deskfront.toml` in the working directory if present), then `DESKFRONT_*` environment
//! variables. Nothing secret has a default that would work in production except the demo
//! password, which only matters when demo data is loaded.

use serde::Deserialize;
use std::path::PathBuf;

#[derive(Clone, Debug, Deserialize)]
#[serde(default)]
pub struct Config {
    /// `sqlite://path/to/file.db` (created if missing).
    pub database_url: String,
    pub database_max_connections: u32,
    /// Where attachments are kept, beside the database by default.
    pub attachments_dir: PathBuf,
    pub max_attachment_mb: usize,
    /// Load the demo data into an empty database at start.
    pub seed_demo_data: bool,
    pub seed_dir: PathBuf,
    pub demo_password: String,
    /// Mark the session cookie `Secure`: turn on when served over HTTPS.
    pub secure_cookies: bool,
    pub session_days: i64,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            database_url: "sqlite://data/deskfront.db".into(),
            database_max_connections: 8,
            attachments_dir: "data/attachments".into(),
            max_attachment_mb: 10,
            seed_demo_data: true,
            seed_dir: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seed"),
            demo_password: "deskfront-demo".into(),
            secure_cookies: false,
            session_days: 14,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("reading {0}: {1}")]
    Read(String, std::io::Error),
    #[error("parsing {0}: {1}")]
    Parse(String, toml::de::Error),
    #[error("environment variable {0}: {1}")]
    Env(String, String),
}

impl Config {
    pub fn load() -> Result<Self, ConfigError> {
        let explicit = std::env::var("DESKFRONT_CONFIG").ok();
        let path = explicit.clone().unwrap_or_else(|| "deskfront.toml".into());
        let mut config = match std::fs::read_to_string(&path) {
            Ok(text) => toml::from_str(&text).map_err(|e| ConfigError::Parse(path.clone(), e))?,
            Err(e) if explicit.is_some() => return Err(ConfigError::Read(path, e)),
            Err(_) => Config::default(),
        };
        config.apply_env(|k| std::env::var(k).ok())?;
        Ok(config)
    }

    fn apply_env(&mut self, get: impl Fn(&str) -> Option<String>) -> Result<(), ConfigError> {
        fn parse<T: std::str::FromStr>(key: &str, v: String) -> Result<T, ConfigError> {
            v.parse()
                .map_err(|_| ConfigError::Env(key.into(), format!("cannot parse {v:?}")))
        }
        if let Some(v) = get("DATABASE_URL").or_else(|| get("DESKFRONT_DATABASE_URL")) {
            self.database_url = v;
        }
        if let Some(v) = get("DESKFRONT_DATABASE_MAX_CONNECTIONS") {
            self.database_max_connections = parse("DESKFRONT_DATABASE_MAX_CONNECTIONS", v)?;
        }
        if let Some(v) = get("DESKFRONT_ATTACHMENTS_DIR") {
            self.attachments_dir = v.into();
        }
        if let Some(v) = get("DESKFRONT_MAX_ATTACHMENT_MB") {
            self.max_attachment_mb = parse("DESKFRONT_MAX_ATTACHMENT_MB", v)?;
        }
        if let Some(v) = get("DESKFRONT_SEED_DEMO_DATA") {
            self.seed_demo_data = parse("DESKFRONT_SEED_DEMO_DATA", v)?;
        }
        if let Some(v) = get("DESKFRONT_SEED_DIR") {
            self.seed_dir = v.into();
        }
        if let Some(v) = get("DESKFRONT_DEMO_PASSWORD") {
            self.demo_password = v;
        }
        if let Some(v) = get("DESKFRONT_SECURE_COOKIES") {
            self.secure_cookies = parse("DESKFRONT_SECURE_COOKIES", v)?;
        }
        if let Some(v) = get("DESKFRONT_SESSION_DAYS") {
            self.session_days = parse("DESKFRONT_SESSION_DAYS", v)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn environment_overrides_defaults() {
        let mut c = Config::default();
        c.apply_env(|k| match k {
            "DATABASE_URL" => Some("sqlite://x.db".into()),
            "DESKFRONT_MAX_ATTACHMENT_MB" => Some("3".into()),
            _ => None,
        })
        .unwrap();
        assert_eq!(c.database_url, "sqlite://x.db");
        assert_eq!(c.max_attachment_mb, 3);
        assert!(!c.secure_cookies);
    }

    #[test]
    fn bad_numbers_are_reported_by_name() {
        let mut c = Config::default();
        let err = c
            .apply_env(|k| (k == "DESKFRONT_SESSION_DAYS").then(|| "lots".into()))
            .unwrap_err();
        assert!(err.to_string().contains("DESKFRONT_SESSION_DAYS"));
    }
}

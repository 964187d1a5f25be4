//! Configuration in layers: safe defaults, then an optional TOML file (`DESKFRONT_CONFIG`, or
//! `deskfront.toml` in the working directory if present), then `DESKFRONT_*` environment
//! variables. Nothing secret has a default that would work in production: the demo password is
//! only used in demo mode (`demo`, off by default), and a start outside demo mode refuses a
//! database whose accounts still sign in with it (see `crate::demo_guard`).

use serde::Deserialize;
use std::path::PathBuf;

#[derive(Clone, Deserialize)]
#[serde(default)]
pub struct Config {
    /// `sqlite://path/to/file.db` (created if missing) or `postgres://user:password@host/db`.
    /// May hold a password: it is only ever logged through `store::redacted`.
    pub database_url: String,
    pub database: DatabaseSettings,
    /// This process's name in job claims and in the `X-Deskfront-Instance` response header.
    /// Defaults to a random name, so the header tells nobody the host's name.
    pub instance_name: String,
    pub jobs: JobSettings,
    /// Where attachments are kept, beside the database by default.
    pub attachments_dir: PathBuf,
    pub max_attachment_mb: usize,
    /// Demo mode: load the demo catalog, stores, knowledge base and demo accounts (all with
    /// `demo_password`) into an empty database, and list the accounts on the sign-in page. Off:
    /// a production start, which has no accounts until `server admin create` makes one.
    pub demo: bool,
    pub seed_dir: PathBuf,
    /// The demo accounts' password. Published in the README, so used in demo mode only.
    pub demo_password: String,
    /// How people reach the portal (`https://desk.example.com`). Pages of this origin may
    /// change state; a URL starting with https turns on the secure cookie and HSTS. Unset: the
    /// host each request was addressed to, over plain HTTP (a local or demo start).
    pub public_url: Option<String>,
    /// Further origins whose pages may post to the portal (another name behind the same proxy).
    pub allowed_origins: Vec<String>,
    /// Serve as HTTPS: the session cookie `Secure` and `__Host-` named, and HSTS. Unset: on
    /// when `public_url` starts with https.
    pub secure_cookies: Option<bool>,
    /// Hosts (`images.example.com`) articles may show images from, besides the portal itself.
    pub article_image_hosts: Vec<String>,
    /// Behind a reverse proxy: take the client's address from the last `X-Forwarded-For`
    /// entry (which the proxy wrote) rather than the connection. Off: the connection's peer.
    pub trust_forwarded_for: bool,
    /// Requests a minute one integration token may make (`POST /api/v1/incidents`).
    pub integration_requests_per_minute: u32,
    /// The bearer token Prometheus sends to read `/metrics`. Unset: `/metrics` answers 404.
    pub metrics_token: Option<String>,
    pub session_days: i64,
    /// Let `GET /api/v1/kb/search` answer without a session (published articles only).
    pub public_kb_search: bool,
    /// The IANA time zone ("Europe/Berlin") times are shown in to people who have no store;
    /// a store's people read their store's zone.
    pub time_zone: String,
    /// How often this instance writes the article views it counted (see `backend::views`).
    pub view_flush_secs: u64,
    /// Priority matrix, SLA policies and business calendars. Unset: the shipped
    /// `config/service-levels.toml`, built into the binary.
    pub service_levels_file: Option<PathBuf>,
    /// Incidents this many days apart or closer, on the same device or of the same category at
    /// the same store, are related (recurring faults).
    pub recurring_window_days: i64,
    /// How many related incidents make a recurring fault.
    pub recurring_threshold: i64,
    /// The mail server notifications go through (the `[mail]` table).
    pub mail: crate::mail::settings::MailSettings,
    /// Who may sign in with a password. In TOML, `local_sign_in = "on"` or `"admins_only"`.
    pub local_sign_in: LocalSignIn,
    /// OpenID Connect providers, each a `[[oidc]]` table; the sign-in page offers one button
    /// per provider. The `DESKFRONT_OIDC_*` variables add (or override) one.
    pub oidc: Vec<OidcProvider>,
}

/// Password sign-in for everyone, or only for administrators: the break-glass account that
/// still works when the identity provider does not.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LocalSignIn {
    #[default]
    On,
    AdminsOnly,
}

impl std::str::FromStr for LocalSignIn {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s.trim().to_ascii_lowercase().replace('-', "_").as_str() {
            "on" | "true" | "everyone" => Ok(LocalSignIn::On),
            "admins_only" | "admins" => Ok(LocalSignIn::AdminsOnly),
            _ => Err(()),
        }
    }
}

/// One OpenID Connect provider (Keycloak, Microsoft Entra ID, Okta, Google Workspace, …).
#[derive(Clone, Deserialize)]
#[serde(default)]
pub struct OidcProvider {
    /// A short name used in URLs: `/auth/oidc/<id>/start` and `/auth/oidc/<id>/callback`.
    pub id: String,
    /// The button says "Sign in with <label>".
    pub label: String,
    /// The issuer URL; discovery reads `<issuer>/.well-known/openid-configuration`.
    pub issuer: String,
    pub client_id: String,
    /// Never logged nor shown in Debug output.
    pub client_secret: String,
    pub scopes: Vec<String>,
    /// The ID token claim that lists the person's groups.
    pub groups_claim: String,
    /// The claim that holds the line manager's e-mail address (unset: not mapped).
    pub manager_claim: Option<String>,
    /// The claim that holds the home store's code (unset: not mapped).
    pub store_claim: Option<String>,
    /// Which groups make which role and assignment group (`agent_groups`, `manager_groups`,
    /// `editor_groups`, `admin_groups`, `[oidc.group_map]`).
    #[serde(flatten)]
    pub mapping: app::domain::claims::ClaimMapping,
}

impl Default for OidcProvider {
    fn default() -> Self {
        Self {
            id: "sso".into(),
            label: "your organisation".into(),
            issuer: String::new(),
            client_id: String::new(),
            client_secret: String::new(),
            scopes: ["openid", "email", "profile"].map(String::from).to_vec(),
            groups_claim: "groups".into(),
            manager_claim: None,
            store_claim: None,
            mapping: Default::default(),
        }
    }
}

impl std::fmt::Debug for OidcProvider {
    /// Written by hand so the client secret never reaches a log line.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OidcProvider")
            .field("id", &self.id)
            .field("label", &self.label)
            .field("issuer", &self.issuer)
            .field("client_id", &self.client_id)
            .field(
                "client_secret",
                &if self.client_secret.is_empty() {
                    ""
                } else {
                    "***"
                },
            )
            .field("scopes", &self.scopes)
            .field("groups_claim", &self.groups_claim)
            .field("manager_claim", &self.manager_claim)
            .field("store_claim", &self.store_claim)
            .field("mapping", &self.mapping)
            .finish()
    }
}

impl OidcProvider {
    /// What is wrong with this entry, in words that say which key to fix.
    fn check(&self) -> Result<(), String> {
        let id_ok = !self.id.is_empty()
            && self.id.len() <= 40
            && self
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
        if !id_ok {
            return Err(format!(
                "id {:?} must be 1-40 lowercase letters, digits, '-' or '_' (it is part of URLs)",
                self.id
            ));
        }
        let issuer = self.issuer.trim();
        if !(issuer.starts_with("https://") || issuer.starts_with("http://")) {
            return Err(format!(
                "provider {}: issuer must be the provider's https:// URL",
                self.id
            ));
        }
        if self.client_id.trim().is_empty() {
            return Err(format!("provider {}: client_id is missing", self.id));
        }
        if !self.scopes.iter().any(|s| s == "openid") {
            return Err(format!("provider {}: scopes must include openid", self.id));
        }
        Ok(())
    }
}

impl Default for Config {
    fn default() -> Self {
        Self {
            database_url: "sqlite://data/deskfront.db".into(),
            database: DatabaseSettings::default(),
            instance_name: default_instance_name(),
            jobs: JobSettings::default(),
            attachments_dir: "data/attachments".into(),
            max_attachment_mb: 10,
            demo: false,
            seed_dir: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seed"),
            demo_password: crate::demo_guard::PUBLISHED_DEMO_PASSWORD.into(),
            public_url: None,
            allowed_origins: Vec::new(),
            secure_cookies: None,
            article_image_hosts: Vec::new(),
            trust_forwarded_for: false,
            integration_requests_per_minute: 120,
            metrics_token: None,
            session_days: 14,
            public_kb_search: false,
            time_zone: "UTC".into(),
            view_flush_secs: 10,
            service_levels_file: None,
            recurring_window_days: 14,
            recurring_threshold: 2,
            local_sign_in: LocalSignIn::On,
            oidc: Vec::new(),
            mail: Default::default(),
        }
    }
}

/// The connection pool and its limits. In TOML, the `[database]` table.
#[derive(Clone, Debug, Deserialize)]
#[serde(default)]
pub struct DatabaseSettings {
    pub max_connections: u32,
    pub min_connections: u32,
    /// How long a request waits for a free connection before it fails.
    pub acquire_timeout_secs: u64,
    /// PostgreSQL cancels a statement after this long (0: no limit). SQLite waits this long for
    /// the write lock.
    pub statement_timeout_ms: u64,
    /// PostgreSQL TLS: disable, allow, prefer, require, verify-ca or verify-full. Unset: what
    /// the URL says (`?sslmode=`), else prefer.
    pub ssl_mode: Option<String>,
    /// PEM file of the certificate authority that signed the PostgreSQL server's certificate.
    pub ssl_root_cert: Option<PathBuf>,
}

impl Default for DatabaseSettings {
    fn default() -> Self {
        Self {
            max_connections: 8,
            min_connections: 0,
            acquire_timeout_secs: 10,
            statement_timeout_ms: 10_000,
            ssl_mode: None,
            ssl_root_cert: None,
        }
    }
}

/// Periodic work (see `crate::jobs`). In TOML, the `[jobs]` table.
#[derive(Clone, Debug, Deserialize)]
#[serde(default)]
pub struct JobSettings {
    /// Off on instances that should only serve pages; at least one instance must run them.
    pub enabled: bool,
    /// How often an instance looks for due work. Each job still runs once per its own period.
    pub tick_secs: u64,
    /// Resolved tickets close by themselves after this many days without a change.
    pub auto_close_days: i64,
    /// Approvers are reminded of what has waited for their decision this many hours, and
    /// again after as many more; 0 turns reminders off.
    pub approval_reminder_hours: i64,
    /// Where the purge finds attachment files; the top level's `attachments_dir`.
    #[serde(skip)]
    pub attachments_dir: PathBuf,
}

impl Default for JobSettings {
    fn default() -> Self {
        Self {
            enabled: true,
            tick_secs: 30,
            auto_close_days: 5,
            approval_reminder_hours: 24,
            attachments_dir: PathBuf::new(),
        }
    }
}

fn default_instance_name() -> String {
    use rand::Rng;
    format!("instance-{:08x}", rand::thread_rng().gen::<u32>())
}

impl std::fmt::Debug for Config {
    /// Written by hand so the database password never reaches a log line.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("database_url", &crate::store::redacted(&self.database_url))
            .field("database", &self.database)
            .field("instance_name", &self.instance_name)
            .field("jobs", &self.jobs)
            .field("attachments_dir", &self.attachments_dir)
            .field("max_attachment_mb", &self.max_attachment_mb)
            .field("demo", &self.demo)
            .field("seed_dir", &self.seed_dir)
            .field("public_url", &self.public_url)
            .field("allowed_origins", &self.allowed_origins)
            .field("secure_cookies", &self.secure_cookies)
            .field("article_image_hosts", &self.article_image_hosts)
            .field("trust_forwarded_for", &self.trust_forwarded_for)
            .field("metrics_token", &self.metrics_token.as_ref().map(|_| "***"))
            .field(
                "integration_requests_per_minute",
                &self.integration_requests_per_minute,
            )
            .field("session_days", &self.session_days)
            .field("public_kb_search", &self.public_kb_search)
            .field("time_zone", &self.time_zone)
            .field("view_flush_secs", &self.view_flush_secs)
            .field("service_levels_file", &self.service_levels_file)
            .field("recurring_window_days", &self.recurring_window_days)
            .field("recurring_threshold", &self.recurring_threshold)
            .field("local_sign_in", &self.local_sign_in)
            .field("oidc", &self.oidc)
            .field("mail", &self.mail)
            .finish_non_exhaustive()
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
    #[error("service levels ({0}): {1}")]
    ServiceLevels(String, String),
    #[error("OpenID Connect: {0}")]
    Oidc(String),
    #[error("time_zone {0:?} is not an IANA time zone (like \"Europe/Berlin\" or \"UTC\")")]
    TimeZone(String),
}

/// The shipped service levels, so a fresh install has a complete set without any file.
const SHIPPED_SERVICE_LEVELS: &str = include_str!("../config/service-levels.toml");

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
        config.check_oidc()?;
        config.check_time_zone()?;
        Ok(config)
    }

    /// Refuses a portal zone the server cannot read, rather than showing UTC without a word.
    pub fn check_time_zone(&self) -> Result<(), ConfigError> {
        match app::i18n::Zone::named(&self.time_zone) {
            Some(_) => Ok(()),
            None => Err(ConfigError::TimeZone(self.time_zone.clone())),
        }
    }

    /// Whether the portal is served over HTTPS (see `secure_cookies`).
    pub fn https(&self) -> bool {
        self.secure_cookies.unwrap_or_else(|| {
            self.public_url
                .as_deref()
                .is_some_and(|u| u.trim().to_ascii_lowercase().starts_with("https://"))
        })
    }

    /// The service levels, read and checked: a missing rule stops the server at start-up
    /// rather than leaving tickets without due times.
    pub fn service_levels(&self) -> Result<app::domain::priority::ServiceLevels, ConfigError> {
        let (name, text) = match &self.service_levels_file {
            Some(path) => {
                let name = path.display().to_string();
                let text = std::fs::read_to_string(path)
                    .map_err(|e| ConfigError::Read(name.clone(), e))?;
                (name, text)
            }
            None => ("built in".to_string(), SHIPPED_SERVICE_LEVELS.to_string()),
        };
        let levels: app::domain::priority::ServiceLevels =
            toml::from_str(&text).map_err(|e| ConfigError::Parse(name.clone(), e))?;
        levels
            .check()
            .map_err(|e| ConfigError::ServiceLevels(name.clone(), e))?;
        if let Some(tag) = levels
            .translated_languages()
            .into_iter()
            .find(|tag| !app::i18n::LANGUAGES.contains(tag))
        {
            return Err(ConfigError::ServiceLevels(
                name,
                format!("a level is translated into \"{tag}\", which the portal has no language file for"),
            ));
        }
        Ok(levels)
    }

    /// Refuses an unusable provider entry at start-up, naming the key to fix. (A provider that
    /// is merely unreachable is no reason to refuse: see `routes::oidc`.)
    pub fn check_oidc(&self) -> Result<(), ConfigError> {
        let mut seen = std::collections::HashSet::new();
        for p in &self.oidc {
            p.check().map_err(ConfigError::Oidc)?;
            if !seen.insert(p.id.as_str()) {
                return Err(ConfigError::Oidc(format!(
                    "two providers have the id {:?}",
                    p.id
                )));
            }
        }
        if self.local_sign_in == LocalSignIn::AdminsOnly && self.oidc.is_empty() {
            tracing::warn!(
                "local_sign_in is admins_only but no OpenID Connect provider is configured: \
                 only administrators can sign in"
            );
        }
        Ok(())
    }

    /// The `DESKFRONT_OIDC_*` variables: one provider, `DESKFRONT_OIDC_ID` (default `sso`).
    /// A file entry with the same id is overridden key by key; otherwise, when an issuer is
    /// given, the provider is added.
    fn apply_oidc_env(&mut self, get: &impl Fn(&str) -> Option<String>) {
        let list = |v: String, sep: char| -> Vec<String> {
            v.split(sep)
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        };
        let id = get("DESKFRONT_OIDC_ID").unwrap_or_else(|| OidcProvider::default().id);
        let index = match self.oidc.iter().position(|p| p.id == id) {
            Some(i) => i,
            None if get("DESKFRONT_OIDC_ISSUER").is_some() => {
                self.oidc.push(OidcProvider {
                    id,
                    ..OidcProvider::default()
                });
                self.oidc.len() - 1
            }
            None => return,
        };
        let p = &mut self.oidc[index];
        if let Some(v) = get("DESKFRONT_OIDC_ISSUER") {
            p.issuer = v.trim().to_string();
        }
        if let Some(v) = get("DESKFRONT_OIDC_LABEL") {
            p.label = v;
        }
        if let Some(v) = get("DESKFRONT_OIDC_CLIENT_ID") {
            p.client_id = v;
        }
        if let Some(v) = get("DESKFRONT_OIDC_CLIENT_SECRET") {
            p.client_secret = v;
        }
        if let Some(v) = get("DESKFRONT_OIDC_SCOPES") {
            p.scopes = list(v.replace(',', " "), ' ');
        }
        if let Some(v) = get("DESKFRONT_OIDC_GROUPS_CLAIM") {
            p.groups_claim = v;
        }
        if let Some(v) = get("DESKFRONT_OIDC_MANAGER_CLAIM") {
            p.manager_claim = Some(v).filter(|v| !v.trim().is_empty());
        }
        if let Some(v) = get("DESKFRONT_OIDC_STORE_CLAIM") {
            p.store_claim = Some(v).filter(|v| !v.trim().is_empty());
        }
        // Group names may contain spaces ("Service Desk"), so these lists are comma separated.
        let m = &mut p.mapping;
        if let Some(v) = get("DESKFRONT_OIDC_AGENT_GROUPS") {
            m.agent_groups = list(v, ',');
        }
        if let Some(v) = get("DESKFRONT_OIDC_MANAGER_GROUPS") {
            m.manager_groups = list(v, ',');
        }
        if let Some(v) = get("DESKFRONT_OIDC_EDITOR_GROUPS") {
            m.editor_groups = list(v, ',');
        }
        if let Some(v) = get("DESKFRONT_OIDC_ADMIN_GROUPS") {
            m.admin_groups = list(v, ',');
        }
        if let Some(v) = get("DESKFRONT_OIDC_GROUP_MAP") {
            // "provider group=Deskfront group, …"
            m.group_map = list(v, ',')
                .into_iter()
                .filter_map(|pair| {
                    let (from, to) = pair.split_once('=')?;
                    Some((from.trim().to_string(), to.trim().to_string()))
                })
                .collect();
        }
    }

    fn apply_env(&mut self, get: impl Fn(&str) -> Option<String>) -> Result<(), ConfigError> {
        fn parse<T: std::str::FromStr>(key: &str, v: String) -> Result<T, ConfigError> {
            v.parse()
                .map_err(|_| ConfigError::Env(key.into(), format!("cannot parse {v:?}")))
        }
        if let Some(v) = get("DATABASE_URL").or_else(|| get("DESKFRONT_DATABASE_URL")) {
            self.database_url = v;
        }
        let db = &mut self.database;
        if let Some(v) = get("DESKFRONT_DATABASE_MAX_CONNECTIONS") {
            db.max_connections = parse("DESKFRONT_DATABASE_MAX_CONNECTIONS", v)?;
        }
        if let Some(v) = get("DESKFRONT_DATABASE_MIN_CONNECTIONS") {
            db.min_connections = parse("DESKFRONT_DATABASE_MIN_CONNECTIONS", v)?;
        }
        if let Some(v) = get("DESKFRONT_DATABASE_ACQUIRE_TIMEOUT_SECS") {
            db.acquire_timeout_secs = parse("DESKFRONT_DATABASE_ACQUIRE_TIMEOUT_SECS", v)?;
        }
        if let Some(v) = get("DESKFRONT_DATABASE_STATEMENT_TIMEOUT_MS") {
            db.statement_timeout_ms = parse("DESKFRONT_DATABASE_STATEMENT_TIMEOUT_MS", v)?;
        }
        if let Some(v) = get("DESKFRONT_DATABASE_SSL_MODE") {
            db.ssl_mode = Some(v);
        }
        if let Some(v) = get("DESKFRONT_DATABASE_SSL_ROOT_CERT") {
            db.ssl_root_cert = Some(v.into());
        }
        if let Some(v) = get("DESKFRONT_SERVICE_LEVELS_FILE") {
            self.service_levels_file = Some(v.into());
        }
        if let Some(v) = get("DESKFRONT_INSTANCE_NAME") {
            self.instance_name = v;
        }
        if let Some(v) = get("DESKFRONT_JOBS_ENABLED") {
            self.jobs.enabled = parse("DESKFRONT_JOBS_ENABLED", v)?;
        }
        if let Some(v) = get("DESKFRONT_JOBS_TICK_SECS") {
            self.jobs.tick_secs = parse("DESKFRONT_JOBS_TICK_SECS", v)?;
        }
        if let Some(v) = get("DESKFRONT_AUTO_CLOSE_DAYS") {
            self.jobs.auto_close_days = parse("DESKFRONT_AUTO_CLOSE_DAYS", v)?;
        }
        if let Some(v) = get("DESKFRONT_APPROVAL_REMINDER_HOURS") {
            self.jobs.approval_reminder_hours = parse("DESKFRONT_APPROVAL_REMINDER_HOURS", v)?;
        }
        if let Some(v) = get("DESKFRONT_ATTACHMENTS_DIR") {
            self.attachments_dir = v.into();
        }
        if let Some(v) = get("DESKFRONT_MAX_ATTACHMENT_MB") {
            self.max_attachment_mb = parse("DESKFRONT_MAX_ATTACHMENT_MB", v)?;
        }
        if let Some(v) = get("DESKFRONT_DEMO") {
            self.demo = parse("DESKFRONT_DEMO", v)?;
        }
        if get("DESKFRONT_SEED_DEMO_DATA").is_some() {
            // It used to default to on; a silent rename could turn a demo into an empty portal
            // or, worse, leave someone believing their production start has no demo accounts.
            return Err(ConfigError::Env(
                "DESKFRONT_SEED_DEMO_DATA".into(),
                "replaced by DESKFRONT_DEMO (demo mode, off by default)".into(),
            ));
        }
        if let Some(v) = get("DESKFRONT_SEED_DIR") {
            self.seed_dir = v.into();
        }
        if let Some(v) = get("DESKFRONT_DEMO_PASSWORD") {
            self.demo_password = v;
        }
        if let Some(v) = get("DESKFRONT_SECURE_COOKIES") {
            self.secure_cookies = Some(parse("DESKFRONT_SECURE_COOKIES", v)?);
        }
        if let Some(v) = get("DESKFRONT_PUBLIC_URL") {
            self.public_url = Some(v).filter(|v| !v.trim().is_empty());
        }
        let list = |v: String| -> Vec<String> {
            v.split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        };
        if let Some(v) = get("DESKFRONT_ALLOWED_ORIGINS") {
            self.allowed_origins = list(v);
        }
        if let Some(v) = get("DESKFRONT_ARTICLE_IMAGE_HOSTS") {
            self.article_image_hosts = list(v);
        }
        if let Some(v) = get("DESKFRONT_METRICS_TOKEN") {
            self.metrics_token = Some(v).filter(|v| !v.trim().is_empty());
        }
        if let Some(v) = get("DESKFRONT_TRUST_FORWARDED_FOR") {
            self.trust_forwarded_for = parse("DESKFRONT_TRUST_FORWARDED_FOR", v)?;
        }
        if let Some(v) = get("DESKFRONT_INTEGRATION_REQUESTS_PER_MINUTE") {
            self.integration_requests_per_minute =
                parse("DESKFRONT_INTEGRATION_REQUESTS_PER_MINUTE", v)?;
        }
        if let Some(v) = get("DESKFRONT_PUBLIC_KB_SEARCH") {
            self.public_kb_search = parse("DESKFRONT_PUBLIC_KB_SEARCH", v)?;
        }
        if let Some(v) = get("DESKFRONT_TIME_ZONE") {
            self.time_zone = v;
        }
        if let Some(v) = get("DESKFRONT_VIEW_FLUSH_SECS") {
            self.view_flush_secs = parse("DESKFRONT_VIEW_FLUSH_SECS", v)?;
        }
        if let Some(v) = get("DESKFRONT_SESSION_DAYS") {
            self.session_days = parse("DESKFRONT_SESSION_DAYS", v)?;
        }
        if let Some(v) = get("DESKFRONT_RECURRING_WINDOW_DAYS") {
            self.recurring_window_days = parse("DESKFRONT_RECURRING_WINDOW_DAYS", v)?;
        }
        if let Some(v) = get("DESKFRONT_RECURRING_THRESHOLD") {
            self.recurring_threshold = parse("DESKFRONT_RECURRING_THRESHOLD", v)?;
        }
        if let Some(v) = get("DESKFRONT_LOCAL_SIGN_IN") {
            self.local_sign_in = v.parse().map_err(|_| {
                ConfigError::Env(
                    "DESKFRONT_LOCAL_SIGN_IN".into(),
                    format!("{v:?} is neither on nor admins_only"),
                )
            })?;
        }
        self.apply_oidc_env(&get);
        self.mail.apply_env(&get)?;
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
            "DESKFRONT_RECURRING_WINDOW_DAYS" => Some("30".into()),
            _ => None,
        })
        .unwrap();
        assert_eq!(c.database_url, "sqlite://x.db");
        assert_eq!(c.max_attachment_mb, 3);
        assert_eq!(c.recurring_window_days, 30);
        assert_eq!(c.recurring_threshold, 2);
        assert!(!c.https());
        assert!(
            !c.demo,
            "a start without configuration is a production start"
        );
    }

    #[test]
    fn demo_mode_is_asked_for_by_name() {
        let mut c = Config::default();
        c.apply_env(|k| (k == "DESKFRONT_DEMO").then(|| "true".into()))
            .unwrap();
        assert!(c.demo);
        let err = Config::default()
            .apply_env(|k| (k == "DESKFRONT_SEED_DEMO_DATA").then(|| "true".into()))
            .unwrap_err();
        assert!(err.to_string().contains("DESKFRONT_DEMO"), "{err}");
    }

    #[test]
    fn debug_output_hides_the_database_password() {
        let c = Config {
            database_url: "postgres://desk:hunter2@db/deskfront".into(),
            ..Config::default()
        };
        let shown = format!("{c:?}");
        assert!(shown.contains("desk:***@db"), "{shown}");
        assert!(!shown.contains("hunter2"));
    }

    #[test]
    fn service_levels_translated_into_a_language_the_portal_lacks_stop_the_start() {
        let file = std::env::temp_dir().join(format!("levels-{}.toml", std::process::id()));
        let text = SHIPPED_SERVICE_LEVELS.replacen("{ de = { label = ", "{ xx = { label = ", 1);
        std::fs::write(&file, text).unwrap();
        let config = Config {
            service_levels_file: Some(file.clone()),
            ..Config::default()
        };
        let error = config.service_levels().unwrap_err().to_string();
        std::fs::remove_file(&file).ok();
        assert!(error.contains("\"xx\""), "{error}");
        assert!(Config::default().service_levels().is_ok());
    }

    #[test]
    fn database_tables_come_from_the_file() {
        let c: Config = toml::from_str(
            "database_url = \"postgres://db/deskfront\"\n[database]\nmax_connections = 32\nssl_mode = \"require\"\n[jobs]\nenabled = false\n",
        )
        .unwrap();
        assert_eq!(c.database.max_connections, 32);
        assert_eq!(c.database.ssl_mode.as_deref(), Some("require"));
        assert_eq!(c.database.acquire_timeout_secs, 10);
        assert!(!c.jobs.enabled);
    }

    #[test]
    fn an_https_public_url_means_secure_cookies_unless_said_otherwise() {
        let mut c = Config::default();
        c.apply_env(|k| match k {
            "DESKFRONT_PUBLIC_URL" => Some("https://desk.example.com".into()),
            "DESKFRONT_ALLOWED_ORIGINS" => Some("https://a.example, https://b.example".into()),
            _ => None,
        })
        .unwrap();
        assert!(c.https());
        assert_eq!(
            c.allowed_origins,
            ["https://a.example", "https://b.example"]
        );
        c.secure_cookies = Some(false);
        assert!(!c.https(), "an explicit setting wins");
        assert!(Config::default().instance_name.starts_with("instance-"));
    }

    #[test]
    fn providers_come_from_the_file_with_defaults() {
        let c: Config = toml::from_str(
            r#"
local_sign_in = "admins_only"
[[oidc]]
id = "entra"
label = "Microsoft"
issuer = "https://login.microsoftonline.com/tenant/v2.0"
client_id = "abc"
client_secret = "s3cret-value"
agent_groups = ["sd-agents"]
[oidc.group_map]
"sd-agents" = "Service Desk"
[[oidc]]
id = "kc"
issuer = "https://kc.example.com/realms/acme"
client_id = "deskfront"
"#,
        )
        .unwrap();
        assert_eq!(c.local_sign_in, LocalSignIn::AdminsOnly);
        assert_eq!(c.oidc.len(), 2);
        assert_eq!(c.oidc[0].mapping.agent_groups, ["sd-agents"]);
        assert_eq!(c.oidc[0].mapping.group_map["sd-agents"], "Service Desk");
        assert_eq!(c.oidc[1].scopes, ["openid", "email", "profile"]);
        assert_eq!(c.oidc[1].groups_claim, "groups");
        c.check_oidc().unwrap();
        let shown = format!("{c:?}");
        assert!(!shown.contains("s3cret-value"), "{shown}");
    }

    #[test]
    fn one_provider_comes_from_the_environment() {
        let mut c = Config::default();
        c.apply_env(|k| match k {
            "DESKFRONT_OIDC_ISSUER" => Some("http://127.0.0.1:9000".into()),
            "DESKFRONT_OIDC_CLIENT_ID" => Some("deskfront".into()),
            "DESKFRONT_OIDC_CLIENT_SECRET" => Some("hush".into()),
            "DESKFRONT_OIDC_LABEL" => Some("Acme ID".into()),
            "DESKFRONT_OIDC_AGENT_GROUPS" => Some("agents, Service Desk".into()),
            "DESKFRONT_OIDC_GROUP_MAP" => Some("sd=Service Desk".into()),
            "DESKFRONT_LOCAL_SIGN_IN" => Some("admins-only".into()),
            _ => None,
        })
        .unwrap();
        let p = &c.oidc[0];
        assert_eq!((p.id.as_str(), p.label.as_str()), ("sso", "Acme ID"));
        assert_eq!(p.mapping.agent_groups, ["agents", "Service Desk"]);
        assert_eq!(p.mapping.group_map["sd"], "Service Desk");
        assert_eq!(c.local_sign_in, LocalSignIn::AdminsOnly);
        c.check_oidc().unwrap();
        assert!(!format!("{c:?}").contains("hush"));
        let mut none = Config::default();
        none.apply_env(|k| (k == "DESKFRONT_OIDC_CLIENT_ID").then(|| "x".into()))
            .unwrap();
        assert!(none.oidc.is_empty(), "no issuer, no provider");
    }

    #[test]
    fn a_broken_provider_entry_names_the_key_to_fix() {
        let mut c = Config::default();
        c.oidc.push(OidcProvider {
            issuer: "login.example.com".into(),
            client_id: "x".into(),
            ..OidcProvider::default()
        });
        assert!(c.check_oidc().unwrap_err().to_string().contains("issuer"));
        c.oidc[0].issuer = "https://login.example.com".into();
        c.oidc[0].id = "Has Spaces".into();
        assert!(c.check_oidc().unwrap_err().to_string().contains("id"));
        c.oidc[0].id = "ok".into();
        c.oidc.push(c.oidc[0].clone());
        assert!(c.check_oidc().unwrap_err().to_string().contains("two"));
        assert!(Config::default()
            .apply_env(|k| (k == "DESKFRONT_LOCAL_SIGN_IN").then(|| "maybe".into()))
            .is_err());
    }

    #[test]
    fn the_portals_time_zone_comes_from_the_environment_and_must_exist() {
        let mut config = Config::default();
        assert_eq!(config.time_zone, "UTC");
        config
            .apply_env(|k| (k == "DESKFRONT_TIME_ZONE").then(|| "Europe/Berlin".into()))
            .unwrap();
        assert_eq!(config.time_zone, "Europe/Berlin");
        assert!(config.check_time_zone().is_ok());
        config.time_zone = "Europe/Berlinn".into();
        let error = config.check_time_zone().unwrap_err().to_string();
        assert!(error.contains("\"Europe/Berlinn\""), "{error}");
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

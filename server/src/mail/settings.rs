//! The mail server Deskfront sends through. In TOML, the `[mail]` table; in the environment,
//! `DESKFRONT_SMTP_*` and `DESKFRONT_MAIL_*`. Without a host nothing is sent: mails stay queued
//! (and are purged after a month), and people's settings say that the portal sends no mail.

use crate::config::ConfigError;
use serde::Deserialize;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Security {
    /// Plain connection upgraded with STARTTLS, which the server must offer (port 587).
    #[default]
    Starttls,
    /// TLS from the first byte (port 465).
    Tls,
    /// No encryption: a relay on the same host or network only (port 25).
    None,
}

impl std::str::FromStr for Security {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s.trim().to_ascii_lowercase().as_str() {
            "starttls" => Ok(Security::Starttls),
            "tls" => Ok(Security::Tls),
            "none" => Ok(Security::None),
            _ => Err(()),
        }
    }
}

#[derive(Clone, Deserialize)]
#[serde(default)]
pub struct MailSettings {
    pub smtp_host: Option<String>,
    /// Unset: 587 for STARTTLS, 465 for TLS, 25 for none.
    pub smtp_port: Option<u16>,
    pub security: Security,
    pub username: Option<String>,
    pub password: Option<String>,
    /// The sender, as `Name <address>` or an address.
    pub from: String,
    /// How long the first approval request waits for others to the same approver.
    pub digest_hold_secs: i64,
    /// How long after one approval digest the next may go to the same approver.
    pub digest_spacing_secs: i64,
    /// How often each instance looks for mail to send.
    pub tick_secs: u64,
    /// How long one conversation with the mail server may take.
    pub timeout_secs: u64,
}

impl Default for MailSettings {
    fn default() -> Self {
        MailSettings {
            smtp_host: None,
            smtp_port: None,
            security: Security::Starttls,
            username: None,
            password: None,
            from: "Deskfront <deskfront@localhost>".into(),
            digest_hold_secs: 30,
            digest_spacing_secs: 300,
            tick_secs: 5,
            timeout_secs: 30,
        }
    }
}

impl MailSettings {
    pub fn configured(&self) -> bool {
        self.smtp_host
            .as_deref()
            .is_some_and(|h| !h.trim().is_empty())
    }

    pub fn port(&self) -> u16 {
        self.smtp_port.unwrap_or(match self.security {
            Security::Starttls => 587,
            Security::Tls => 465,
            Security::None => 25,
        })
    }

    pub fn digest_rule(&self) -> app::domain::mail::DigestRule {
        app::domain::mail::DigestRule {
            hold: chrono::Duration::seconds(self.digest_hold_secs.max(0)),
            spacing: chrono::Duration::seconds(self.digest_spacing_secs.max(0)),
        }
    }

    pub(crate) fn apply_env(
        &mut self,
        get: &impl Fn(&str) -> Option<String>,
    ) -> Result<(), ConfigError> {
        fn parse<T: std::str::FromStr>(key: &str, v: String) -> Result<T, ConfigError> {
            v.parse()
                .map_err(|_| ConfigError::Env(key.into(), format!("cannot parse {v:?}")))
        }
        let text = |key: &str| get(key).filter(|v| !v.trim().is_empty());
        if let Some(v) = get("DESKFRONT_SMTP_HOST") {
            self.smtp_host = Some(v).filter(|v| !v.trim().is_empty());
        }
        if let Some(v) = text("DESKFRONT_SMTP_PORT") {
            self.smtp_port = Some(parse("DESKFRONT_SMTP_PORT", v)?);
        }
        if let Some(v) = text("DESKFRONT_SMTP_SECURITY") {
            self.security = v.parse().map_err(|()| {
                ConfigError::Env(
                    "DESKFRONT_SMTP_SECURITY".into(),
                    format!("{v:?} is not one of starttls, tls, none"),
                )
            })?;
        }
        if let Some(v) = text("DESKFRONT_SMTP_USERNAME") {
            self.username = Some(v);
        }
        if let Some(v) = text("DESKFRONT_SMTP_PASSWORD") {
            self.password = Some(v);
        }
        if let Some(v) = text("DESKFRONT_MAIL_FROM") {
            self.from = v;
        }
        if let Some(v) = text("DESKFRONT_MAIL_DIGEST_HOLD_SECS") {
            self.digest_hold_secs = parse("DESKFRONT_MAIL_DIGEST_HOLD_SECS", v)?;
        }
        if let Some(v) = text("DESKFRONT_MAIL_DIGEST_SPACING_SECS") {
            self.digest_spacing_secs = parse("DESKFRONT_MAIL_DIGEST_SPACING_SECS", v)?;
        }
        if let Some(v) = text("DESKFRONT_MAIL_TICK_SECS") {
            self.tick_secs = parse("DESKFRONT_MAIL_TICK_SECS", v)?;
        }
        Ok(())
    }
}

impl std::fmt::Debug for MailSettings {
    /// Written by hand so the SMTP password never reaches a log line.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MailSettings")
            .field("smtp_host", &self.smtp_host)
            .field("smtp_port", &self.port())
            .field("security", &self.security)
            .field("username", &self.username)
            .field("password", &self.password.as_ref().map(|_| "***"))
            .field("from", &self.from)
            .field("digest_hold_secs", &self.digest_hold_secs)
            .field("digest_spacing_secs", &self.digest_spacing_secs)
            .field("tick_secs", &self.tick_secs)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_environment_sets_the_server_and_the_password_stays_out_of_logs() {
        let mut s = MailSettings::default();
        let env = |k: &str| match k {
            "DESKFRONT_SMTP_HOST" => Some("mail.example.com".to_string()),
            "DESKFRONT_SMTP_SECURITY" => Some("TLS".to_string()),
            "DESKFRONT_SMTP_PASSWORD" => Some("hunter2".to_string()),
            _ => None,
        };
        s.apply_env(&env).unwrap();
        assert!(s.configured());
        assert_eq!(s.security, Security::Tls);
        assert_eq!(s.port(), 465);
        assert!(!format!("{s:?}").contains("hunter2"));
    }

    #[test]
    fn an_unknown_security_is_named_in_the_error() {
        let mut s = MailSettings::default();
        let env = |k: &str| (k == "DESKFRONT_SMTP_SECURITY").then(|| "ssl3".to_string());
        let e = s.apply_env(&env).unwrap_err().to_string();
        assert!(e.contains("DESKFRONT_SMTP_SECURITY"), "{e}");
        assert!(!MailSettings::default().configured());
    }
}

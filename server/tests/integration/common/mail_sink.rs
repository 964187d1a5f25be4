//! A real SMTP server for the mail tests (`end2end/support/mail-sink.mjs`, smtp-server and
//! mailparser from npm), started by the test on a free port. It keeps each mail it takes as a
//! JSON file; the test reads them. It refuses recipients whose address starts with "refuse".

use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub struct MailSink {
    pub port: u16,
    dir: tempfile::TempDir,
    child: Option<Child>,
}

/// One mail as the server received it.
#[derive(Clone, Debug)]
pub struct Received {
    pub to: Vec<String>,
    pub subject: String,
    pub text: String,
    pub html: String,
    pub message_id: String,
}

impl MailSink {
    /// A sink on a free port.
    pub fn start() -> MailSink {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut sink = MailSink {
            port,
            dir: tempfile::tempdir().unwrap(),
            child: None,
        };
        sink.resume();
        sink
    }

    /// A port nobody listens on yet (the server down from the start); `resume` starts it.
    pub fn stopped() -> MailSink {
        let mut sink = MailSink::start();
        sink.stop();
        sink
    }

    /// Starts the server again on the same port, keeping what it received.
    pub fn resume(&mut self) {
        let script =
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../end2end/support/mail-sink.mjs");
        let mut child = Command::new("node")
            .arg(script)
            .args(["--port", &self.port.to_string(), "--dir"])
            .arg(self.dir.path())
            .arg("--exit-with-stdin")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("node runs end2end/support/mail-sink.mjs (scripts/setup-tools.sh installs it)");
        let mut ready = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut ready)
            .unwrap();
        assert!(
            ready.contains("ready"),
            "mail sink did not start: {ready:?}"
        );
        self.child = Some(child);
    }

    /// Stops the server: connections are refused until `resume`.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// The mail settings that send through this server.
    pub fn settings(&self) -> server::mail::settings::MailSettings {
        server::mail::settings::MailSettings {
            smtp_host: Some("127.0.0.1".into()),
            smtp_port: Some(self.port),
            security: server::mail::settings::Security::None,
            from: "Deskfront <deskfront@deskfront.test>".into(),
            digest_hold_secs: 1,
            tick_secs: 1,
            timeout_secs: 5,
            ..Default::default()
        }
    }

    /// Everything received so far, oldest first.
    pub fn received(&self) -> Vec<Received> {
        let mut files: Vec<_> = std::fs::read_dir(self.dir.path())
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        files
            .iter()
            .map(|p| {
                let v: Value = serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
                let s = |k: &str| v[k].as_str().unwrap_or_default().to_string();
                Received {
                    to: v["envelope"]["to"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|t| t.as_str().unwrap().to_string())
                        .collect(),
                    subject: s("subject"),
                    text: s("text"),
                    html: s("html"),
                    message_id: s("messageId"),
                }
            })
            .collect()
    }

    /// Waits until `n` mails have arrived (up to 30 s), then a moment longer so that an extra
    /// one would show, and returns them all.
    pub async fn wait_for(&self, n: usize) -> Vec<Received> {
        for _ in 0..300 {
            if self.received().len() >= n {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        tokio::time::sleep(Duration::from_millis(1500)).await;
        self.received()
    }

    /// The mails to `address`.
    pub fn to(&self, address: &str) -> Vec<Received> {
        self.received()
            .into_iter()
            .filter(|m| m.to.iter().any(|t| t == address))
            .collect()
    }
}

impl Drop for MailSink {
    fn drop(&mut self) {
        self.stop();
    }
}

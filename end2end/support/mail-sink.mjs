// A real SMTP server for the tests: it speaks SMTP (smtp-server, the server half of
// Nodemailer), takes every mail and keeps it as a JSON file in a folder the tests read
// (parsed by mailparser: headers, plain text, HTML). It refuses recipients whose address
// starts with "refuse" with a permanent 550, to test a mail the server will never take.
//
//   node mail-sink.mjs --port 2525 --dir /tmp/mails [--exit-with-stdin]
//
// With --exit-with-stdin it stops when its standard input closes: a test process that dies
// leaves no server behind.
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const port = Number(arg("port", process.env.MAIL_SINK_PORT || "2525"));
const dir = arg("dir", process.env.MAIL_SINK_DIR || "mail-sink");
mkdirSync(dir, { recursive: true });
let counter = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onRcptTo(address, _session, callback) {
    if (address.address.toLowerCase().startsWith("refuse")) {
      const err = new Error("No such user here");
      err.responseCode = 550;
      return callback(err);
    }
    callback();
  },
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        counter += 1;
        const record = {
          envelope: {
            from: session.envelope.mailFrom && session.envelope.mailFrom.address,
            to: session.envelope.rcptTo.map((r) => r.address),
          },
          messageId: mail.messageId,
          from: mail.from && mail.from.text,
          to: mail.to && mail.to.text,
          subject: mail.subject,
          text: mail.text,
          html: mail.html || "",
          receivedAt: new Date().toISOString(),
        };
        const name = `${Date.now()}-${process.pid}-${counter}.json`;
        const tmp = join(dir, `.${name}.tmp`);
        writeFileSync(tmp, JSON.stringify(record, null, 2));
        renameSync(tmp, join(dir, name)); // a reader never sees half a mail
        callback();
      })
      .catch((err) => callback(err));
  },
});

server.on("error", (err) => {
  console.error(`mail sink: ${err.message}`);
  process.exit(1);
});

server.listen(port, "127.0.0.1", () => {
  console.log(`mail sink ready on 127.0.0.1:${port}, keeping mails in ${dir}`);
});

if (process.argv.includes("--exit-with-stdin")) {
  process.stdin.on("end", () => process.exit(0));
  process.stdin.on("close", () => process.exit(0));
  process.stdin.resume();
}
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}

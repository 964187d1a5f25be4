//! The part of Project Fluent's message syntax our language files use, read and formatted the
//! same way on the server and in the browser: text, `{ $variable }`, references to other
//! messages and terms (`{ -brand }`), string and number literals, and select expressions on a
//! variable (`{ $count -> [one] … *[other] … }`), with plural categories by the language's
//! CLDR rules (`plural`). Lines may continue indented; the common indent is removed, as Fluent
//! does.
//!
//! Why not `fluent-bundle` in the browser: its parser, resolver, plural rules for every
//! language and locale negotiation added 46 KB (brotli) to the main module that every first
//! visit downloads. This reader is a few KB; the tests hold it to `fluent-bundle`'s output for
//! every message of every shipped file, and to its errors for what it does not support
//! (functions such as `NUMBER()`, attributes, parameterised terms), which a file must not use.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

/// A message's value, ready to format.
pub type Pattern = Vec<Piece>;

#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    Text(String),
    Variable(String),
    /// Another message (`id`) or a term (`-id`).
    Reference(String),
    Select {
        selector: String,
        variants: Vec<(Key, Pattern)>,
        default: usize,
    },
}

/// A variant's key: a name (a plural category, or a word a text variable may equal) or a number.
#[derive(Debug, Clone, PartialEq)]
pub enum Key {
    Name(String),
    Number(String),
}

/// What a file defines: messages and terms (terms by their `-id`), each read the first time it
/// is asked for. A page uses a few dozen of a file's thousand messages, and reading them all
/// before the first one was the largest part of a phone's start-up (issue 19). The first
/// definition of an id is the one that counts, as in `fluent-bundle`.
pub struct Messages {
    text: String,
    ids: HashMap<String, usize>,
    entries: Vec<Entry>,
}

struct Entry {
    /// Where the entry's lines are in the file.
    lines: Range<usize>,
    /// Read on first use; `None` when it cannot be read.
    pattern: OnceLock<Option<Pattern>>,
}

impl Messages {
    /// Finds where each message is in `text` (a Fluent file), reading none of them yet.
    pub fn new(text: String) -> Messages {
        let spans = super::entry_spans(&text);
        let mut ids = HashMap::with_capacity(spans.len());
        let mut entries = Vec::with_capacity(spans.len());
        for (id, lines) in spans {
            if !ids.contains_key(id) {
                ids.insert(id.to_string(), entries.len());
                entries.push(Entry {
                    lines,
                    pattern: OnceLock::new(),
                });
            }
        }
        Messages { text, ids, entries }
    }

    /// The message or term `id`, read now if it was not yet.
    pub fn get(&self, id: &str) -> Option<&Pattern> {
        let entry = &self.entries[*self.ids.get(id)?];
        entry
            .pattern
            .get_or_init(|| read_entry(id, &self.text[entry.lines.clone()]).ok())
            .as_ref()
    }
}

/// A message that could not be read, and why. The file's other messages are unaffected.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub id: String,
    pub problem: String,
}

/// The messages of `text` (a Fluent file), and the problems of those that could not be read:
/// every message is read here, so this is for checking a file, not for showing one.
pub fn parse(text: &str) -> (Messages, Vec<Problem>) {
    let problems = super::entry_spans(text)
        .into_iter()
        .filter_map(|(id, lines)| {
            read_entry(id, &text[lines]).err().map(|problem| Problem {
                id: id.to_string(),
                problem,
            })
        })
        .collect();
    (Messages::new(text.to_string()), problems)
}

/// Reads one entry: its id, `=`, and its value with the lines that continue it.
fn read_entry(id: &str, lines: &str) -> Result<Pattern, String> {
    let lines = super::lines_of(lines);
    match lines.split_once('=') {
        Some((_, value)) if valid_id(id) => Reader::new(value).message(),
        _ => Err(format!("`{id}` is not `id = value`")),
    }
}

fn valid_id(id: &str) -> bool {
    let name = id.strip_prefix('-').unwrap_or(id);
    name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// A value a message's variable takes.
pub enum Value<'a> {
    Text(&'a str),
    Number(i64),
}

/// Formats `pattern` of `messages` with `value_of` giving each variable, choosing plural
/// variants by `plural_category` (the number's CLDR category in the page's language). What
/// is missing shows as `fluent-bundle` shows it: `{$name}`, `{id}`, `{-term}`.
pub fn format<'v>(
    messages: &Messages,
    pattern: &Pattern,
    value_of: &dyn Fn(&str) -> Option<Value<'v>>,
    plural_category: &dyn Fn(i64) -> &'static str,
) -> String {
    let mut out = String::new();
    Formatter {
        messages,
        value_of,
        plural_category,
    }
    .write(pattern, &mut out, 0);
    out
}

/// Deep enough for any sensible chain of references, and it stops a message that names itself.
const MAX_DEPTH: usize = 16;

struct Formatter<'a, 'v> {
    messages: &'a Messages,
    value_of: &'a dyn Fn(&str) -> Option<Value<'v>>,
    plural_category: &'a dyn Fn(i64) -> &'static str,
}

impl Formatter<'_, '_> {
    fn write(&self, pattern: &Pattern, out: &mut String, depth: usize) {
        for piece in pattern {
            match piece {
                Piece::Text(text) => out.push_str(text),
                Piece::Variable(name) => match (self.value_of)(name) {
                    Some(Value::Text(text)) => out.push_str(text),
                    Some(Value::Number(n)) => out.push_str(&n.to_string()),
                    None => out.push_str(&format!("{{${name}}}")),
                },
                Piece::Reference(id) => match self.messages.get(id) {
                    Some(referenced) if depth < MAX_DEPTH => self.write(referenced, out, depth + 1),
                    Some(_) => out.push_str("{???}"),
                    None => out.push_str(&format!("{{{id}}}")),
                },
                Piece::Select {
                    selector,
                    variants,
                    default,
                } => {
                    let chosen = self.choose(selector, variants).unwrap_or(*default);
                    self.write(&variants[chosen].1, out, depth);
                }
            }
        }
    }

    /// The first variant whose key the selector's value matches: a text by its word; a number
    /// by its value, or else by its plural category.
    fn choose(&self, selector: &str, variants: &[(Key, Pattern)]) -> Option<usize> {
        let value = (self.value_of)(selector)?;
        variants.iter().position(|(key, _)| match (&value, key) {
            (Value::Text(text), Key::Name(name)) => text == name,
            (Value::Number(n), Key::Number(literal)) => {
                literal.parse::<f64>().ok() == Some(*n as f64)
            }
            (Value::Number(n), Key::Name(name)) => (self.plural_category)(*n) == name,
            (Value::Text(_), Key::Number(_)) => false,
        })
    }
}

/// A raw part of a pattern before its lines are joined: indents are known only at the end.
enum Raw {
    Text(String),
    /// Line breaks (blank lines included) before an indented line.
    Breaks(usize),
    /// An indented line's leading spaces.
    Indent(usize),
    Piece(Piece),
}

/// Reads one message's value (the text after its `=`, its indented lines included).
struct Reader<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Reader<'a> {
    fn new(text: &'a str) -> Self {
        Reader { text, at: 0 }
    }

    fn rest(&self) -> &'a str {
        &self.text[self.at..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn eat(&mut self, prefix: &str) -> bool {
        let found = self.rest().starts_with(prefix);
        if found {
            self.at += prefix.len();
        }
        found
    }

    fn skip_spaces(&mut self) {
        while self.eat(" ") {}
    }

    /// Spaces, line breaks and blank lines: what may stand around an expression in `{ }`.
    fn skip_blank(&mut self) {
        while self.eat(" ") || self.eat("\n") || self.eat("\r\n") {}
    }

    fn message(mut self) -> Result<Pattern, String> {
        let pattern = self.pattern(false)?;
        if !self.rest().trim().is_empty() {
            return Err(format!("unexpected `{}`", self.rest().trim()));
        }
        if pattern.is_empty() {
            return Err("the message has no value".into());
        }
        Ok(pattern)
    }

    /// A pattern: up to the end of its last line, or, in a variant, up to the next variant or
    /// the `}` that closes the select.
    fn pattern(&mut self, in_variant: bool) -> Result<Pattern, String> {
        self.skip_spaces();
        let mut raw = Vec::new();
        let mut text = String::new();
        loop {
            match self.peek() {
                None => break,
                Some('{') => {
                    flush(&mut text, &mut raw);
                    raw.push(Raw::Piece(self.placeable()?));
                }
                Some('}') if in_variant => break,
                Some('}') => return Err("a `}` with no `{`".into()),
                Some('\n' | '\r') => match self.next_line() {
                    Some((breaks, indent)) => {
                        flush(&mut text, &mut raw);
                        raw.push(Raw::Breaks(breaks));
                        raw.push(Raw::Indent(indent));
                    }
                    None => break,
                },
                Some(c) => {
                    text.push(c);
                    self.at += c.len_utf8();
                }
            }
        }
        flush(&mut text, &mut raw);
        Ok(join(raw))
    }

    /// At a line break: when the pattern goes on in an indented line (after any blank lines),
    /// moves to that line's first character and says how many breaks and spaces led there.
    /// Otherwise stays, and the pattern ends here.
    fn next_line(&mut self) -> Option<(usize, usize)> {
        let start = self.at;
        let mut breaks = 0;
        while self.eat("\r\n") || self.eat("\n") {
            breaks += 1;
            let line = self.rest().split('\n').next().unwrap_or_default();
            let line = line.trim_end_matches('\r');
            let indent = line.len() - line.trim_start_matches(' ').len();
            match line[indent..].chars().next() {
                // A blank line: the pattern may go on after it.
                None => self.at += indent,
                Some(c) if indent > 0 && !matches!(c, '[' | '*' | '.' | '}') => {
                    self.at += indent;
                    return Some((breaks, indent));
                }
                Some(_) => break,
            }
        }
        self.at = start;
        None
    }

    /// `{ … }`: an expression, or a select expression on a variable.
    fn placeable(&mut self) -> Result<Piece, String> {
        self.eat("{");
        self.skip_blank();
        let expression = self.expression()?;
        self.skip_blank();
        let piece = if self.eat("->") {
            let Piece::Variable(selector) = expression else {
                return Err("only a `$variable` may choose a variant".into());
            };
            self.variants(selector)?
        } else {
            expression
        };
        self.skip_blank();
        if !self.eat("}") {
            return Err("a `{` with no `}`".into());
        }
        Ok(piece)
    }

    fn expression(&mut self) -> Result<Piece, String> {
        match self.peek() {
            Some('$') => {
                self.eat("$");
                Ok(Piece::Variable(self.identifier()?))
            }
            Some('"') => self.string_literal().map(Piece::Text),
            Some('{') => self.placeable(),
            Some(c)
                if c.is_ascii_digit()
                    || (c == '-' && self.rest()[1..].starts_with(|c: char| c.is_ascii_digit())) =>
            {
                Ok(Piece::Text(self.number_literal()?))
            }
            Some('-') => {
                self.eat("-");
                let id = format!("-{}", self.identifier()?);
                self.unsupported_after(&id)?;
                Ok(Piece::Reference(id))
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let id = self.identifier()?;
                self.unsupported_after(&id)?;
                Ok(Piece::Reference(id))
            }
            _ => Err(format!(
                "`{{` followed by `{}`",
                self.rest().chars().take(8).collect::<String>()
            )),
        }
    }

    /// Functions, attributes and term arguments are Fluent, but not ours: format in code.
    fn unsupported_after(&self, id: &str) -> Result<(), String> {
        match self.peek() {
            Some('(') => Err(format!(
                "`{id}(…)`: functions and term arguments are not supported"
            )),
            Some('.') => Err(format!("`{id}.…`: attributes are not supported")),
            _ => Ok(()),
        }
    }

    fn identifier(&mut self) -> Result<String, String> {
        let rest = self.rest();
        if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return Err("a name must start with a letter".into());
        }
        let len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(rest.len());
        self.at += len;
        Ok(rest[..len].to_string())
    }

    fn number_literal(&mut self) -> Result<String, String> {
        let rest = self.rest();
        let sign = usize::from(rest.starts_with('-'));
        let len = sign
            + rest[sign..]
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .unwrap_or(rest.len() - sign);
        let literal = &rest[..len];
        if literal.parse::<f64>().is_err() {
            return Err(format!("`{literal}` is not a number"));
        }
        self.at += len;
        Ok(literal.to_string())
    }

    /// `"…"` with Fluent's escapes: `\"`, `\\`, `\u0041`, `\U01F600`.
    fn string_literal(&mut self) -> Result<String, String> {
        self.eat("\"");
        let mut value = String::new();
        loop {
            let Some(c) = self.peek() else {
                return Err("a string with no closing `\"`".into());
            };
            self.at += c.len_utf8();
            match c {
                '"' => return Ok(value),
                '\n' | '\r' => return Err("a string may not span lines".into()),
                '\\' => {
                    let escape = self.peek();
                    self.at += escape.map_or(0, char::len_utf8);
                    match escape {
                        Some('"') => value.push('"'),
                        Some('\\') => value.push('\\'),
                        Some(u @ ('u' | 'U')) => {
                            let digits = if u == 'u' { 4 } else { 6 };
                            let hex = self.rest().get(..digits).unwrap_or_default();
                            let decoded = u32::from_str_radix(hex, 16)
                                .ok()
                                .filter(|_| hex.len() == digits)
                                .ok_or_else(|| format!("`\\{u}{hex}` is not an escape"))?;
                            self.at += digits;
                            value.push(char::from_u32(decoded).unwrap_or('\u{FFFD}'));
                        }
                        _ => return Err("an unknown `\\` escape".into()),
                    }
                }
                c => value.push(c),
            }
        }
    }

    /// The variants of a select, after its `->`: one per line, exactly one marked default.
    fn variants(&mut self, selector: String) -> Result<Piece, String> {
        let mut variants = Vec::new();
        let mut default = None;
        loop {
            self.skip_blank();
            let is_default = self.eat("*");
            if !self.eat("[") {
                break;
            }
            self.skip_spaces();
            let key = match self.peek() {
                Some(c) if c.is_ascii_digit() || c == '-' => Key::Number(self.number_literal()?),
                _ => Key::Name(self.identifier()?),
            };
            self.skip_spaces();
            if !self.eat("]") {
                return Err("a variant key with no `]`".into());
            }
            if is_default {
                if default.is_some() {
                    return Err("more than one default variant".into());
                }
                default = Some(variants.len());
            }
            variants.push((key, self.pattern(true)?));
        }
        let Some(default) = default else {
            return Err("a select needs one default variant (`*[other]`)".into());
        };
        Ok(Piece::Select {
            selector,
            variants,
            default,
        })
    }
}

fn flush(text: &mut String, raw: &mut Vec<Raw>) {
    if !text.is_empty() {
        raw.push(Raw::Text(std::mem::take(text)));
    }
}

/// Joins a pattern's raw parts as Fluent does: indented lines lose the indent they all share,
/// a value that starts on the next line does not start with a line break, and the pattern's
/// trailing spaces go.
fn join(mut raw: Vec<Raw>) -> Pattern {
    let common = raw
        .iter()
        .filter_map(|r| match r {
            Raw::Indent(n) => Some(*n),
            _ => None,
        })
        .min()
        .unwrap_or(0);
    if matches!(raw.first(), Some(Raw::Breaks(_))) {
        raw.remove(0);
    }
    let mut pattern: Pattern = Vec::new();
    let push_text = |pattern: &mut Pattern, text: String| {
        if let Some(Piece::Text(last)) = pattern.last_mut() {
            last.push_str(&text);
        } else if !text.is_empty() {
            pattern.push(Piece::Text(text));
        }
    };
    for part in raw {
        match part {
            Raw::Text(text) => push_text(&mut pattern, text),
            Raw::Breaks(n) => push_text(&mut pattern, "\n".repeat(n)),
            Raw::Indent(n) => push_text(&mut pattern, " ".repeat(n - common)),
            Raw::Piece(piece) => pattern.push(piece),
        }
    }
    if let Some(Piece::Text(last)) = pattern.last_mut() {
        let trimmed = last.trim_end_matches([' ', '\n', '\r']).len();
        last.truncate(trimmed);
        if last.is_empty() {
            pattern.pop();
        }
    }
    pattern
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english_plural(n: i64) -> &'static str {
        if n == 1 {
            "one"
        } else {
            "other"
        }
    }

    fn ours(text: &str, id: &str, args: &[(&str, Value)]) -> String {
        let (messages, problems) = parse(text);
        assert!(problems.is_empty(), "{problems:?}");
        let value_of = |name: &str| {
            args.iter().find(|(n, _)| *n == name).map(|(_, v)| match v {
                Value::Text(t) => Value::Text(t),
                Value::Number(n) => Value::Number(*n),
            })
        };
        format(
            &messages,
            messages.get(id).unwrap(),
            &value_of,
            &english_plural,
        )
    }

    #[test]
    fn text_variables_and_references() {
        let file = "-brand = Deskfront\nhello = Hello, { $name }, from { -brand }!\n";
        assert_eq!(
            ours(file, "hello", &[("name", Value::Text("Ada"))]),
            "Hello, Ada, from Deskfront!"
        );
        assert_eq!(ours(file, "hello", &[]), "Hello, {$name}, from Deskfront!");
    }

    #[test]
    fn plural_variants_by_exact_number_then_category() {
        let file = "n = { $n ->\n    [0] none\n    [one] one item\n   *[other] { $n } items\n}\n";
        assert_eq!(ours(file, "n", &[("n", Value::Number(0))]), "none");
        assert_eq!(ours(file, "n", &[("n", Value::Number(1))]), "one item");
        assert_eq!(ours(file, "n", &[("n", Value::Number(7))]), "7 items");
        assert_eq!(ours(file, "n", &[]), "{$n} items");
    }

    #[test]
    fn continued_lines_lose_their_common_indent() {
        let file = "long =\n    First line\n      indented more\n\n    after a blank line   \n";
        assert_eq!(
            ours(file, "long", &[]),
            "First line\n  indented more\n\nafter a blank line"
        );
    }

    #[test]
    fn what_fluent_has_and_we_do_not_is_a_problem_not_a_panic() {
        for bad in [
            "a = { NUMBER($n) }\n",
            "a = { msg.attr }\n",
            "a = { -term(case: \"x\") }\n",
            "a = { $n ->\n [one] x\n}\n",
            "a = { $n\n",
            "a = }\n",
            "a = { \"open\n",
        ] {
            let (messages, problems) = parse(bad);
            assert!(messages.get("a").is_none(), "{bad:?} was read");
            assert_eq!(problems.len(), 1, "{bad:?}");
        }
    }
}

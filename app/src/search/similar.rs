//! Queries grouped by what they mean, for the editors' list of what nobody found: "printer
//! jammed", "pritner jam" and "paper jam in printer" are one gap in the knowledge base, not
//! three. Two queries are alike when most of their index terms match, a term matching another
//! exactly or within the typos search itself forgives.

use super::text::{allowed_typos, edit_distance, terms};

/// How much of the longer query's terms must match the other's for the two to be alike.
const ALIKE: f32 = 0.5;

/// A query as people typed it, and how often it went unanswered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryCount {
    pub query: String,
    /// Searches that found no article.
    pub found_nothing: u64,
    /// Forms sent after the query's suggestions, so a ticket anyway.
    pub tickets: u64,
}

impl QueryCount {
    pub fn total(&self) -> u64 {
        self.found_nothing + self.tickets
    }
}

/// Alike queries, the most frequent first (the group's name).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryGroup {
    pub queries: Vec<QueryCount>,
}

impl QueryGroup {
    pub fn found_nothing(&self) -> u64 {
        self.queries.iter().map(|q| q.found_nothing).sum()
    }

    pub fn tickets(&self) -> u64 {
        self.queries.iter().map(|q| q.tickets).sum()
    }
}

fn same_term(a: &str, b: &str) -> bool {
    let typos = allowed_typos(a.chars().count().min(b.chars().count()));
    a == b || (typos > 0 && edit_distance(a, b, typos).is_some())
}

/// How alike two queries' terms are: the share of the longer list that the other matches.
fn likeness(a: &[String], b: &[String]) -> f32 {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.is_empty() {
        return 0.0;
    }
    let matched = short
        .iter()
        .filter(|s| long.iter().any(|l| same_term(s, l)))
        .count();
    matched as f32 / long.len() as f32
}

/// Groups `queries` by likeness, each group and the groups themselves most frequent first. A
/// query joins the first group whose first query it is alike to, so a group stays about what
/// its name says.
pub fn group_alike(mut queries: Vec<QueryCount>) -> Vec<QueryGroup> {
    queries.sort_by(|a, b| {
        b.total()
            .cmp(&a.total())
            .then_with(|| a.query.cmp(&b.query))
    });
    let mut groups: Vec<(Vec<String>, QueryGroup)> = Vec::new();
    for q in queries {
        let t = terms(&q.query);
        match groups
            .iter_mut()
            .find(|(first, _)| !t.is_empty() && likeness(first, &t) >= ALIKE)
        {
            Some((_, group)) => group.queries.push(q),
            None => groups.push((t, QueryGroup { queries: vec![q] })),
        }
    }
    let mut groups: Vec<QueryGroup> = groups.into_iter().map(|(_, g)| g).collect();
    groups.sort_by_key(|g| std::cmp::Reverse(g.found_nothing() + g.tickets()));
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(query: &str, found_nothing: u64, tickets: u64) -> QueryCount {
        QueryCount {
            query: query.into(),
            found_nothing,
            tickets,
        }
    }

    fn names(groups: &[QueryGroup]) -> Vec<Vec<&str>> {
        groups
            .iter()
            .map(|g| g.queries.iter().map(|q| q.query.as_str()).collect())
            .collect()
    }

    #[test]
    fn typos_word_forms_and_extra_words_meet_in_one_group() {
        let groups = group_alike(vec![
            q("printer jammed", 3, 1),
            q("pritner jam", 1, 0),
            q("paper jam in printer", 0, 2),
            q("scanner wont beep", 2, 0),
            q("vpn", 1, 0),
        ]);
        assert_eq!(
            names(&groups),
            [
                vec!["printer jammed", "paper jam in printer", "pritner jam"],
                vec!["scanner wont beep"],
                vec!["vpn"],
            ]
        );
        assert_eq!((groups[0].found_nothing(), groups[0].tickets()), (4, 3));
    }

    #[test]
    fn different_problems_stay_apart() {
        let groups = group_alike(vec![
            q("printer offline", 1, 0),
            q("printer out of toner", 1, 0),
            q("the the", 1, 0),
        ]);
        assert_eq!(groups.len(), 3, "{:?}", names(&groups));
    }
}

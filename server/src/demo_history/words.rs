//! What people write in the history: questions, answers, fixes, reasons and comments. Short
//! lists are enough; a timeline that reads like a real one is the point, not variety.

use rand::seq::SliceRandom;
use rand::Rng;

fn one(rng: &mut impl Rng, texts: &[&str]) -> String {
    texts.choose(rng).copied().unwrap_or_default().to_string()
}

/// A submission key shaped like the ones browsers make (`submit::new_idempotency_key`), drawn
/// from the seeded generator so a history can be made again.
pub fn idempotency_key(rng: &mut impl Rng) -> String {
    let b: [u8; 16] = rng.gen();
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

pub fn description(rng: &mut impl Rng, incident: bool) -> String {
    if incident {
        one(
            rng,
            &[
                "Stopped working this morning, restarted it twice and it is still the same.",
                "Keeps freezing when we take card payments; customers are waiting.",
                "Shows an error on start-up and won't get past it.",
                "Worked fine yesterday, now nothing happens when we press anything.",
                "Intermittent: fine for an hour, then it drops out again.",
                "Same fault as last week, it came back after the fix.",
            ],
        )
    } else {
        one(
            rng,
            &[
                "Needed for my new role from next week.",
                "The one I have is broken and slows me down every day.",
                "My manager has agreed this; please set it up as soon as you can.",
                "Needed for the project starting on the first of the month.",
                "Please set this up the same as my colleagues in the team.",
            ],
        )
    }
}

pub fn short_text(rng: &mut impl Rng) -> String {
    one(
        rng,
        &[
            "Finance shared drive",
            "Sales reporting",
            "Team calendar",
            "Head office, 2nd floor",
            "Customer services",
            "See description",
        ],
    )
}

pub fn question(rng: &mut impl Rng, incident: bool) -> String {
    if incident {
        one(
            rng,
            &[
                "Can you send a photo of the error on the screen?",
                "Is it still happening after a restart?",
                "Does it happen on the other tills too, or only this one?",
                "When would be a good time to call the store about this?",
            ],
        )
    } else {
        one(
            rng,
            &[
                "Could you confirm the exact name of what you need access to?",
                "Which office or store should we deliver it to?",
                "Is this instead of your current one, or as well as it?",
            ],
        )
    }
}

pub fn reply_to_question(rng: &mut impl Rng, incident: bool) -> String {
    if incident {
        one(
            rng,
            &[
                "Yes, still the same after a restart.",
                "Photo attached, it shows the same error every time.",
                "Only this one, the others are fine.",
                "Any time before 11 works for us.",
            ],
        )
    } else {
        one(
            rng,
            &[
                "It's the finance reporting share, same as the rest of my team.",
                "Head office, 2nd floor please.",
                "Instead of it, the old one can go back.",
            ],
        )
    }
}

pub fn resolution(rng: &mut impl Rng, code: &str) -> String {
    match code {
        "Hardware replaced" => one(
            rng,
            &[
                "Swapped it for a spare from stock; the faulty one goes back to the supplier.",
                "Engineer replaced the unit on site and tested a sale.",
            ],
        ),
        "Workaround provided" => one(
            rng,
            &[
                "Restarting from the manager menu clears it for now; a permanent fix is with the supplier.",
                "Use the spare till on the customer services desk until the part arrives.",
            ],
        ),
        "Advice given" => one(
            rng,
            &[
                "Talked it through on the phone; the steps are in the linked article.",
                "Explained how to do it from the self-service page.",
            ],
        ),
        "Fixed by a supplier" => "The supplier fixed the fault on their side and confirmed it works.".into(),
        "Duplicate" => "Already being worked on another ticket for the same fault.".into(),
        "Could not reproduce" => "Tested remotely and on site; everything works now.".into(),
        _ => one(
            rng,
            &[
                "Fixed remotely and tested with the store.",
                "Done: set up as requested, please check it works for you.",
                "Reset and reconfigured; working again.",
                "Completed; you should see it after your next sign-in.",
            ],
        ),
    }
}

/// A resolution code from the service levels, hardware swaps only for incidents.
pub fn resolution_code(rng: &mut impl Rng, codes: &[String], incident: bool) -> String {
    let weights: Vec<f64> = codes
        .iter()
        .map(|c| match c.as_str() {
            "Fixed" => 40.0,
            "Hardware replaced" if incident => 12.0,
            "Hardware replaced" => 0.0,
            "Workaround provided" if incident => 10.0,
            "Advice given" if incident => 6.0,
            "Advice given" => 20.0,
            "Duplicate" => 3.0,
            "Could not reproduce" if incident => 5.0,
            "Fixed by a supplier" if incident => 5.0,
            _ => 2.0,
        })
        .collect();
    if weights.iter().all(|w| *w <= 0.0) {
        return codes.first().cloned().unwrap_or_else(|| "Fixed".into());
    }
    codes[super::shape::pick_weighted(rng, &weights)].clone()
}

pub fn reopen_reason(rng: &mut impl Rng) -> String {
    one(
        rng,
        &[
            "Still not working, the same fault came back this morning.",
            "This isn't what I asked for, please take another look.",
            "Worked for a day, now it's failing again.",
        ],
    )
}

pub fn cancel_reason(rng: &mut impl Rng) -> String {
    one(
        rng,
        &[
            "No longer needed.",
            "Sorted it myself, thanks.",
            "Raised by mistake.",
            "",
        ],
    )
}

pub fn decision(rng: &mut impl Rng, approved: bool) -> String {
    if approved {
        one(rng, &["", "", "Approved.", "Fine by me."])
    } else {
        one(
            rng,
            &[
                "Not in this quarter's budget; ask again in the new year.",
                "Please use the shared one in the office instead.",
                "Not needed for this role.",
            ],
        )
    }
}

pub fn rating_comment(rng: &mut impl Rng, rating: i64) -> String {
    // Most people rate without a word.
    if rng.gen::<f64>() < 0.7 {
        return String::new();
    }
    match rating {
        5 => one(
            rng,
            &[
                "Quick and friendly, thank you!",
                "Sorted in no time.",
                "Great service.",
            ],
        ),
        4 => one(rng, &["Fixed, thanks.", "Good, took a little while."]),
        3 => one(rng, &["OK in the end.", "Took longer than I hoped."]),
        _ => one(
            rng,
            &[
                "Took days and we lost sales meanwhile.",
                "Had to chase this twice.",
                "Still not really fixed.",
            ],
        ),
    }
}

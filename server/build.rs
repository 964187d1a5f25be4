//! Rebuilds the server when a migration changes: `sqlx::migrate!` embeds the folders at compile
//! time, and without this a renamed or edited migration needs a touched source file to be seen.

fn main() {
    println!("cargo:rerun-if-changed=migrations");
}

//! `embed_migrations!` reads `migrations/` at compile time; without this a new migration
//! would not reach the binary until some Rust file changed.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}

/// `schema.graphql` is generated from the code (`deskql schema > schema.graphql`); this fails
/// when someone changes the API without regenerating it.
#[test]
fn committed_schema_matches_the_code() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schema.graphql");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    let generated = deskql::graphql::sdl();
    assert!(
        committed == generated,
        "schema.graphql is stale: run `cargo run -- schema > schema.graphql`"
    );
}

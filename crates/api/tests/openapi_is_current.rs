//! The checked-in OpenAPI document must be what the code generates (`make openapi` regenerates it).
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[test]
fn checked_in_openapi_matches_the_code() {
    let generated = sitecard_api::openapi_document().to_pretty_json().unwrap();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../openapi/openapi.json");
    let checked_in = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        generated.trim() == checked_in.trim(),
        "openapi/openapi.json is out of date with the code: run `make openapi` and commit the result"
    );
}

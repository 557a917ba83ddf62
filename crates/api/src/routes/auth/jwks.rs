//! `GET /.well-known/jwks.json`: the public keys that sign access tokens.

use actix_web::{HttpResponse, get, web};

use sitecard_app::state::AppState;

/// JSON Web Key Set (RFC 7517) for checking Sitecard's signatures.
///
/// Public, no sign-in. Every Ed25519 public key (`kty: OKP`, `alg: EdDSA`) that may have signed a live access token,
/// by `kid`; answers may be cached for five minutes (`Cache-Control: public, max-age=300`).
#[utoipa::path(tag = "auth", responses((status = 200, description = "The key set", body = Object)))]
#[get("/.well-known/jwks.json")]
pub async fn jwks(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::Ok().insert_header(("cache-control", "public, max-age=300")).json(state.keys.jwks())
}

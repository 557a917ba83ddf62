//! `GET /.well-known/jwks.json`: the public keys that sign access tokens.

use actix_web::{HttpResponse, get, web};

use crate::state::AppState;

/// JSON Web Key Set (RFC 7517): every key that may have signed a live access token.
#[utoipa::path(tag = "auth", responses((status = 200, description = "The key set", body = Object)))]
#[get("/.well-known/jwks.json")]
pub async fn jwks(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::Ok().insert_header(("cache-control", "public, max-age=300")).json(state.keys.jwks())
}

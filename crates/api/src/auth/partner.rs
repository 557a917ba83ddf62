//! `CurrentPartner`: a production partner's client-credentials access token.

use actix_web::{FromRequest, HttpRequest, dev::Payload};
use futures_util::future::LocalBoxFuture;
use sitecard_app::AppError;

use crate::auth::extract::verified_bearer;
use crate::error::ApiError;

#[derive(Debug, Clone)]
pub struct CurrentPartner {
    pub client_id: String,
}

impl FromRequest for CurrentPartner {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let verified = verified_bearer(req);
        Box::pin(async move {
            let (state, claims) = verified?;
            if claims.typ != "partner" {
                // A person's token on a partner route: authenticated, but not allowed.
                return Err(AppError::Forbidden.into());
            }
            // The client must still exist (a deleted client's tokens stop at once).
            if !sitecard_app::partner_clients::is_registered(&state, &claims.sub).await? {
                return Err(AppError::Unauthorized("invalid_token").into());
            }
            Ok(CurrentPartner { client_id: claims.sub.clone() })
        })
    }
}

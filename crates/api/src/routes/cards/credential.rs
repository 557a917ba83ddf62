//! `GET /me/cards/{id}/credential`: the digital card, a signed credential the worker shows as a QR code.

use actix_web::{get, web};
use chrono::{DateTime, Utc};
use serde::Serialize;
use sitecard_app::AppError;
use sitecard_domain::card_credential::credential_expiry;
use sitecard_domain::card_state::CardStatus;
use sitecard_domain::clock;
use sitecard_persistence::{companies, orders};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use sitecard_app::cards_flow;
use sitecard_app::keys::{CardClaims, ISSUER};
use sitecard_app::state::AppState;

#[derive(Serialize, ToSchema)]
pub struct CardCredential {
    /// A compact JWS (RFC 7515), EdDSA over Ed25519: header `{alg: "EdDSA", typ: "sitecard-card+jwt", kid}`,
    /// payload `{iss: "sitecard", sub: card_number, name, company, valid_until: "YYYY-MM-DD", iat, exp}`. Verify it
    /// with the key `kid` from `GET /.well-known/jwks.json`.
    #[schema(
        example = "eyJ0eXAiOiJzaXRlY2FyZC1jYXJkK2p3dCIsImFsZyI6IkVkRFNBIiwia2lkIjoiazIwMjYxMjA2MTAwMDAwIn0.eyJpc3MiOiJzaXRlY2FyZCJ9.c2lnbmF0dXJl"
    )]
    pub credential: String,
    /// The credential's `exp`: at most 24 hours ahead, never past the card's `valid_until`.
    #[schema(example = "2026-12-07T10:00:00Z")]
    pub expires_at: DateTime<Utc>,
}

/// Get the digital card of an active card (its holder).
///
/// The holder only (404 for anyone else's card). A short-lived credential that site gates verify offline against the
/// JWKS, and whose card number they look up in their block list (`GET /card-status-changes`) or online
/// (`GET /card-check/{card_number}`). A new one is signed on every call. Read-only.
#[utoipa::path(tag = "cardholder", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Card id", example = "01a23add-2060-7549-83a6-e95bd7d3a0ae")),
    responses(
        (status = 200, description = "The credential", body = CardCredential),
        (status = 404, description = "No such card of the caller's"),
        (status = 409, description = "`invalid_state`: the card is not `active`"),
))]
#[get("/me/cards/{id}/credential")]
pub async fn card_credential(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
) -> Result<web::Json<CardCredential>, ApiError> {
    let card = cards_flow::holder_card(&state, user.account_id.into(), (*id).into()).await?;
    let status = cards_flow::status_of(&card)?;
    if status != CardStatus::Active {
        return Err(AppError::Conflict(
            "invalid_state",
            format!("only an active card has a digital card; this one is {}", status.as_str()),
        )
        .into());
    }
    let order = orders::find(&state.db, card.order_id).await?.ok_or_else(|| AppError::internal("card without order"))?;
    let company = companies::find(&state.db, card.company_id).await?.ok_or_else(|| AppError::internal("card without company"))?;
    let now = clock::now();
    let expires_at = credential_expiry(now, card.valid_until);
    let claims = CardClaims {
        iss: ISSUER.into(),
        sub: card.card_number,
        name: format!("{} {}", order.given_names, order.surname),
        company: company.name,
        valid_until: card.valid_until.to_string(),
        iat: now.timestamp(),
        exp: expires_at.timestamp(),
    };
    Ok(web::Json(CardCredential { credential: state.keys.sign_card(&claims)?, expires_at }))
}

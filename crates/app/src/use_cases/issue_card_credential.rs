//! The digital card: a signed credential of an active card that the worker shows as a QR code, valid for a
//! short while (a gate checks its signature offline with the JWKS).

use chrono::{DateTime, Utc};
use serde::Serialize;
use sitecard_domain::card_credential::credential_expiry;
use sitecard_domain::card_state::CardStatus;
use sitecard_domain::clock;
use sitecard_domain::ids::{AccountId, CardId};
use sitecard_persistence::{companies, orders};

use crate::cards_flow;
use crate::error::AppError;
use crate::keys::{CardClaims, ISSUER};
use crate::state::AppState;

#[derive(Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardCredential {
    /// A compact JWS (RFC 7515), EdDSA over Ed25519: header `{alg: "EdDSA", typ: "sitecard-card+jwt", kid}`,
    /// payload `{iss: "sitecard", sub: card_number, name, company, valid_until: "YYYY-MM-DD", iat, exp}`. Verify it
    /// with the key `kid` from `GET /.well-known/jwks.json`.
    #[cfg_attr(
        feature = "openapi",
        schema(
            example = "eyJ0eXAiOiJzaXRlY2FyZC1jYXJkK2p3dCIsImFsZyI6IkVkRFNBIiwia2lkIjoiazIwMjYxMjA2MTAwMDAwIn0.eyJpc3MiOiJzaXRlY2FyZCJ9.c2lnbmF0dXJl"
        )
    )]
    pub credential: String,
    /// The credential's `exp`: at most 24 hours ahead, never past the card's `valid_until`.
    #[cfg_attr(feature = "openapi", schema(example = "2026-12-07T10:00:00Z"))]
    pub expires_at: DateTime<Utc>,
}

/// 404 unless it is the worker's card; 409 `invalid_state` unless it is active.
pub async fn issue_card_credential(state: &AppState, account_id: AccountId, card_id: CardId) -> Result<CardCredential, AppError> {
    let card = cards_flow::holder_card(state, account_id, card_id).await?;
    let status = cards_flow::status_of(&card)?;
    if status != CardStatus::Active {
        return Err(AppError::Conflict(
            "invalid_state",
            format!("only an active card has a digital card; this one is {}", status.as_str()),
        ));
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
    Ok(CardCredential { credential: state.keys.sign_card(&claims)?, expires_at })
}

//! The OpenAPI 3.1 document: metadata here, paths collected from the registered handlers.

use utoipa::openapi::security::{ClientCredentials, Flow, HttpAuthScheme, HttpBuilder, OAuth2, Scopes, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::error::{FieldError, Problem};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Sitecard API",
        version = "1.0.0",
        description = "Construction-site ID cards for workers without Swedish BankID.\n\n\
Errors are RFC 9457 `application/problem+json` with a stable `code`; validation errors add `errors: [{field, code, message}]`. \
Rate-limited answers are 429 with `Retry-After`. Timestamps are RFC 3339 UTC, ids are UUIDs, fields are snake_case.",
        license(name = "AGPL-3.0-or-later", identifier = "AGPL-3.0-or-later"),
    ),
    components(schemas(Problem, FieldError)),
    modifiers(&SecuritySchemes),
    tags(
        (name = "operations", description = "Health, readiness and metrics"),
        (name = "auth", description = "Sign-in with a second factor, tokens, sessions, authenticator apps, password reset"),
        (name = "accounts", description = "Creating an account from an emailed registration link"),
        (name = "identity", description = "In-person identity checks (verifiers)"),
        (name = "me", description = "The signed-in person"),
        (name = "cardholder", description = "The worker's card orders and cards"),
        (name = "company", description = "Company administrators: orders and cards of their own company"),
        (name = "partner", description = "Production partners: OAuth2 client credentials, the production queue, production events. Outgoing webhooks `{event, order_id, status, occurred_at}` are signed `Sitecard-Signature: t=<unix>,v1=<hex HMAC-SHA256 of \"t.body\">` and retried with backoff when an order becomes `confirmed` or `cancelled`."),
        (name = "public", description = "No login: the card validity check"),
        (name = "dev", description = "Development mode only (`SITECARD_DEV=1`); 404 otherwise"),
    )
)]
pub struct ApiDoc;

struct SecuritySchemes;

impl Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some("Access token from /api/v1/auth/login/verify or /api/v1/auth/refresh"))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "partner_oauth",
            SecurityScheme::OAuth2(OAuth2::with_description(
                [Flow::ClientCredentials(ClientCredentials::new("/api/v1/oauth/token", Scopes::new()))],
                "Production partners: client credentials (RFC 6749 section 4.4)",
            )),
        );
    }
}

//! The OpenAPI 3.1 document: metadata here, paths collected from the registered handlers.

use utoipa::openapi::security::{ClientCredentials, Flow, HttpAuthScheme, HttpBuilder, OAuth2, Scopes, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::error::{FieldError, Problem};
use sitecard_app::webhooks::{CardWebhookData, OrderWebhookData, PhotoWebhookData, WebhookEnvelope};

mod conventions;
mod webhooks;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Sitecard API",
        version = "1.0.0",
        description = "Construction-site ID cards for workers without Swedish BankID.\n\n\
Errors are RFC 9457 `application/problem+json` with a stable `code`; validation errors add `errors: [{field, code, message}]`. \
Rate-limited answers are 429 with `Retry-After`. Timestamps are RFC 3339 UTC, ids are UUIDs, fields are snake_case.\n\n\
Languages: `en`, `sv`, `pl`, `lt`, `lv`, `et`, `ro`, `uk`, `de`. A problem's `detail` is English for developers; when \
`Accept-Language` names another of these languages and the `code` has a text for people, `detail` is that text in that \
language and `Content-Language` names it. Clients switch on `code`, never on `detail`.",
        license(name = "AGPL-3.0-or-later", identifier = "AGPL-3.0-or-later"),
    ),
    components(schemas(
        Problem,
        FieldError,
        WebhookEnvelope,
        OrderWebhookData,
        PhotoWebhookData,
        CardWebhookData,
        sitecard_app::schema_enums::ProductionQueueStatus,
        sitecard_app::schema_enums::OutboxStatusValue
    )),
    modifiers(&SecuritySchemes),
    tags(
        (name = "operations", description = "Health, readiness and metrics"),
        (name = "auth", description = "Sign-in with a second factor, tokens, sessions, authenticator apps, password reset"),
        (name = "accounts", description = "Creating an account from an emailed registration link"),
        (name = "identity", description = "In-person identity checks (verifiers)"),
        (name = "me", description = "The signed-in person"),
        (name = "cardholder", description = "The worker's card orders and cards"),
        (name = "company", description = "Company administrators: orders and cards of their own company"),
        (name = "partner", description = "Production partners: OAuth2 client credentials, the photo review queue, the production queue, production events. Sitecard tells partners about changes with signed webhooks: see the `webhooks` tag."),
        (name = "operator", description = "Operators run the service: partner clients (secrets, webhook URL and event types) and the outbox with its dead letters"),
        (name = "audit", description = "The tamper-evident audit log (operators): signed checkpoints over Merkle trees of events"),
        (name = "gates", description = "Site gates and access-control systems. A worker shows a digital card: a QR code holding a \
compact JWS from `GET /api/v1/me/cards/{id}/credential`. To admit a card **offline**:\n\n\
1. Keep `GET /.well-known/jwks.json` (Ed25519 keys, RFC 8037): refresh it at least daily, and at once when a QR names a \
`kid` you do not have.\n\
2. Split the QR text at the dots; check the header: `alg` is `EdDSA`, `typ` is `sitecard-card+jwt`, `kid` is in your JWKS. \
Verify the signature over `header.payload` with that key. Refuse anything else (`alg: none`, other types, access tokens).\n\
3. Check the payload: `exp` is in the future (allow a minute of clock skew; a credential lives 24 hours at most, so a \
screenshot dies within a day) and `valid_until` (`YYYY-MM-DD`, inclusive) is today or later.\n\
4. Look the card number `sub` up in your block list and admit only when its last status is `active`. Keep the list with a \
partner client token: poll `GET /api/v1/card-status-changes?cursor=<last next_cursor>` every minute (start from no cursor \
once: the whole history), apply the items in order to a table keyed by `card_number`, store `next_cursor`. A block, \
termination, expiry or validity change reaches you within your polling interval plus two seconds.\n\n\
Online, `GET /api/v1/card-check/{card_number}` answers the live status; show `name` and `company` from the payload so the \
guard can compare them with the person and their physical card."),
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

/// Answers every operation can give for reasons that are not its own: the body or parameters cannot be
/// parsed (400), a content type the operation does not list (415), a body over the limit (413), no or an expired token (401),
/// the wrong role (403), and list parameters out of range (422). Added to each operation where they apply
/// and are not documented by the handler, so a client generated from the document knows every status it can
/// meet and a new route is covered without anyone remembering to.
/// The document as published: the standard responses, the conventions written into every operation, and
/// the webhooks partners receive.
pub fn complete(doc: &utoipa::openapi::OpenApi) -> serde_json::Value {
    let v = serde_json::to_value(doc).unwrap_or_default();
    webhooks::add(conventions::complete(v))
}

pub fn add_standard_responses(doc: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    use serde_json::{Value, json};
    let Ok(mut v) = serde_json::to_value(&doc) else { return doc };
    let problem = |description: &str| {
        json!({
            "description": description,
            "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
        })
    };
    let standard = [
        ("BadRequest", "`malformed_json`, `invalid_body` (the body does not fit its schema), `invalid_path` or `invalid_query`"),
        ("Unauthenticated", "`unauthenticated` (no token), `invalid_token` or `session_ended` (signed out, expired, revoked)"),
        ("Forbidden", "`forbidden`: the caller's role or company may not do this"),
        ("PayloadTooLarge", "`payload_too_large`: the body is over the size limit"),
        ("UnsupportedMediaType", "`unsupported_media_type`: send the body in a content type the operation lists"),
        ("ValidationFailed", "`validation_failed`: a query parameter is out of range (`limit` 1..100, `cursor` from a previous page)"),
    ];
    if let Some(components) = v.get_mut("components").and_then(Value::as_object_mut) {
        let responses = components.entry("responses").or_insert_with(|| json!({}));
        for (name, description) in standard {
            responses[name] = problem(description);
        }
    }
    let Some(paths) = v.get_mut("paths").and_then(Value::as_object_mut) else { return doc };
    for item in paths.values_mut() {
        let Some(item) = item.as_object_mut() else { continue };
        for (method, op) in item.iter_mut() {
            if !matches!(method.as_str(), "get" | "put" | "post" | "patch" | "delete") {
                continue;
            }
            let params = op.get("parameters").and_then(Value::as_array).cloned().unwrap_or_default();
            let has_query = params.iter().any(|p| p["in"] == "query");
            let has_params = !params.is_empty();
            let body = op.get("requestBody").and_then(|b| b.get("content")).and_then(Value::as_object);
            let has_body = body.is_some();
            let secured = op
                .get("security")
                .and_then(Value::as_array)
                .is_some_and(|reqs| reqs.iter().any(|r| r.as_object().is_some_and(|r| !r.is_empty())));
            let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut) else { continue };
            let mut add = |status: &str, name: &str, when: bool| {
                if when && !responses.contains_key(status) {
                    responses.insert(status.to_owned(), json!({"$ref": format!("#/components/responses/{name}")}));
                }
            };
            add("400", "BadRequest", has_body || has_params);
            add("401", "Unauthenticated", secured);
            add("403", "Forbidden", secured);
            add("413", "PayloadTooLarge", has_body);
            add("415", "UnsupportedMediaType", has_body);
            add("422", "ValidationFailed", has_query);
        }
    }
    serde_json::from_value(v).unwrap_or(doc)
}

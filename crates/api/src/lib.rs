//! The HTTP face of Sitecard: actix-web handlers, extractors, problem+json errors and the OpenAPI document.

#[cfg(test)]
mod architecture;
pub mod auth;
pub mod error;
pub mod idempotency;
pub mod json_number;
pub mod middleware;
pub mod openapi;
pub mod routes;
pub mod session_cookies;
pub mod spa;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::{App, web};
use utoipa::OpenApi;
use utoipa_actix_web::AppExt;
use utoipa_swagger_ui::SwaggerUi;

pub use error::{ApiError, FieldError, Problem};
pub use sitecard_app::{AppConfig, AppError, AppState};

/// The OpenAPI document: as generated from the handlers (`routes`, what the router knows) and as published
/// (`published`: with the conventions and the webhooks written in; what `make openapi` writes to
/// `openapi/openapi.json` and `/api/v1/openapi.json` serves).
#[derive(Clone)]
pub struct ApiDocument {
    pub routes: utoipa::openapi::OpenApi,
    pub published: serde_json::Value,
}

impl ApiDocument {
    pub fn to_pretty_json(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string_pretty(&self.published)
    }

    /// What the server's workers share (cheap clones of one copy): the document as served, already
    /// serialised, and the route table built from it. The document itself is dropped after this.
    pub fn served(&self) -> Result<ServedDocument, serde_json::Error> {
        Ok(ServedDocument {
            json: web::Bytes::from(serde_json::to_vec(&self.published)?),
            routes: web::Data::new(spa::RouteTable::from_document(&self.routes)),
        })
    }
}

#[derive(Clone)]
pub struct ServedDocument {
    json: web::Bytes,
    routes: web::Data<spa::RouteTable>,
}

async fn openapi_json(doc: web::Data<web::Bytes>) -> actix_web::HttpResponse {
    actix_web::HttpResponse::Ok().content_type("application/json").body(doc.get_ref().clone())
}

pub fn openapi_document() -> ApiDocument {
    let (_, doc) = App::new().into_utoipa_app().openapi(openapi::ApiDoc::openapi()).configure(routes::configure).split_for_parts();
    let routes = openapi::add_standard_responses(doc);
    let published = openapi::complete(&routes);
    ApiDocument { routes, published }
}

/// The whole application for one worker thread.
pub fn app(
    state: AppState,
    doc: ServedDocument,
) -> App<
    impl ServiceFactory<ServiceRequest, Config = (), Response = ServiceResponse<impl MessageBody>, Error = actix_web::Error, InitError = ()>,
> {
    let metrics = web::Data::new(state.metrics.clone());
    let cors = cors(&state.config);
    let config = web::Data::new(state.config.clone());
    App::new()
        // Before the `/api/v1` scope, which would otherwise claim `/api/v1/openapi.json`.
        .service(
            // Guarded (not routed) by method, so other methods fall through to the 404 like any unknown path.
            web::resource("/api/v1/openapi.json").guard(actix_web::guard::Get()).app_data(web::Data::new(doc.json)).to(openapi_json),
        )
        .into_utoipa_app()
        .configure(routes::configure)
        .into_app()
        // After the API's routes: its pattern is a regular expression, which every request tried before them
        // would run.
        .service(SwaggerUi::new("/docs/{_:.*}").config(utoipa_swagger_ui::Config::from("/api/v1/openapi.json")))
        .app_data(web::Data::new(state))
        .app_data(config)
        .app_data(metrics)
        .app_data(doc.routes)
        .app_data(error::extractors::json_config())
        .app_data(error::extractors::form_config())
        .app_data(error::extractors::query_config())
        .app_data(error::extractors::path_config())
        .route("/docs", web::get().to(spa::docs_redirect))
        .default_service(web::to(spa::fallback))
        .wrap(actix_web::middleware::from_fn(idempotency::idempotency))
        .wrap(cors)
        .wrap(middleware::security_headers())
        .wrap(actix_web::middleware::from_fn(middleware::observe))
}

fn cors(config: &AppConfig) -> actix_cors::Cors {
    let mut cors = actix_cors::Cors::default()
        .allowed_methods(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"])
        .allowed_headers([
            "authorization",
            "content-type",
            "idempotency-key",
            "if-match",
            "accept-language",
            "x-request-id",
            "x-sitecard-client",
        ])
        .expose_headers(["etag", "retry-after", "x-request-id", "location"])
        .supports_credentials()
        .max_age(600)
        // A foreign origin gets no CORS headers (so the browser keeps the answer from its page) and its
        // preflights are refused, but its simple requests are not turned into errors here: same-origin pages
        // send `Origin` too, whatever name the server is reached by, and need nothing from CORS.
        .block_on_origin_mismatch(false);
    // Full origins (scheme, host, port), compared exactly: never derived from the request's own `Host`, which
    // whoever sends the request chooses.
    let own = config.public_url.trim_end_matches('/').to_owned();
    for origin in config.cors_origins.iter().chain(std::iter::once(&own)) {
        let origin = origin.trim().trim_end_matches('/');
        if !origin.is_empty() {
            cors = cors.allowed_origin(origin);
        }
    }
    cors
}

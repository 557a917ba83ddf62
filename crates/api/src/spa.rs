//! Everything that is not a documented API route: the built SPA with client-side routes falling back to
//! `index.html`, 404/405 problems for API paths, and the docs redirect.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use actix_files::NamedFile;
use actix_web::http::{Method, header};
use actix_web::{HttpRequest, HttpResponse, web};

use crate::error::ApiError;
use crate::state::ApiConfig;

/// Path templates of the OpenAPI document, to tell "wrong method" (405) from "no such path" (404).
pub struct RouteTable {
    templates: Vec<Vec<String>>,
}

impl RouteTable {
    pub fn from_document(doc: &utoipa::openapi::OpenApi) -> Self {
        let templates = doc.paths.paths.keys().map(|p| p.trim_matches('/').split('/').map(str::to_owned).collect()).collect();
        Self { templates }
    }

    pub fn matches(&self, path: &str) -> bool {
        let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
        self.templates.iter().any(|t| {
            t.len() == segments.len()
                && t.iter().zip(&segments).all(|(tpl, seg)| (tpl.starts_with('{') && tpl.ends_with('}') && !seg.is_empty()) || tpl == seg)
        })
    }
}

pub async fn docs_redirect() -> HttpResponse {
    HttpResponse::PermanentRedirect().insert_header((header::LOCATION, "/docs/")).finish()
}

pub async fn fallback(
    req: HttpRequest,
    routes: web::Data<RouteTable>,
    config: web::Data<Arc<ApiConfig>>,
) -> Result<HttpResponse, ApiError> {
    let path = req.path();
    if routes.matches(path) {
        return Err(ApiError::MethodNotAllowed);
    }
    let is_api = path == "/api" || path.starts_with("/api/") || path.starts_with("/.well-known/");
    if is_api || !(req.method() == Method::GET || req.method() == Method::HEAD) {
        return Err(ApiError::NotFound);
    }
    let dir = &config.static_dir;
    if let Some(file) = static_file(dir, path) {
        let immutable = path.starts_with("/assets/");
        let mut res = NamedFile::open_async(file).await.map_err(|_| ApiError::NotFound)?.into_response(&req);
        let cache = if immutable { "public, max-age=31536000, immutable" } else { "no-cache" };
        res.headers_mut().insert(header::CACHE_CONTROL, header::HeaderValue::from_static(cache));
        return Ok(res);
    }
    // A missing asset is a 404; any other path is a client-side route of the SPA.
    if path.starts_with("/assets/") {
        return Err(ApiError::NotFound);
    }
    let index = dir.join("index.html");
    match tokio::fs::read(&index).await {
        Ok(body) => Ok(HttpResponse::Ok().content_type("text/html; charset=utf-8").insert_header((header::CACHE_CONTROL, "no-cache")).body(body)),
        Err(_) => Ok(HttpResponse::Ok().content_type("text/html; charset=utf-8").body(
            "<!doctype html><html lang=\"en\"><title>Sitecard</title><main><h1>Sitecard</h1><p>The web app is not built. Run <code>make run</code>. The API is at <a href=\"/docs/\">/docs/</a>.</p></main></html>",
        )),
    }
}

fn static_file(dir: &Path, path: &str) -> Option<PathBuf> {
    let rel = path.trim_start_matches('/');
    if rel.is_empty() || rel.ends_with("index.html") {
        return None;
    }
    let safe = rel.split('/').all(|s| !s.is_empty() && !s.starts_with('.') && !s.contains('\\'));
    if !safe {
        return None;
    }
    let file = dir.join(rel);
    file.is_file().then_some(file)
}

//! Everything that is not a documented API route: the built SPA with client-side routes falling back to
//! `index.html`, 404/405 problems for API paths, and the docs redirect.

use sitecard_app::AppError;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use actix_files::NamedFile;
use actix_web::http::{Method, header};
use actix_web::{HttpRequest, HttpResponse, ResponseError, web};

use crate::error::ApiError;
use sitecard_app::state::AppConfig;

/// Path templates of the OpenAPI document with their methods, to tell "wrong method" (405, with the
/// resource's own methods in `Allow`) from "no such path" (404).
pub struct RouteTable {
    templates: Vec<(Vec<String>, Vec<&'static str>)>,
}

impl RouteTable {
    pub fn from_document(doc: &utoipa::openapi::OpenApi) -> Self {
        let templates = doc
            .paths
            .paths
            .iter()
            .map(|(p, item)| {
                let ops = [
                    ("GET", item.get.is_some()),
                    ("POST", item.post.is_some()),
                    ("PUT", item.put.is_some()),
                    ("PATCH", item.patch.is_some()),
                    ("DELETE", item.delete.is_some()),
                ];
                let methods = ops.into_iter().filter(|(_, has)| *has).map(|(m, _)| m).collect();
                (p.trim_matches('/').split('/').map(str::to_owned).collect(), methods)
            })
            .collect();
        Self { templates }
    }

    /// The methods documented for `path`, or `None` when no documented path matches. When several templates
    /// match, the most specific ones decide (`…/card-orders/batch` is not `…/card-orders/{id}`); templates as
    /// specific as each other add up.
    pub fn allowed_methods(&self, path: &str) -> Option<Vec<&'static str>> {
        let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
        let is_param = |tpl: &str| tpl.starts_with('{') && tpl.ends_with('}');
        let fitting: Vec<(usize, &Vec<&'static str>)> = self
            .templates
            .iter()
            .filter(|(t, _)| {
                t.len() == segments.len() && t.iter().zip(&segments).all(|(tpl, seg)| (is_param(tpl) && !seg.is_empty()) || tpl == seg)
            })
            .map(|(t, ms)| (t.iter().filter(|tpl| !is_param(tpl)).count(), ms))
            .collect();
        let best = fitting.iter().map(|(literal, _)| *literal).max()?;
        let mut methods: Vec<&'static str> = vec![];
        for (_, ms) in fitting.iter().filter(|(literal, _)| *literal == best) {
            methods.extend(ms.iter().filter(|m| !methods.contains(m)).collect::<Vec<_>>());
        }
        Some(methods)
    }
}

pub async fn docs_redirect() -> HttpResponse {
    HttpResponse::PermanentRedirect().insert_header((header::LOCATION, "/docs/")).finish()
}

pub async fn fallback(
    req: HttpRequest,
    routes: web::Data<RouteTable>,
    config: web::Data<Arc<AppConfig>>,
) -> Result<HttpResponse, ApiError> {
    let path = req.path();
    if let Some(methods) = routes.allowed_methods(path) {
        let mut res = ApiError::MethodNotAllowed.error_response();
        let allow = header::HeaderValue::from_str(&methods.join(", ")).map_err(AppError::internal)?;
        res.headers_mut().insert(header::ALLOW, allow);
        return Ok(res);
    }
    let is_api = path == "/api" || path.starts_with("/api/") || path.starts_with("/.well-known/");
    if is_api || !(req.method() == Method::GET || req.method() == Method::HEAD) {
        return Err(AppError::NotFound.into());
    }
    let dir = &config.static_dir;
    if let Some(file) = static_file(dir, path) {
        let immutable = path.starts_with("/assets/");
        let accepted = req.headers().get(header::ACCEPT_ENCODING).and_then(|v| v.to_str().ok()).unwrap_or_default();
        let named = match immutable.then(|| precompressed(&file, accepted)).flatten() {
            Some((encoded, encoding)) => {
                let mime = actix_files::file_extension_to_mime(file.extension().and_then(|e| e.to_str()).unwrap_or_default());
                NamedFile::open_async(encoded).await.map_err(|_| AppError::NotFound)?.set_content_type(mime).set_content_encoding(encoding)
            }
            None => NamedFile::open_async(file).await.map_err(|_| AppError::NotFound)?,
        };
        let mut res = named.into_response(&req);
        let cache = if immutable { "public, max-age=31536000, immutable" } else { "no-cache" };
        res.headers_mut().insert(header::CACHE_CONTROL, header::HeaderValue::from_static(cache));
        if immutable {
            res.headers_mut().insert(header::VARY, header::HeaderValue::from_static("accept-encoding"));
        }
        return Ok(res);
    }
    // A missing asset is a 404; any other path is a client-side route of the SPA.
    if path.starts_with("/assets/") {
        return Err(AppError::NotFound.into());
    }
    let index = dir.join("index.html");
    match tokio::fs::read(&index).await {
        Ok(body) => {
            let body = if config.dev_mode { mark_dev_mode(body) } else { body };
            Ok(HttpResponse::Ok().content_type("text/html; charset=utf-8").insert_header((header::CACHE_CONTROL, "no-cache")).body(body))
        }
        Err(_) => Ok(HttpResponse::Ok().content_type("text/html; charset=utf-8").body(
            "<!doctype html><html lang=\"en\"><title>Sitecard</title><main><h1>Sitecard</h1><p>The web app is not built. Run <code>make run</code>. The API is at <a href=\"/docs/\">/docs/</a>.</p></main></html>",
        )),
    }
}

/// Tells the web app that this server runs in development mode (it shows the dev outbox link), so it does not
/// have to ask with a request on every page load.
fn mark_dev_mode(html: Vec<u8>) -> Vec<u8> {
    const MARK: &[u8] = b"<meta name=\"sitecard-dev\" content=\"1\">";
    match html.windows(7).position(|w| w.eq_ignore_ascii_case(b"</head>")) {
        Some(at) => [&html[..at], MARK, &html[at..]].concat(),
        None => html,
    }
}

/// The Brotli or gzip copy the SPA build wrote beside an asset (`frontend/scripts/precompress.mjs`), if the client
/// accepts it: Brotli first, it is smaller.
fn precompressed(file: &Path, accept_encoding: &str) -> Option<(PathBuf, header::ContentEncoding)> {
    let accepts = |coding: &str| {
        accept_encoding.split(',').any(|part| {
            let mut it = part.split(';');
            let name = it.next().unwrap_or_default().trim();
            // `q=0` means "not this one".
            let refused = it.any(|p| p.trim().strip_prefix("q=").is_some_and(|q| q.trim().parse::<f32>().is_ok_and(|q| q == 0.0)));
            name.eq_ignore_ascii_case(coding) && !refused
        })
    };
    [("br", header::ContentEncoding::Brotli), ("gzip", header::ContentEncoding::Gzip)].into_iter().find_map(|(coding, encoding)| {
        let suffix = if coding == "br" { "br" } else { "gz" };
        let candidate = PathBuf::from(format!("{}.{suffix}", file.display()));
        (accepts(coding) && candidate.is_file()).then_some((candidate, encoding))
    })
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

//! What holds for every operation, written into each one so a generated client and a reader of one operation
//! both see it: servers, `security: []` on public operations, the `Idempotency-Key` parameter and the
//! `Idempotent-Replayed` and `Retry-After` headers, the problem+json body of every error answer, and an example
//! problem for every documented code.

use serde_json::{Map, Value, json};

const IDEMPOTENCY_RULES: &str = "Makes a retry safe. The first answer (status and body) to a request with this key is kept 24 hours and \
returned to every retry of the same request by the same caller (account or partner client), with `Idempotent-Replayed: true`; \
nothing is changed twice. \"The same request\" is the same method, path and body bytes: the same key with anything else \
is refused with 422 `idempotency_key_reused`. Keys are per caller (another caller's key never matches yours), at most \
200 characters (400 `invalid_idempotency_key`); use a fresh UUID per logical action, e.g. `6b1f0c2e-3a4d-4e5f-8a9b-0c1d2e3f4a5b`. Server errors (5xx) and 429 are not \
kept: retry them with the same key. Ignored where answers carry tokens, codes, secrets or PINs (`/auth/*`, `/accounts*`, \
`/oauth/token`, `/me/phone*`, `/me/password`, PIN views).";

pub fn complete(mut v: Value) -> Value {
    v["servers"] = json!([
        {"url": "/", "description": "The Sitecard instance serving this document (`/api/v1/openapi.json`)"},
        {"url": "http://127.0.0.1:8080", "description": "`make run` on your machine: demo data, dev mode (codes in `GET /api/v1/dev/outbox`)"},
    ]);
    let components = v["components"].as_object_mut().map(std::mem::take).unwrap_or_default();
    v["components"] = Value::Object(with_shared_components(components));
    if let Some(responses) = v.pointer_mut("/components/responses").and_then(Value::as_object_mut) {
        for (name, response) in responses.iter_mut() {
            if let Some(status) = standard_response_status(name) {
                add_problem_examples(status, response);
            }
        }
    }
    let Some(paths) = v.get_mut("paths").and_then(Value::as_object_mut) else { return v };
    for (path, item) in paths.iter_mut() {
        let Some(item) = item.as_object_mut() else { continue };
        for (method, op) in item.iter_mut() {
            if !matches!(method.as_str(), "get" | "put" | "post" | "patch" | "delete") {
                continue;
            }
            let Some(op) = op.as_object_mut() else { continue };
            if !op.contains_key("security") {
                // Public: say so, instead of leaving readers to guess whether a global requirement applies.
                op.insert("security".into(), json!([]));
            }
            // Binary uploads replace content and are idempotent by themselves; the middleware skips them.
            let binary_body =
                op.get("requestBody").and_then(|b| b["content"].as_object()).is_some_and(|c| !c.contains_key("application/json"));
            if method != "get" && !binary_body && !crate::idempotency::never_kept(path) {
                add_idempotency(op);
            }
            let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut) else { continue };
            for (status, response) in responses.iter_mut() {
                add_problem_body(status, response);
                add_problem_examples(status, response);
                if status == "429" {
                    add_header(response, "Retry-After", "RetryAfter");
                }
            }
        }
    }
    v
}

fn with_shared_components(mut components: Map<String, Value>) -> Map<String, Value> {
    let headers = components.entry("headers").or_insert_with(|| json!({}));
    headers["RetryAfter"] = json!({
        "description": "Seconds to wait before trying again.",
        "schema": {"type": "integer", "minimum": 1},
        "example": 60
    });
    headers["IdempotentReplayed"] = json!({
        "description": "`true` when this answer is the stored first answer to an earlier request with the same `Idempotency-Key`.",
        "schema": {"type": "string", "enum": ["true"]},
        "example": "true"
    });
    let parameters = components.entry("parameters").or_insert_with(|| json!({}));
    parameters["IdempotencyKey"] = json!({
        "name": "Idempotency-Key",
        "in": "header",
        "required": false,
        "description": IDEMPOTENCY_RULES,
        // No `example`: one fixed key reused across requests is exactly the misuse the key exists to catch
        // (422 `idempotency_key_reused`); the description shows the shape (a fresh UUID per action).
        // No `minLength` either: an empty key is the same as none.
        "schema": {"type": "string", "maxLength": 200}
    });
    let responses = components.entry("responses").or_insert_with(|| json!({}));
    responses["InvalidIdempotencyKey"] = problem_response("`invalid_idempotency_key`: the `Idempotency-Key` is longer than 200 characters");
    responses["IdempotencyKeyReused"] =
        problem_response("`idempotency_key_reused`: this `Idempotency-Key` was used for a different request by the same caller");
    components
}

/// Every error answer is problem+json: routes document a 4xx or 5xx with its status and description only, and
/// the body is written here, once.
fn add_problem_body(status: &str, response: &mut Value) {
    let error = status.parse::<u16>().is_ok_and(|s| s >= 400);
    if error
        && let Some(response) = response.as_object_mut()
        && !response.contains_key("content")
        && !response.contains_key("$ref")
    {
        response.insert("content".into(), json!({"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}));
    }
}

fn problem_response(description: &str) -> Value {
    json!({"description": description, "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}})
}

fn add_idempotency(op: &mut Map<String, Value>) {
    let params = op.entry("parameters").or_insert_with(|| json!([]));
    let Some(params) = params.as_array_mut() else { return };
    // An operation that declares the key itself (production events) gets the shared rules instead.
    params.retain(|p| !p["name"].as_str().is_some_and(|n| n.eq_ignore_ascii_case("idempotency-key")));
    params.push(json!({"$ref": "#/components/parameters/IdempotencyKey"}));
    if let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut) {
        // The key's own refusals, where the operation documents nothing else under those statuses.
        responses.entry("400").or_insert_with(|| json!({"$ref": "#/components/responses/InvalidIdempotencyKey"}));
        responses.entry("422").or_insert_with(|| json!({"$ref": "#/components/responses/IdempotencyKeyReused"}));
        for (status, response) in responses.iter_mut() {
            if status.starts_with('2') {
                add_header(response, "Idempotent-Replayed", "IdempotentReplayed");
            }
        }
    }
}

fn add_header(response: &mut Value, name: &str, component: &str) {
    if response.get("$ref").is_some() {
        return;
    }
    let Some(response) = response.as_object_mut() else { return };
    let headers = response.entry("headers").or_insert_with(|| json!({}));
    headers[name] = json!({"$ref": format!("#/components/headers/{component}")});
}

/// A problem response documents its codes in backticks before the first `:` ("`invalid_state`: the order
/// is confirmed"); each gets an example built by the same mapping the server answers with.
fn add_problem_examples(status: &str, response: &mut Value) {
    let Some(media) = response.pointer_mut("/content/application~1problem+json").and_then(Value::as_object_mut) else { return };
    if media.contains_key("example") || media.contains_key("examples") {
        return;
    }
    let Ok(status) = status.parse::<u16>() else { return };
    let description = response_description(response);
    let (codes, detail) = documented_codes(&description);
    let codes = if codes.is_empty() { vec![default_code(status).to_owned()] } else { codes };
    let mut examples = Map::new();
    for code in &codes {
        let problem = crate::error::example_problem(status, code, detail.as_deref());
        if let Ok(value) = serde_json::to_value(&problem) {
            examples.insert(code.clone(), json!({"summary": code, "value": value}));
        }
    }
    if let Some(media) = response.pointer_mut("/content/application~1problem+json").and_then(Value::as_object_mut) {
        media.insert("examples".into(), Value::Object(examples));
    }
}

fn response_description(response: &Value) -> String {
    response["description"].as_str().unwrap_or_default().to_owned()
}

/// The backticked snake_case codes named before the first `:` (text in parentheses aside), and the text after
/// the `:` when a single code is named.
pub(crate) fn documented_codes(description: &str) -> (Vec<String>, Option<String>) {
    let mut outside = String::new();
    let mut depth = 0;
    for c in description.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    let (head, tail) = match outside.split_once(':') {
        Some((h, t)) => (h.to_owned(), Some(t.trim().to_owned())),
        None => (outside.clone(), None),
    };
    let codes: Vec<String> = head
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|t| !t.is_empty() && t.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        .map(str::to_owned)
        .collect();
    let detail = if codes.len() == 1 { tail.filter(|t| !t.is_empty()) } else { None };
    (codes, detail)
}

/// The statuses of the shared responses `add_standard_responses` defines.
fn standard_response_status(name: &str) -> Option<&'static str> {
    Some(match name {
        "InvalidIdempotencyKey" => "400",
        "IdempotencyKeyReused" => "422",
        "BadRequest" => "400",
        "Unauthenticated" => "401",
        "Forbidden" => "403",
        "PayloadTooLarge" => "413",
        "UnsupportedMediaType" => "415",
        "ValidationFailed" => "422",
        _ => return None,
    })
}

fn default_code(status: u16) -> &'static str {
    match status {
        400 => "invalid_body",
        401 => "unauthenticated",
        403 => "forbidden",
        404 => "not_found",
        409 => "conflict",
        410 => "gone",
        412 => "precondition_failed",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        422 => "validation_failed",
        429 => "rate_limited",
        503 => "service_unavailable",
        _ => "internal_error",
    }
}

#[cfg(test)]
mod tests {
    use super::documented_codes;

    #[test]
    fn codes_come_from_backticks_before_the_colon() {
        let cases: [(&str, &[&str], Option<&str>); 5] = [
            ("`invalid_state`: the order is confirmed", &["invalid_state"], Some("the order is confirmed")),
            (
                "`photo_too_small`, `photo_not_portrait` or `photo_unreadable`",
                &["photo_too_small", "photo_not_portrait", "photo_unreadable"],
                None,
            ),
            ("`validation_failed`: out of range (`limit` 1..100)", &["validation_failed"], Some("out of range")),
            ("`malformed_json`, `invalid_body` (does not fit its `schema`)", &["malformed_json", "invalid_body"], None),
            ("No such order", &[], None),
        ];
        for (description, codes, detail) in cases {
            let (found, d) = documented_codes(description);
            assert_eq!(found, codes.iter().map(|c| c.to_string()).collect::<Vec<_>>(), "{description}");
            assert_eq!(d.as_deref(), detail, "{description}");
        }
    }
}

//! The GraphQL multipart request spec, as an SPA's upload client sends it.

use serde_json::{Map, Value, json};

use crate::common::Instance;

/// One file for the variable at `path` (e.g. `variables.input.attachments.0`).
pub struct FilePart {
    pub path: &'static str,
    pub file_name: &'static str,
    pub bytes: Vec<u8>,
}

pub fn file(path: &'static str, file_name: &'static str, bytes: &[u8]) -> FilePart {
    FilePart {
        path,
        file_name,
        bytes: bytes.to_vec(),
    }
}

/// Sends `query` with `files` in a multipart request; returns the HTTP status and body.
pub async fn upload(
    instance: &Instance,
    token: Option<&str>,
    query: &str,
    variables: Value,
    files: Vec<FilePart>,
) -> (u16, Value) {
    let mut map = Map::new();
    for (index, file) in files.iter().enumerate() {
        map.insert(index.to_string(), json!([file.path]));
    }
    let mut form = reqwest::multipart::Form::new()
        .text(
            "operations",
            json!({ "query": query, "variables": variables }).to_string(),
        )
        .text("map", Value::Object(map).to_string());
    for (index, file) in files.into_iter().enumerate() {
        let part = reqwest::multipart::Part::bytes(file.bytes)
            .file_name(file.file_name)
            .mime_str("application/octet-stream")
            .expect("mime");
        form = form.part(index.to_string(), part);
    }
    // Upload clients send a header a cross-site form cannot (the CSRF guard asks for it).
    let mut request = instance
        .http
        .post(instance.url("/graphql"))
        .header("x-deskql-csrf", "1")
        .multipart(form);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.expect("send");
    let status = response.status().as_u16();
    let body = response.json().await.unwrap_or(Value::Null);
    (status, body)
}

/// A 1×1 PNG.
pub const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae,
    0x42, 0x60, 0x82,
];

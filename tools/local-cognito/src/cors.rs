//! CORS and error headers as AWS's `cognito-idp` endpoint sends them, so the app reaches this
//! server cross-origin exactly as it reaches the real one (fakecloud alone has no CORS).

use axum::body::Body;
use axum::http::{HeaderMap, HeaderValue, Method, Request, Response, StatusCode, header};
use axum::middleware::Next;

const EXPOSED: &str = "x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date";

pub async fn answer_like_aws(request: Request<Body>, next: Next) -> Response<Body> {
    if request.method() == Method::OPTIONS {
        return preflight(request.headers());
    }
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    // AWS names the error in x-amzn-ErrorType ("Code:"); fakecloud in x-amz-error-code.
    if let Some(code) = headers
        .get("x-amz-error-code")
        .and_then(|v| v.to_str().ok())
    {
        if let Ok(value) = HeaderValue::from_str(&format!("{code}:")) {
            headers.insert("x-amzn-errortype", value);
        }
    }
    if let Some(message) = headers.get("x-amz-error-message").cloned() {
        headers.insert("x-amzn-errormessage", message);
    }
    allow_any_origin(headers);
    response
}

fn preflight(request: &HeaderMap) -> Response<Body> {
    let asked = request
        .get(header::ACCESS_CONTROL_REQUEST_HEADERS)
        .cloned()
        .unwrap_or(HeaderValue::from_static("content-type,x-amz-target"));
    let mut response = Response::new(Body::empty());
    *response.status_mut() = StatusCode::OK;
    let headers = response.headers_mut();
    allow_any_origin(headers);
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_METHODS,
        HeaderValue::from_static("GET, POST"),
    );
    headers.insert(header::ACCESS_CONTROL_ALLOW_HEADERS, asked);
    headers.insert(
        header::ACCESS_CONTROL_MAX_AGE,
        HeaderValue::from_static("86400"),
    );
    response
}

fn allow_any_origin(headers: &mut HeaderMap) {
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    headers.insert(
        header::ACCESS_CONTROL_EXPOSE_HEADERS,
        HeaderValue::from_static(EXPOSED),
    );
}

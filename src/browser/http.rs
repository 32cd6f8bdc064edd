use crate::auth::HttpClient;
use crate::cognito::{HttpRequest, HttpResponse, TransportError};
use gloo_net::http::Request;
use gloo_timers::callback::Timeout;

/// `fetch` with a time limit: a request that has not answered in time is aborted.
#[derive(Debug, Clone)]
pub struct FetchClient {
    /// How long a request may take before it counts as a timeout.
    pub timeout_ms: u32,
}

impl Default for FetchClient {
    fn default() -> Self {
        Self { timeout_ms: 15_000 }
    }
}

impl HttpClient for FetchClient {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        let controller = web_sys::AbortController::new()
            .map_err(|_| TransportError::Network("this browser cannot send requests".into()))?;
        let signal = controller.signal();
        let mut builder = Request::post(&request.url).abort_signal(Some(&signal));
        for (name, value) in &request.headers {
            builder = builder.header(name, value);
        }
        let prepared = builder
            .body(request.body)
            .map_err(|e| TransportError::Network(e.to_string()))?;
        // Dropping the guard (on any return) cancels the pending abort.
        let _guard = Timeout::new(self.timeout_ms, move || controller.abort());
        let response = prepared.send().await.map_err(|e| {
            if signal.aborted() {
                TransportError::Timeout
            } else if !is_online() {
                TransportError::Network("the browser is offline".into())
            } else {
                TransportError::Network(e.to_string())
            }
        })?;
        let headers = response.headers().entries().collect();
        let status = response.status();
        let body = response.text().await.map_err(|_| {
            if signal.aborted() {
                TransportError::Timeout
            } else {
                TransportError::Network("the connection broke while reading the answer".into())
            }
        })?;
        Ok(HttpResponse {
            status,
            headers,
            body,
        })
    }
}

fn is_online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

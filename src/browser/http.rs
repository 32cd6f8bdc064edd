use crate::auth::HttpClient;
use crate::cognito::{HttpRequest, HttpResponse, TransportError};
use futures::FutureExt;
use futures::future::LocalBoxFuture;
use gloo_net::http::{Method, RequestBuilder};
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
    fn send(
        &self,
        request: HttpRequest,
    ) -> impl Future<Output = Result<HttpResponse, TransportError>> {
        self.fetch(Method::POST, request)
    }
}

impl FetchClient {
    /// GETs `url`, bypassing the HTTP cache (the app's own files, such as `config.json`).
    pub fn get(&self, url: &str) -> LocalBoxFuture<'static, Result<HttpResponse, TransportError>> {
        let request = HttpRequest {
            url: url.to_string(),
            headers: Vec::new(),
            body: String::new(),
        };
        self.fetch(Method::GET, request)
    }

    /// Every request the app sends, boxed so it is compiled once (bundle size).
    fn fetch(
        &self,
        method: Method,
        request: HttpRequest,
    ) -> LocalBoxFuture<'static, Result<HttpResponse, TransportError>> {
        let timeout_ms = self.timeout_ms;
        async move {
            let controller = web_sys::AbortController::new()
                .map_err(|_| TransportError::Network("this browser cannot send requests".into()))?;
            let signal = controller.signal();
            let mut builder = RequestBuilder::new(&request.url)
                .method(method.clone())
                .abort_signal(Some(&signal));
            for (name, value) in &request.headers {
                builder = builder.header(name, value);
            }
            // A GET revalidates (the app's own files change on deploy); Cognito's POSTs are
            // sent as they always were, with no cache mode (and so no added Cache-Control).
            let prepared = match method {
                Method::GET => builder.cache(web_sys::RequestCache::NoCache).build(),
                _ => builder.body(request.body),
            }
            .map_err(network_error)?;
            // Dropping the guard (on any return) cancels the pending abort.
            let _guard = Timeout::new(timeout_ms, move || controller.abort());
            let response = prepared.send().await.map_err(|e| {
                if signal.aborted() {
                    TransportError::Timeout
                } else if !is_online() {
                    TransportError::Network("the browser is offline".into())
                } else {
                    network_error(e)
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
        .boxed_local()
    }
}

/// What the browser said, as its own words (`TypeError: Failed to fetch`). Not gloo-net's
/// `Display`, which would link serde_json's error messages into the bundle for a JSON error
/// this client never meets (it reads bodies as text).
fn network_error(error: gloo_net::Error) -> TransportError {
    TransportError::Network(match error {
        gloo_net::Error::JsError(js) => js.name + ": " + &js.message,
        gloo_net::Error::GlooError(words) => words,
        gloo_net::Error::SerdeError(_) => "the request could not be encoded".into(),
    })
}

fn is_online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

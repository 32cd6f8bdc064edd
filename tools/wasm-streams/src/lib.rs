//! The part of `wasm-streams` 0.5 that Leptos's `server_fn` uses — a JS `ReadableStream` made
//! from a Rust `Stream`, and back — written without exported classes.
//!
//! Why: `leptos` turns on `server_fn`'s `browser` feature unconditionally, which links
//! `wasm-streams`. Its `#[wasm_bindgen]` classes are exports of the app's wasm, so their code
//! and the futures their vtables put in the function table stay in the bundle even though a
//! client-side app never streams a server function (2.6 KB brotli of wasm and JS glue). The app's
//! `Cargo.toml` patches this crate in its place; here the same calls are made with a closure
//! (`pull`) and a reader, generic code that is only compiled in when something calls it.
//! Checked in `tests/web.rs` (a stream made here is read back here).

use futures_util::stream::{self, Stream, StreamExt};
use js_sys::{Object, Promise, Reflect};
use std::cell::RefCell;
use std::pin::Pin;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{JsFuture, future_to_promise};
use web_sys::{ReadableStreamDefaultController, ReadableStreamDefaultReader};

/// A JS `ReadableStream`.
pub struct ReadableStream {
    raw: web_sys::ReadableStream,
}

impl ReadableStream {
    /// Wraps a stream made by the browser (e.g. a response's body).
    pub fn from_raw(raw: web_sys::ReadableStream) -> Self {
        Self { raw }
    }

    /// The JS stream, e.g. for a request's body.
    pub fn into_raw(self) -> web_sys::ReadableStream {
        self.raw
    }

    /// A JS stream whose chunks are `stream`'s items: the browser pulls the next one when it
    /// wants it; an `Err` item errors the JS stream, the end closes it.
    pub fn from_stream<St>(stream: St) -> Self
    where
        St: Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        let items: Rc<RefCell<Option<Pin<Box<St>>>>> =
            Rc::new(RefCell::new(Some(Box::pin(stream))));
        let pull = Closure::<dyn FnMut(ReadableStreamDefaultController) -> Promise>::new(
            move |controller: ReadableStreamDefaultController| {
                let items = items.clone();
                // The browser calls `pull` again only once this promise settles: the stream is
                // taken out for the wait and put back after it.
                future_to_promise(async move {
                    let taken = items.borrow_mut().take();
                    let Some(mut stream) = taken else {
                        return Err(JsValue::from_str("pulled while a pull was under way"));
                    };
                    let next = stream.next().await;
                    *items.borrow_mut() = Some(stream);
                    match next {
                        Some(Ok(chunk)) => controller.enqueue_with_chunk(&chunk)?,
                        Some(Err(error)) => return Err(error),
                        None => controller.close()?,
                    }
                    Ok(JsValue::UNDEFINED)
                })
            },
        );
        // The closure goes to JS (`into_js_value`) and Rust never frees it: a few bytes per
        // stream made, and a client-side app makes none.
        let source = Object::new();
        let _ = Reflect::set(&source, &"pull".into(), &pull.into_js_value());
        let raw = web_sys::ReadableStream::new_with_underlying_source(&source)
            .expect_throw("ReadableStream with a pull source");
        Self { raw }
    }

    /// The JS stream's chunks as a Rust stream; a read error is its last item.
    pub fn into_stream(self) -> impl Stream<Item = Result<JsValue, JsValue>> {
        let reader: ReadableStreamDefaultReader = self.raw.get_reader().unchecked_into();
        stream::unfold(Some(reader), |reader| async move {
            let reader = reader?;
            match JsFuture::from(reader.read()).await {
                Err(error) => Some((Err(error), None)),
                Ok(result) => {
                    let done = Reflect::get(&result, &"done".into()).ok()?.as_bool();
                    if done == Some(true) {
                        return None;
                    }
                    let value = Reflect::get(&result, &"value".into()).unwrap_or_default();
                    Some((Ok(value), Some(reader)))
                }
            }
        })
    }
}

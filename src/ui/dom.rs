//! The page's elements, made with web-sys and kept current by `crate::reactive`. Each
//! reactive text, attribute and redrawn part is one effect, owned by the effect or scope it
//! was made in — like every effect, listener and signal of that part — so a part that is
//! redrawn, or an app that is unmounted, drops all of them at once.
//!
//! It stands in for Leptos's renderer (tachys): that compiled build, rebuild and drop code for
//! every view type, a quarter of the bundle; here every view is the same few calls
//! (README "Bundle size").

pub use crate::reactive::keep;
use crate::reactive::{Scope, Signal, effect};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Document, Element, Event, EventTarget, HtmlInputElement, Node};

/// The page's document. (Here and below, `unwrap`: the app runs only in a page, which has a
/// window and a document and makes any element asked for.)
pub fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Calls `handler` on each `event` at `target` for as long as the part of the page being made;
/// then the listener is removed.
pub fn listen(target: &EventTarget, event: &'static str, handler: Box<dyn FnMut(Event)>) {
    struct Listener(EventTarget, &'static str, Closure<dyn FnMut(Event)>);
    impl Drop for Listener {
        fn drop(&mut self) {
            let _ = self
                .0
                .remove_event_listener_with_callback(self.1, self.2.as_ref().unchecked_ref());
        }
    }
    let closure = Closure::wrap(handler);
    let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    keep(Box::new(Listener(target.clone(), event, closure)));
}

/// A node being made: an element, or a fragment that holds several (its children move to
/// wherever it is added).
#[derive(Clone)]
pub struct El(Node);

/// A new `<tag>` element.
pub fn el(tag: &str) -> El {
    El(document().create_element(tag).unwrap().into())
}

/// A new SVG element.
pub fn svg(tag: &str) -> El {
    let made = document().create_element_ns(Some("http://www.w3.org/2000/svg"), tag);
    El(made.unwrap().into())
}

/// An empty fragment: several siblings, or nothing.
pub fn frag() -> El {
    El(document().create_document_fragment().into())
}

/// Words that follow what they read (the language, a signal): one type for every reactive text.
pub type Words = Box<dyn FnMut() -> String>;

impl El {
    fn element(&self) -> &Element {
        self.0.unchecked_ref()
    }

    /// Sets an attribute.
    pub fn attr(self, name: &str, value: &str) -> Self {
        let _ = self.element().set_attribute(name, value);
        self
    }

    /// Sets `class`.
    pub fn class(self, class: &str) -> Self {
        self.attr("class", class)
    }

    /// Sets `data-testid`, the name tests find it by.
    pub fn test_id(self, id: &str) -> Self {
        self.attr("data-testid", id)
    }

    /// Sets an attribute to `words`, kept current.
    pub fn attr_words(self, name: &'static str, mut words: Words) -> Self {
        let element = self.element().clone();
        effect(Box::new(move || {
            let _ = element.set_attribute(name, &words());
        }));
        self
    }

    /// Sets `name="true"` while `on` says so, and removes it otherwise (`disabled`,
    /// `aria-invalid`).
    pub fn flag(self, name: &'static str, on: impl FnMut() -> bool + 'static) -> Self {
        self.flag_dyn(name, Box::new(on))
    }

    fn flag_dyn(self, name: &'static str, mut on: Box<dyn FnMut() -> bool>) -> Self {
        let element = self.element().clone();
        effect(Box::new(move || {
            let _ = match on() {
                true => element.set_attribute(name, "true"),
                false => element.remove_attribute(name),
            };
        }));
        self
    }

    /// Adds a fixed text.
    pub fn text(self, text: &str) -> Self {
        let _ = self.0.append_child(&document().create_text_node(text));
        self
    }

    /// Adds `words` as a text, kept current.
    pub fn words(self, mut words: Words) -> Self {
        let text: Node = document().create_text_node("").into();
        let _ = self.0.append_child(&text);
        effect(Box::new(move || text.set_text_content(Some(&words()))));
        self
    }

    /// Adds `child` (a fragment's children).
    pub fn child(self, child: El) -> Self {
        self.add(&child);
        self
    }

    /// Adds `child` (a fragment's children) to this node, in place.
    pub fn add(&self, child: &El) {
        let _ = self.0.append_child(&child.0);
    }

    /// Adds a part drawn by `draw` and drawn again, whole, whenever a signal it read changes.
    /// What the previous drawing made (effects, listeners, signals) is dropped with it.
    /// `draw` should read untracked whatever must not redraw it.
    pub fn part(self, draw: impl FnMut() -> El + 'static) -> Self {
        self.part_dyn(Box::new(draw))
    }

    fn part_dyn(self, mut draw: Box<dyn FnMut() -> El>) -> Self {
        // The part is whatever lies between two empty comments, so a part inside it that was
        // redrawn meanwhile still goes with it.
        let (start, end) = (marker(), marker());
        let _ = self.0.append_child(&start);
        let _ = self.0.append_child(&end);
        effect(Box::new(move || {
            clear_between(&start, &end);
            if let Some(parent) = end.parent_node() {
                let _ = parent.insert_before(&draw().0, Some(&end));
            }
        }));
        self
    }

    /// Calls `handler` on each `event` here.
    pub fn on(self, event: &'static str, handler: impl FnMut(Event) + 'static) -> Self {
        listen(self.0.unchecked_ref(), event, Box::new(handler));
        self
    }

    /// An input whose value is `value`'s, both ways.
    pub fn bind(self, value: Signal<String>) -> Self {
        let input: HtmlInputElement = self.0.clone().unchecked_into();
        let typed = input.clone();
        effect(Box::new(move || input.set_value(&value.get())));
        self.on("input", move |_| value.set(typed.value()))
    }
}

/// An empty comment, which marks where a part begins or ends.
fn marker() -> Node {
    document().create_comment("").into()
}

/// Removes the nodes between `start` and `end`, its siblings.
fn clear_between(start: &Node, end: &Node) {
    while let Some(next) = start.next_sibling() {
        if next.is_same_node(Some(end)) {
            break;
        }
        let _ = start.parent_node().map(|parent| parent.remove_child(&next));
    }
}

/// A page made by [`mount`]; dropping it removes the page and everything it keeps.
pub struct Mounted {
    /// Dropped after `drop` below: everything the page kept goes with it.
    _scope: Scope,
    start: Node,
    end: Node,
}

/// Makes the page `make` describes, in a new scope (which keeps its effects and listeners),
/// and adds it at the end of `parent`.
pub fn mount(parent: &Element, make: impl FnOnce() -> El) -> Mounted {
    // Effects redraw on the browser's next microtask, after the handler that changed a signal.
    crate::reactive::set_schedule(|| wasm_bindgen_futures::spawn_local(flush()));
    let scope = Scope::new();
    let made = scope.run(make);
    let (start, end) = (marker(), marker());
    let _ = parent.append_child(&start);
    let _ = parent.append_child(&made.0);
    let _ = parent.append_child(&end);
    Mounted {
        _scope: scope,
        start,
        end,
    }
}

async fn flush() {
    crate::reactive::flush();
}

impl Drop for Mounted {
    fn drop(&mut self) {
        clear_between(&self.start, &self.end);
        for marker in [&self.start, &self.end] {
            let _ = marker
                .parent_node()
                .map(|parent| parent.remove_child(marker));
        }
    }
}

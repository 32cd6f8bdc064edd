//! Signals and effects, the small reactive core the UI runs on — pure Rust, tested on the host.
//!
//! - A [`Signal`] holds a value. Read inside an effect ([`Signal::get`], [`Signal::with`]), it
//!   makes that effect run again after it is set; the `_untracked` reads never do.
//! - An [`effect`] runs at once, and again after a signal it read changes: not at once but when
//!   the runtime is flushed — in the page, on the next microtask (`ui::dom` sets that up with
//!   [`set_schedule`]), so an event handler finishes before anything it changed is redrawn, and
//!   several changes redraw once. Effects due together run oldest first, so a part of the page
//!   is redrawn before the parts inside it (which its redrawing drops).
//! - What is made while an effect runs — signals, effects, and what is [`keep`]ed (listeners,
//!   timers) — belongs to it, and is dropped when it runs again; what is made in
//!   [`Scope::run`] is dropped with the [`Scope`].
//!
//! Leptos's reactive graph did this before; this core does what the app uses of it in about a
//! quarter of its bytes (README "Bundle size"). Values are kept type-erased (`Rc<dyn Any>`), so
//! only a downcast is compiled per value type.

use std::any::Any;
use std::cell::RefCell;
use std::marker::PhantomData;
use std::mem::take;
use std::rc::Rc;

/// A node of the runtime: a slot and the generation of its current occupant, so a handle to
/// something dropped never reaches what took its slot.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Id {
    slot: u32,
    generation: u32,
}

/// A signal (it has a value), an effect (it has a `run`) or a scope (neither).
#[derive(Default)]
struct Node {
    generation: u32,
    live: bool,
    /// When it was made (a count): the order effects due together run in.
    made: u64,
    value: Option<Rc<dyn Any>>,
    run: Option<Box<dyn FnMut()>>,
    /// A signal's readers: the effects to run after it changes.
    readers: Vec<Id>,
    /// An effect's sources: the signals it read on its last run.
    sources: Vec<Id>,
    /// What was made while it ran (or in the scope): dropped with it.
    owned: Vec<Id>,
    kept: Vec<Box<dyn Any>>,
}

#[derive(Default)]
struct Runtime {
    nodes: Vec<Node>,
    free: Vec<u32>,
    made: u64,
    /// The effects to run at the next flush, oldest first: (made, id).
    due: Vec<(u64, Id)>,
    /// Where what is made now belongs.
    owner: Option<Id>,
    /// The effect that reads now, if reads are tracked.
    reader: Option<Id>,
    schedule: Option<fn()>,
    flushing: bool,
}

thread_local! {
    static RUNTIME: RefCell<Runtime> = RefCell::default();
}

/// What a node held when it was dropped or cleaned: dropped only after the runtime is no
/// longer borrowed, since dropping it may run code (a listener removes itself).
type Garbage = Vec<Box<dyn Any>>;

fn with<R>(f: impl FnOnce(&mut Runtime) -> R) -> R {
    RUNTIME.with(|runtime| f(&mut runtime.borrow_mut()))
}

impl Runtime {
    fn node(&mut self, id: Id) -> Option<&mut Node> {
        let node = self.nodes.get_mut(id.slot as usize)?;
        (node.live && node.generation == id.generation).then_some(node)
    }

    fn make(&mut self, value: Option<Rc<dyn Any>>, run: Option<Box<dyn FnMut()>>) -> Id {
        self.made += 1;
        let slot = self.free.pop().unwrap_or_else(|| {
            self.nodes.push(Node::default());
            self.nodes.len() as u32 - 1
        });
        let node = &mut self.nodes[slot as usize];
        (node.live, node.made, node.value, node.run) = (true, self.made, value, run);
        let id = Id {
            slot,
            generation: node.generation,
        };
        if let Some(owner) = self.owner.and_then(|owner| self.node(owner)) {
            owner.owned.push(id);
        }
        id
    }

    /// Drops what `id` made and kept, and forgets what it read; `id` itself stays.
    fn clean(&mut self, id: Id, garbage: &mut Garbage) {
        let Some(node) = self.node(id) else { return };
        let (owned, sources) = (take(&mut node.owned), take(&mut node.sources));
        garbage.append(&mut node.kept);
        for source in sources {
            if let Some(source) = self.node(source) {
                source.readers.retain(|reader| *reader != id);
            }
        }
        for child in owned {
            self.drop_node(child, garbage);
        }
    }

    /// Drops `id` and everything it made.
    fn drop_node(&mut self, id: Id, garbage: &mut Garbage) {
        self.clean(id, garbage);
        let Some(node) = self.node(id) else { return };
        node.live = false;
        node.generation = node.generation.wrapping_add(1);
        node.readers.clear();
        garbage.extend(
            node.value
                .take()
                .map(|value| Box::new(value) as Box<dyn Any>),
        );
        garbage.extend(node.run.take().map(|run| Box::new(run) as Box<dyn Any>));
        self.free.push(id.slot);
    }

    /// Queues the readers of `id`; true if the queue was empty and nothing flushes it yet.
    fn changed(&mut self, id: Id) -> bool {
        let Some(node) = self.node(id) else {
            return false;
        };
        let readers = node.readers.clone();
        let was_idle = self.due.is_empty() && !self.flushing;
        for reader in readers {
            let Some(made) = self.node(reader).map(|node| node.made) else {
                continue;
            };
            let at = self.due.partition_point(|(due, _)| *due < made);
            if self.due.get(at).is_none_or(|(due, _)| *due != made) {
                self.due.insert(at, (made, reader));
            }
        }
        was_idle && !self.due.is_empty()
    }
}

/// Sets how a flush is asked for once an effect is due (the page: on the next microtask).
/// With none set, nothing runs until [`flush`] is called.
pub fn set_schedule(schedule: fn()) {
    with(|runtime| runtime.schedule = Some(schedule));
}

/// Runs the effects that are due, oldest first, until none is (an effect may set a signal).
pub fn flush() {
    if with(|runtime| std::mem::replace(&mut runtime.flushing, true)) {
        return;
    }
    while let Some(id) = with(|runtime| (!runtime.due.is_empty()).then(|| runtime.due.remove(0).1))
    {
        run(id);
    }
    with(|runtime| runtime.flushing = false);
}

/// Runs effect `id` (if it still exists), owning and tracking what its run makes and reads.
fn run(id: Id) {
    let mut garbage = Garbage::new();
    let taken = with(|runtime| {
        runtime.clean(id, &mut garbage);
        let run = runtime.node(id)?.run.take()?;
        let outer = (runtime.owner.replace(id), runtime.reader.replace(id));
        Some((run, outer))
    });
    drop(garbage);
    let Some((mut run, (owner, reader))) = taken else {
        return;
    };
    run();
    let dropped_meanwhile = with(|runtime| {
        (runtime.owner, runtime.reader) = (owner, reader);
        match runtime.node(id) {
            Some(node) => node.run = Some(run),
            None => return Some(run),
        }
        None
    });
    drop(dropped_meanwhile);
}

/// Runs `run` now, and again after a signal it read changes, for as long as what is being
/// made (the effect or scope running now) lasts.
pub fn effect(run: Box<dyn FnMut()>) {
    let id = with(|runtime| runtime.make(None, Some(run)));
    self::run(id);
}

/// Keeps `thing` (a listener, a timer) for as long as what is being made: dropped when the
/// effect running now runs again or is dropped, or with the scope running now. Made outside
/// any, it is dropped at once (debug builds say so).
pub fn keep(thing: Box<dyn Any>) {
    let refused = with(
        |runtime| match runtime.owner.and_then(|owner| runtime.node(owner)) {
            Some(owner) => {
                owner.kept.push(thing);
                None
            }
            None => Some(thing),
        },
    );
    debug_assert!(refused.is_none(), "kept outside any effect or scope");
    drop(refused);
}

/// Runs `f` with its reads untracked: whatever it reads, the effect running now will not run
/// again for it (what it makes still belongs to that effect).
pub fn untrack<R>(f: impl FnOnce() -> R) -> R {
    let reader = with(|runtime| runtime.reader.take());
    let result = f();
    with(|runtime| runtime.reader = reader);
    result
}

/// Owns what is made in [`Scope::run`] (a mounted page), until it is dropped.
pub struct Scope(Id);

impl Scope {
    /// A new scope (itself owned by the effect or scope running now, if any).
    pub fn new() -> Self {
        Self(with(|runtime| runtime.make(None, None)))
    }

    /// Runs `f`, whose signals, effects and kept things belong to this scope.
    pub fn run<R>(&self, f: impl FnOnce() -> R) -> R {
        let outer = with(|runtime| (runtime.owner.replace(self.0), runtime.reader.take()));
        let result = f();
        with(|runtime| (runtime.owner, runtime.reader) = outer);
        result
    }
}

impl Default for Scope {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for Scope {
    fn drop(&mut self) {
        let mut garbage = Garbage::new();
        with(|runtime| runtime.drop_node(self.0, &mut garbage));
    }
}

/// A value that effects can follow; `Copy`, and dropped with the effect or scope it was made
/// in (reading it after that panics; [`Signal::is_alive`] says whether it is).
pub struct Signal<T> {
    id: Id,
    ty: PhantomData<fn() -> T>,
}

impl<T> Clone for Signal<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Signal<T> {}

/// The value of signal `id`, subscribing the effect running now if `track`. Not generic: the
/// code for each value type is only the downcast.
fn read(id: Id, track: bool) -> Option<Rc<dyn Any>> {
    with(|runtime| {
        let value = runtime.node(id)?.value.clone();
        if let Some(reader) = runtime.reader.filter(|_| track)
            && let Some(node) = runtime.node(reader)
            && !node.sources.contains(&id)
        {
            node.sources.push(id);
            runtime.node(id)?.readers.push(reader);
        }
        value
    })
}

/// Signal `id` was set: its readers are due (and a flush asked for, if none is yet).
fn changed(id: Id) {
    let (ask, schedule) = with(|runtime| (runtime.changed(id), runtime.schedule));
    if let Some(schedule) = schedule.filter(|_| ask) {
        schedule();
    }
}

impl<T: 'static> Signal<T> {
    /// A signal holding `value`, belonging to what is being made.
    pub fn new(value: T) -> Self {
        let value: Rc<dyn Any> = Rc::new(RefCell::new(value));
        Self {
            id: with(|runtime| runtime.make(Some(value), None)),
            ty: PhantomData,
        }
    }

    fn cell(self, track: bool) -> Option<Rc<RefCell<T>>> {
        read(self.id, track)?.downcast().ok()
    }

    /// `f` of the value, if the signal still exists; untracked.
    pub fn try_with_untracked<R>(self, f: impl FnOnce(&T) -> R) -> Option<R> {
        Some(f(&self.cell(false)?.borrow()))
    }

    /// `f` of the value (tracked).
    ///
    /// # Panics
    /// When the signal was dropped.
    pub fn with<R>(self, f: impl FnOnce(&T) -> R) -> R {
        f(&self.cell(true).unwrap().borrow())
    }

    /// `f` of the value, untracked.
    ///
    /// # Panics
    /// When the signal was dropped.
    pub fn with_untracked<R>(self, f: impl FnOnce(&T) -> R) -> R {
        self.try_with_untracked(f).unwrap()
    }

    /// Whether the signal still exists (what it was made in has not been dropped).
    pub fn is_alive(self) -> bool {
        self.try_with_untracked(|_| ()).is_some()
    }

    /// Changes the value in place; its readers run at the next flush. Does nothing once the
    /// signal was dropped (a late callback of a page that is gone).
    pub fn update(self, f: impl FnOnce(&mut T)) {
        if let Some(cell) = self.cell(false) {
            f(&mut cell.borrow_mut());
            changed(self.id);
        }
    }

    /// Sets the value; its readers run at the next flush.
    pub fn set(self, value: T) {
        self.update(|held| *held = value);
    }
}

impl<T: Clone + 'static> Signal<T> {
    /// The value (tracked).
    pub fn get(self) -> T {
        self.with(T::clone)
    }

    /// The value, untracked.
    pub fn get_untracked(self) -> T {
        self.with_untracked(T::clone)
    }
}

#[cfg(test)]
mod tests;

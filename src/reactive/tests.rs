use super::*;
use std::cell::Cell;

/// A counter the test reads back after moving a clone into an effect.
fn counter() -> (Rc<Cell<u32>>, Rc<Cell<u32>>) {
    let count = Rc::new(Cell::new(0));
    (count.clone(), count)
}

fn bump(count: &Cell<u32>) {
    count.set(count.get() + 1);
}

/// Dropped when what kept it is dropped: counts that.
struct Dropped(Rc<Cell<u32>>);

impl Drop for Dropped {
    fn drop(&mut self) {
        bump(&self.0);
    }
}

#[test]
fn an_effect_runs_at_once_and_again_at_the_flush_after_what_it_read_changes() {
    let scope = Scope::new();
    let (runs, seen) = counter();
    let (value, shown) = (Signal::new(1), Rc::new(Cell::new(0)));
    let out = shown.clone();
    scope.run(|| {
        effect(Box::new(move || {
            bump(&runs);
            out.set(value.get());
        }))
    });
    assert_eq!((seen.get(), shown.get()), (1, 1));
    value.set(2);
    value.set(3);
    assert_eq!(seen.get(), 1, "an effect runs at the flush, not at the set");
    flush();
    assert_eq!((seen.get(), shown.get()), (2, 3), "two sets, one run");
    flush();
    assert_eq!(seen.get(), 2, "nothing changed, nothing runs");
}

#[test]
fn untracked_reads_never_run_an_effect_again() {
    let scope = Scope::new();
    let (runs, seen) = counter();
    let (a, b) = (Signal::new(0), Signal::new(0));
    scope.run(|| {
        effect(Box::new(move || {
            bump(&runs);
            a.get_untracked();
            b.with_untracked(|_| ());
            untrack(|| a.get() + b.get());
        }))
    });
    a.set(1);
    b.set(1);
    flush();
    assert_eq!(seen.get(), 1);
}

#[test]
fn an_effect_follows_only_what_its_last_run_read() {
    let scope = Scope::new();
    let (runs, seen) = counter();
    let (use_a, a, b) = (Signal::new(true), Signal::new(0), Signal::new(0));
    scope.run(|| {
        effect(Box::new(move || {
            bump(&runs);
            if use_a.get() {
                a.get()
            } else {
                b.get()
            };
        }))
    });
    b.set(1);
    flush();
    assert_eq!(seen.get(), 1, "b was not read");
    use_a.set(false);
    flush();
    a.set(1);
    flush();
    assert_eq!(seen.get(), 2, "a is no longer read");
    b.set(2);
    flush();
    assert_eq!(seen.get(), 3);
}

#[test]
fn a_rerun_drops_what_the_last_run_made_and_kept() {
    let scope = Scope::new();
    let (outer, inner) = (Signal::new(0), Signal::new(0));
    let (inner_runs, inner_seen) = counter();
    let (drops, dropped) = counter();
    let made = Rc::new(Cell::new(None));
    let made_in = made.clone();
    scope.run(|| {
        effect(Box::new(move || {
            outer.get();
            made_in.set(Some(Signal::new("made in the run")));
            keep(Box::new(Dropped(drops.clone())));
            let runs = inner_runs.clone();
            effect(Box::new(move || {
                bump(&runs);
                inner.get();
            }));
        }))
    });
    let first = made.get().unwrap();
    assert_eq!((inner_seen.get(), dropped.get()), (1, 0));
    outer.set(1);
    flush();
    assert_eq!(
        dropped.get(),
        1,
        "the kept thing of the first run is dropped"
    );
    assert!(
        !first.is_alive(),
        "the signal made in the first run is dropped"
    );
    assert!(made.get().unwrap().is_alive());
    assert_eq!(inner_seen.get(), 2, "the inner effect was made again");
    inner.set(1);
    flush();
    assert_eq!(inner_seen.get(), 3, "only the newest inner effect runs");
}

#[test]
fn effects_due_together_run_oldest_first_so_an_inner_one_dropped_meanwhile_never_runs() {
    let scope = Scope::new();
    let (outer, inner) = (Signal::new(0), Signal::new(0));
    let (order, seen) = (Rc::new(RefCell::new(Vec::new())), Rc::new(Cell::new(0)));
    let log = order.clone();
    let inner_seen = seen.clone();
    scope.run(|| {
        effect(Box::new(move || {
            log.borrow_mut().push(format!("outer {}", outer.get()));
            let (log, seen) = (log.clone(), inner_seen.clone());
            effect(Box::new(move || {
                bump(&seen);
                log.borrow_mut().push(format!("inner {}", inner.get()));
            }));
        }))
    });
    // The inner effect is due first, the outer one second.
    inner.set(1);
    outer.set(1);
    flush();
    assert_eq!(
        *order.borrow(),
        ["outer 0", "inner 0", "outer 1", "inner 1"],
        "the old inner effect did not run before (or after) the outer one dropped it"
    );
    assert_eq!(seen.get(), 2);
}

#[test]
fn a_signal_set_by_an_effect_runs_its_readers_in_the_same_flush() {
    let scope = Scope::new();
    let (source, copy) = (Signal::new(0), Signal::new(0));
    let shown = Rc::new(Cell::new(0));
    let out = shown.clone();
    scope.run(|| {
        effect(Box::new(move || out.set(copy.get())));
        effect(Box::new(move || copy.set(source.get() * 10)));
    });
    source.set(4);
    flush();
    assert_eq!(shown.get(), 40);
}

#[test]
fn dropping_the_scope_drops_everything_in_it_and_later_sets_do_nothing() {
    let scope = Scope::new();
    let (runs, seen) = counter();
    let (drops, dropped) = counter();
    let value = scope.run(|| {
        let value = Signal::new(0);
        keep(Box::new(Dropped(drops)));
        effect(Box::new(move || {
            bump(&runs);
            value.get();
        }));
        value
    });
    let outside = Signal::new(5);
    drop(scope);
    assert_eq!(dropped.get(), 1);
    assert!(!value.is_alive());
    assert_eq!(value.try_with_untracked(|v| *v), None);
    value.set(1);
    value.update(|v| *v += 1);
    flush();
    assert_eq!(seen.get(), 1, "the effect is gone");
    assert_eq!(
        outside.get_untracked(),
        5,
        "a signal made outside the scope stays"
    );
}

#[test]
fn a_handle_to_a_dropped_signal_never_reads_what_took_its_place() {
    let scope = Scope::new();
    let old = scope.run(|| Signal::new(1));
    drop(scope);
    let new = Signal::new(2);
    assert!(!old.is_alive());
    assert_eq!(new.get_untracked(), 2);
    old.set(3);
    assert_eq!(new.get_untracked(), 2);
}

thread_local! {
    static ASKED: Cell<u32> = const { Cell::new(0) };
}

#[test]
fn a_flush_is_asked_for_once_per_batch_of_changes() {
    set_schedule(|| ASKED.with(bump));
    let scope = Scope::new();
    let value = Signal::new(0);
    scope.run(|| effect(Box::new(move || value.with(|_| ()))));
    let unread = Signal::new(0);
    unread.set(1);
    assert_eq!(ASKED.with(Cell::get), 0, "no effect is due");
    value.set(1);
    value.set(2);
    assert_eq!(ASKED.with(Cell::get), 1);
    flush();
    value.set(3);
    assert_eq!(ASKED.with(Cell::get), 2);
}

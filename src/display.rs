//! How times read on screen. Pure, so it is tested on the host.

use crate::i18n::{Key, Text};

/// Time left on a token: `59:58`, `1:02:03`, or `expired`.
pub fn countdown(ms_left: i64) -> Text {
    if ms_left <= 0 {
        return Key::Expired.into();
    }
    let total = (ms_left + 999) / 1000;
    let (h, m, s) = (total / 3600, (total % 3600) / 60, total % 60);
    Text::Raw(if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m:02}:{s:02}")
    })
}

/// The countdown, or once the token has ended while a failing refresh waits for its next try,
/// when that is: `expired — retrying at 10:56:05`.
pub fn time_left(ms_left: i64, retry_at: Option<String>) -> Text {
    match retry_at {
        Some(at) if ms_left <= 0 => Text::with(Key::ExpiredRetrying, [Text::Raw(at)]),
        _ => countdown(ms_left),
    }
}

/// Server clock minus device clock, in words.
pub fn clock_drift(ms: i64) -> Text {
    let seconds = ms / 1000;
    match seconds {
        -1..=1 => Key::InStep.into(),
        s if s > 0 => Text::with(Key::DeviceBehind, [span(s)]),
        s => Text::with(Key::DeviceAhead, [span(-s)]),
    }
}

/// Rounded to the unit shown: a drift measured as 23 h 59 min 58 s reads "24 h".
fn span(seconds: i64) -> Text {
    let (unit, count) = match seconds {
        s if s < 120 => (Key::Seconds, s),
        s if s < 7200 => (Key::Minutes, (s + 30) / 60),
        s => (Key::Hours, (s + 1800) / 3600),
    };
    Text::with(unit, [Text::Raw(count.to_string())])
}

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;

    fn countdown(ms_left: i64) -> String {
        super::countdown(ms_left).render(Lang::En)
    }

    fn time_left(ms_left: i64, retry_at: Option<String>) -> String {
        super::time_left(ms_left, retry_at).render(Lang::En)
    }

    fn clock_drift(ms: i64) -> String {
        super::clock_drift(ms).render(Lang::En)
    }

    #[test]
    fn countdowns() {
        assert_eq!(countdown(3_600_000), "1:00:00");
        assert_eq!(countdown(3_599_001), "1:00:00");
        assert_eq!(countdown(3_599_000), "59:59");
        assert_eq!(countdown(61_000), "01:01");
        assert_eq!(countdown(1), "00:01");
        assert_eq!(countdown(0), "expired");
        assert_eq!(countdown(-5), "expired");
    }

    #[test]
    fn an_ended_token_says_when_the_next_try_is() {
        let at = || Some("10:56:05".to_string());
        assert_eq!(time_left(0, at()), "expired — retrying at 10:56:05");
        assert_eq!(time_left(-90_000, at()), "expired — retrying at 10:56:05");
        assert_eq!(time_left(0, None), "expired");
        // Still valid (a failure ahead of expiry): the countdown, not the retry.
        assert_eq!(time_left(61_000, at()), "01:01");
    }

    #[test]
    fn times_read_in_japanese_too() {
        let at = Some("10:56:05".to_string());
        assert_eq!(
            super::time_left(0, at).render(Lang::Ja),
            "期限切れ — 10:56:05 に再試行します"
        );
        assert_eq!(
            super::clock_drift(-600_000).render(Lang::Ja),
            "この端末はサーバーより 10分 進んでいます"
        );
    }

    #[test]
    fn drifts() {
        assert_eq!(clock_drift(400), "in step with the server");
        assert_eq!(clock_drift(-1_500), "in step with the server");
        assert_eq!(clock_drift(30_000), "device is 30 s behind the server");
        assert_eq!(
            clock_drift(-600_000),
            "device is 10 min ahead of the server"
        );
        assert_eq!(
            clock_drift(-86_400_000),
            "device is 24 h ahead of the server"
        );
    }
}

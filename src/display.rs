//! How times read on screen. Pure, so it is tested on the host.

/// Time left on a token: `59:58`, `1:02:03`, or `expired`.
pub fn countdown(ms_left: i64) -> String {
    if ms_left <= 0 {
        return "expired".to_string();
    }
    let total = (ms_left + 999) / 1000;
    let (h, m, s) = (total / 3600, (total % 3600) / 60, total % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m:02}:{s:02}")
    }
}

/// The countdown, or once the token has ended while a failing refresh waits for its next try,
/// when that is: `expired — retrying at 10:56:05`.
pub fn time_left(ms_left: i64, retry_at: Option<String>) -> String {
    match retry_at {
        Some(at) if ms_left <= 0 => format!("expired — retrying at {at}"),
        _ => countdown(ms_left),
    }
}

/// Server clock minus device clock, in words.
pub fn clock_drift(ms: i64) -> String {
    let seconds = ms / 1000;
    match seconds {
        -1..=1 => "in step with the server".to_string(),
        s if s > 0 => format!("device is {} behind the server", span(s)),
        s => format!("device is {} ahead of the server", span(-s)),
    }
}

/// Rounded to the unit shown: a drift measured as 23 h 59 min 58 s reads "24 h".
fn span(seconds: i64) -> String {
    match seconds {
        s if s < 120 => format!("{s} s"),
        s if s < 7200 => format!("{} min", (s + 30) / 60),
        s => format!("{} h", (s + 1800) / 3600),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

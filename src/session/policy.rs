//! How long the keep-alive waits after a failed refresh. Which failures end the session and
//! which are retried is the failure table in `auth/error.rs`.

/// How long to wait before retrying after `failures` transient failures in a row: doubling
/// from 2 s up to 2 min, spread by `jitter` (a random number in [0, 1)) over half to all of
/// that, so many tabs or clients do not retry in step.
pub fn retry_delay_ms(failures: u32, jitter: f64) -> u64 {
    const FIRST_MS: u64 = 2_000;
    const MAX_MS: u64 = 120_000;
    let ceiling = FIRST_MS
        .saturating_mul(1u64 << failures.saturating_sub(1).min(16))
        .min(MAX_MS);
    let spread = 0.5 + jitter.clamp(0.0, 1.0) / 2.0;
    (ceiling as f64 * spread) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_with_jitter_and_a_ceiling() {
        assert_eq!(retry_delay_ms(1, 0.0), 1_000);
        assert_eq!(retry_delay_ms(1, 0.999_999), 1_999);
        assert_eq!(retry_delay_ms(2, 0.0), 2_000);
        assert_eq!(retry_delay_ms(3, 0.0), 4_000);
        assert_eq!(retry_delay_ms(7, 1.0), 120_000);
        assert_eq!(retry_delay_ms(40, 1.0), 120_000);
        assert_eq!(retry_delay_ms(0, 1.0), 2_000);
    }
}

//! QR codes, drawn in the page as one SVG path: no network, no image file. Used for the
//! `otpauth://` URI of an authenticator-app setup.

use qrcodegen::{Mask, QrCode, QrCodeEcc, QrSegment, Version};

/// The white border around the code, in modules (the standard's quiet zone).
pub const QUIET_ZONE: usize = 4;

/// The data mask, fixed: any of the eight reads back, and choosing the best by the standard's
/// penalty rules would cost 0.6 KB brotli more for no scan a phone could not already make.
const MASK: u8 = 2;

/// A QR code's modules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrMatrix {
    size: usize,
    dark: Vec<bool>,
}

impl QrMatrix {
    /// The code for `text`, at error-correction level M (15% of it can be damaged); `None`
    /// when the text is too long for any QR code.
    pub fn encode(text: &str) -> Option<QrMatrix> {
        let segments = [QrSegment::make_bytes(text.as_bytes())];
        let code = QrCode::encode_segments_advanced(
            &segments,
            QrCodeEcc::Medium,
            Version::MIN,
            Version::MAX,
            Some(Mask::new(MASK)),
            false,
        )
        .ok()?;
        let size = code.size() as usize;
        let dark = (0..size * size)
            .map(|i| code.get_module((i % size) as i32, (i / size) as i32))
            .collect();
        Some(QrMatrix { size, dark })
    }

    /// Modules per side, without the quiet zone.
    pub fn size(&self) -> usize {
        self.size
    }

    /// Whether the module at column `x`, row `y` is dark.
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        self.dark[y * self.size + x]
    }

    /// The SVG `viewBox`: the code and its quiet zone, one unit per module.
    pub fn view_box(&self) -> String {
        let side = self.size + 2 * QUIET_ZONE;
        format!("0 0 {side} {side}")
    }

    /// The dark modules as one SVG path: each run of dark modules in a row is one rectangle.
    pub fn svg_path(&self) -> String {
        let mut path = String::new();
        for y in 0..self.size {
            let mut x = 0;
            while x < self.size {
                let start = x;
                while x < self.size && self.is_dark(x, y) {
                    x += 1;
                }
                if x > start {
                    let (px, py) = (start + QUIET_ZONE, y + QUIET_ZONE);
                    path.push_str(&format!("M{px} {py}h{}v1H{px}z", x - start));
                }
                x += 1;
            }
        }
        path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Draws the path's rectangles back into pixels (`scale` per module) and decodes them
    /// with a real QR reader.
    fn decode(code: &QrMatrix, scale: usize) -> String {
        let side = code.size() + 2 * QUIET_ZONE;
        let mut dark = vec![false; side * side];
        for rect in code.svg_path().split('z').filter(|r| !r.is_empty()) {
            let numbers: Vec<usize> = rect
                .split(|c: char| !c.is_ascii_digit())
                .filter(|n| !n.is_empty())
                .map(|n| n.parse().unwrap())
                .collect();
            let (x, y, width) = (numbers[0], numbers[1], numbers[2]);
            for i in 0..width {
                dark[y * side + x + i] = true;
            }
        }
        let pixels = side * scale;
        let mut image = rqrr::PreparedImage::prepare_from_greyscale(pixels, pixels, |x, y| {
            if dark[(y / scale) * side + x / scale] {
                0
            } else {
                255
            }
        });
        let grids = image.detect_grids();
        assert_eq!(grids.len(), 1, "one code in the picture");
        grids[0].decode().expect("a readable code").1
    }

    #[test]
    fn an_otpauth_uri_reads_back_from_the_drawn_code() {
        let uri = "otpauth://totp/Example%20Corp:ann%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Example%20Corp";
        let code = QrMatrix::encode(uri).unwrap();
        assert_eq!(decode(&code, 4), uri);
    }

    #[test]
    fn short_and_long_texts_read_back_and_the_size_grows_with_the_text() {
        let short = QrMatrix::encode("a").unwrap();
        assert_eq!(decode(&short, 3), "a");
        let text = "otpauth://totp/".to_string() + &"x".repeat(400);
        let long = QrMatrix::encode(&text).unwrap();
        assert!(long.size() > short.size());
        assert_eq!(decode(&long, 3), text);
    }

    #[test]
    fn a_text_too_long_for_any_code_is_refused() {
        assert_eq!(QrMatrix::encode(&"x".repeat(3000)), None);
    }

    #[test]
    fn finder_patterns_sit_in_three_corners_and_the_view_box_has_the_quiet_zone() {
        let code = QrMatrix::encode("hello").unwrap();
        let n = code.size();
        for (x, y) in [(0, 0), (n - 7, 0), (0, n - 7)] {
            assert!(code.is_dark(x, y) && code.is_dark(x + 6, y + 6));
            assert!(!code.is_dark(x + 1, y + 1) && code.is_dark(x + 3, y + 3));
        }
        assert!(!code.is_dark(n - 7, n - 7) || !code.is_dark(n - 6, n - 6));
        assert_eq!(code.view_box(), format!("0 0 {0} {0}", n + 8));
    }
}

//! Card portraits: decoded from the bytes (never trusting names or headers), checked for size and shape,
//! and re-encoded as a fresh JPEG so that metadata and anything appended to the file are gone.

use std::io::Cursor;

use image::{ImageFormat, ImageReader, Limits};
use sha2::{Digest, Sha256};

pub const MAX_BYTES: usize = 5 * 1024 * 1024;
pub const MIN_WIDTH: u32 = 600;
pub const MIN_HEIGHT: u32 = 800;
/// Larger sides are refused before decoding: a small file can declare a huge image (decompression bomb).
pub const MAX_SIDE: u32 = 8000;
/// So are more pixels than this, read from the header: decoding a 48-megapixel image took 10 s and 445 MiB. A
/// phone's default 12-megapixel photo passes; the portrait is stored at 900×1200 anyway.
pub const MAX_PIXELS: u64 = 16_000_000;
/// Decodes at the same time, across all uploads of this process: each may take up to `MAX_ALLOC`.
pub const MAX_DECODES_IN_FLIGHT: usize = 2;
/// What one decode may allocate (16 megapixels of 8-bit RGBA is 64 MiB).
const MAX_ALLOC: u64 = 96 * 1024 * 1024;
/// Stored portraits are scaled down to fit this box; printing needs no more.
pub const STORED_WIDTH: u32 = 900;
pub const STORED_HEIGHT: u32 = 1200;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PhotoError {
    #[error("only JPEG and PNG images are accepted")]
    Unsupported,
    #[error("the photo is larger than 5 MB, 16 megapixels or {MAX_SIDE} pixels a side")]
    TooLarge,
    #[error("the photo is {0}×{1} pixels; at least {MIN_WIDTH}×{MIN_HEIGHT} are needed")]
    TooSmall(u32, u32),
    #[error("the photo must be portrait (taller than wide)")]
    NotPortrait,
    #[error("the image cannot be read (damaged file?)")]
    Unreadable,
}

#[derive(Debug)]
pub struct Portrait {
    pub jpeg: Vec<u8>,
    pub sha256: String,
    pub width: u32,
    pub height: u32,
}

fn reader(bytes: &[u8], format: ImageFormat) -> ImageReader<Cursor<&[u8]>> {
    let mut r = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    r.limits(limits);
    r
}

/// Checks and re-encodes an uploaded portrait. CPU-bound: run it on the blocking pool.
pub fn process(bytes: &[u8]) -> Result<Portrait, PhotoError> {
    if bytes.len() > MAX_BYTES {
        return Err(PhotoError::TooLarge);
    }
    let format = match image::guess_format(bytes) {
        Ok(f @ (ImageFormat::Jpeg | ImageFormat::Png)) => f,
        _ => return Err(PhotoError::Unsupported),
    };
    let (w, h) = reader(bytes, format).into_dimensions().map_err(|e| match e {
        image::ImageError::Limits(_) => PhotoError::TooLarge,
        _ => PhotoError::Unreadable,
    })?;
    if w > MAX_SIDE || h > MAX_SIDE || u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(PhotoError::TooLarge);
    }
    if w < MIN_WIDTH || h < MIN_HEIGHT {
        return Err(PhotoError::TooSmall(w, h));
    }
    if h <= w {
        return Err(PhotoError::NotPortrait);
    }
    let img = reader(bytes, format).decode().map_err(|e| match e {
        image::ImageError::Limits(_) => PhotoError::TooLarge,
        _ => PhotoError::Unreadable,
    })?;
    let img = if img.width() > STORED_WIDTH || img.height() > STORED_HEIGHT {
        img.resize(STORED_WIDTH, STORED_HEIGHT, image::imageops::FilterType::Triangle)
    } else {
        img
    };
    let rgb = img.to_rgb8();
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90).encode_image(&rgb).map_err(|_| PhotoError::Unreadable)?;
    let sha256 = hex::encode(Sha256::digest(&jpeg));
    Ok(Portrait { jpeg, sha256, width: rgb.width(), height: rgb.height() })
}

/// A plain generated portrait (grey background, a darker head and shoulders) for the demo and tests.
pub fn generated_portrait(width: u32, height: u32, format: ImageFormat) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        let (cx, cy) = (width as f32 / 2.0, height as f32 * 0.38);
        let (dx, dy) = ((x as f32 - cx) / (width as f32 * 0.22), (y as f32 - cy) / (height as f32 * 0.2));
        let head = dx * dx + dy * dy < 1.0;
        let shoulders = y as f32 > height as f32 * 0.62 && ((x as f32 - cx).abs() < width as f32 * 0.4);
        if head || shoulders { image::Rgb([70, 80, 95]) } else { image::Rgb([215, 220, 228]) }
    });
    let mut out = Cursor::new(Vec::new());
    let _ = img.write_to(&mut out, format);
    out.into_inner()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn photo_rules_table() {
        let ok_png = generated_portrait(600, 800, ImageFormat::Png);
        let ok_jpg = generated_portrait(900, 1200, ImageFormat::Jpeg);
        let small = generated_portrait(300, 400, ImageFormat::Png);
        let landscape = generated_portrait(1000, 800, ImageFormat::Png);
        let mut truncated = ok_jpg.clone();
        truncated.truncate(200);
        // A small file whose header declares 5000×7000 (35 megapixels): refused from the header, never decoded.
        let huge = with_jpeg_size(ok_jpg.clone(), 5000, 7000);
        let cases: Vec<(&str, Vec<u8>, Result<(), PhotoError>)> = vec![
            ("png portrait", ok_png, Ok(())),
            ("jpeg portrait", ok_jpg, Ok(())),
            ("too small", small, Err(PhotoError::TooSmall(300, 400))),
            ("landscape", landscape, Err(PhotoError::NotPortrait)),
            ("text", b"hello, I am not an image".to_vec(), Err(PhotoError::Unsupported)),
            ("gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;".to_vec(), Err(PhotoError::Unsupported)),
            ("truncated jpeg", truncated, Err(PhotoError::Unreadable)),
            ("35 megapixels declared", huge, Err(PhotoError::TooLarge)),
        ];
        for (name, bytes, want) in cases {
            assert_eq!(process(&bytes).map(|_| ()), want, "{name}");
        }
    }

    /// The same JPEG with other dimensions in its start-of-frame header (no checksum covers them).
    fn with_jpeg_size(mut jpeg: Vec<u8>, width: u16, height: u16) -> Vec<u8> {
        let sof = jpeg.windows(2).position(|w| w[0] == 0xFF && (0xC0..=0xC2).contains(&w[1])).expect("a JPEG has a frame header");
        // Marker (2), length (2), precision (1), then height and width, big-endian.
        jpeg[sof + 5..sof + 7].copy_from_slice(&height.to_be_bytes());
        jpeg[sof + 7..sof + 9].copy_from_slice(&width.to_be_bytes());
        jpeg
    }

    #[test]
    fn reencoding_drops_appended_data_and_metadata() {
        let mut polyglot = generated_portrait(600, 800, ImageFormat::Jpeg);
        polyglot.extend_from_slice(b"PK\x03\x04<script>alert(1)</script>");
        let p = process(&polyglot).unwrap();
        assert!(!p.jpeg.windows(4).any(|w| w == b"PK\x03\x04"));
        assert!(!p.jpeg.windows(8).any(|w| w == b"<script>"));
        assert_eq!(image::guess_format(&p.jpeg).unwrap(), ImageFormat::Jpeg);
    }
}

//! Attachments chosen on the device: photos are shrunk before they are kept or sent. A phone
//! camera's 12-megapixel picture is 3–6 MB; at 1600 pixels on its long side a JPEG of a till's
//! screen is still readable and about a tenth of that, which matters on a shop's poor Wi-Fi
//! and in the browser's storage quota.

/// Longest side of a kept photo, in pixels.
pub const MAX_SIDE: u32 = 1600;
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
const JPEG_QUALITY: f64 = 0.85;

/// The size a `width` × `height` picture is drawn at: unchanged when it already fits.
pub fn fitted(width: u32, height: u32) -> (u32, u32) {
    let long = width.max(height);
    if long <= MAX_SIDE || long == 0 {
        return (width, height);
    }
    let scale = f64::from(MAX_SIDE) / f64::from(long);
    let w = (f64::from(width) * scale).round().max(1.0) as u32;
    let h = (f64::from(height) * scale).round().max(1.0) as u32;
    (w, h)
}

#[cfg(feature = "hydrate")]
pub use browser::shrink;

#[cfg(feature = "hydrate")]
mod browser {
    use super::JPEG_QUALITY;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{Blob, File, FilePropertyBag, HtmlCanvasElement};

    /// A photo made smaller (as JPEG); anything else, or a photo the browser cannot decode, as it
    /// came. Never fails: the original is always a usable answer.
    pub async fn shrink(file: File) -> File {
        if !file.type_().starts_with("image/") || file.type_() == "image/svg+xml" {
            return file;
        }
        match shrink_image(&file).await {
            Ok(Some(smaller)) if smaller.size() < file.size() => smaller,
            Ok(_) => file,
            Err(e) => {
                leptos::logging::warn!("photo kept at full size: {e:?}");
                file
            }
        }
    }

    async fn shrink_image(file: &File) -> Result<Option<File>, JsValue> {
        let window = web_sys::window().ok_or("no window")?;
        let bitmap: web_sys::ImageBitmap =
            wasm_bindgen_futures::JsFuture::from(window.create_image_bitmap_with_blob(file)?)
                .await?
                .dyn_into()?;
        let (w, h) = super::fitted(bitmap.width(), bitmap.height());
        if (w, h) == (bitmap.width(), bitmap.height()) && file.type_() == "image/jpeg" {
            return Ok(None);
        }
        let canvas: HtmlCanvasElement = window
            .document()
            .ok_or("no document")?
            .create_element("canvas")?
            .dyn_into()?;
        canvas.set_width(w);
        canvas.set_height(h);
        let context: web_sys::CanvasRenderingContext2d = canvas
            .get_context("2d")?
            .ok_or("no 2d context")?
            .dyn_into()?;
        context.draw_image_with_image_bitmap_and_dw_and_dh(
            &bitmap,
            0.0,
            0.0,
            f64::from(w),
            f64::from(h),
        )?;
        bitmap.close();
        let blob = to_blob(&canvas).await?;
        let name = super::jpeg_name(&file.name());
        let options = FilePropertyBag::new();
        options.set_type("image/jpeg");
        let parts = js_sys::Array::of1(&blob);
        Ok(Some(File::new_with_blob_sequence_and_options(
            &parts, &name, &options,
        )?))
    }

    /// `canvas.toBlob` as a future.
    async fn to_blob(canvas: &HtmlCanvasElement) -> Result<Blob, JsValue> {
        let (sender, receiver) = futures::channel::oneshot::channel::<JsValue>();
        let callback = wasm_bindgen::closure::Closure::once(move |blob: JsValue| {
            let _ = sender.send(blob);
        });
        canvas.to_blob_with_type_and_encoder_options(
            callback.as_ref().unchecked_ref(),
            "image/jpeg",
            &JsValue::from_f64(JPEG_QUALITY),
        )?;
        let blob = receiver
            .await
            .map_err(|_| JsValue::from_str("toBlob gave nothing"))?;
        drop(callback);
        blob.dyn_into::<Blob>()
    }
}

/// `IMG_2041.HEIC` → `IMG_2041.jpg`.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
fn jpeg_name(name: &str) -> String {
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let stem = if stem.is_empty() { "photo" } else { stem };
    format!("{stem}.jpg")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn photos_fit_in_the_longest_side_keeping_their_shape() {
        assert_eq!(fitted(4032, 3024), (1600, 1200));
        assert_eq!(fitted(3024, 4032), (1200, 1600));
        assert_eq!(fitted(800, 600), (800, 600));
        assert_eq!(fitted(1600, 10), (1600, 10));
        assert_eq!(fitted(16000, 1), (1600, 1));
        assert_eq!(jpeg_name("IMG_2041.HEIC"), "IMG_2041.jpg");
        assert_eq!(jpeg_name("screen"), "screen.jpg");
    }
}

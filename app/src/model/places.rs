//! Stores and their devices as administrators manage them, and a device's QR sticker.

use serde::{Deserialize, Serialize};

/// Stores per page of the administrators' list.
pub const STORES_PER_PAGE: u32 = 50;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoreAdminView {
    pub code: String,
    pub name: String,
    pub region: String,
    /// IANA name, e.g. Europe/Berlin.
    pub timezone: String,
    /// A business calendar of the service levels; `None` takes the store default.
    pub calendar: Option<String>,
    pub devices: u64,
    /// Bumped by every change (an edit or an import); an edit names the one it started from.
    #[serde(default)]
    pub revision: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeviceAdminView {
    pub tag: String,
    pub store: String,
    pub kind: String,
    pub model: String,
    pub name: String,
    /// Bumped by every change (an edit or an import); an edit names the one it started from.
    #[serde(default)]
    pub revision: i64,
}

/// A store's page for administrators: the store and its devices.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoreDetail {
    pub store: StoreAdminView,
    pub devices: Vec<DeviceAdminView>,
}

/// One printable sticker: a device, and the QR code of its "Report a fault" link.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sticker {
    pub device: DeviceAdminView,
    /// The absolute link the code opens.
    pub link: String,
    /// The code as an SVG document, drawn on the server.
    pub svg: String,
}

/// A store's sheet of stickers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StickerSheet {
    pub store: StoreAdminView,
    pub stickers: Vec<Sticker>,
}

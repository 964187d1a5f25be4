//! Stores and devices for administrators: the list with search, a store with its devices, CSV
//! imports (a dry run first, then all or nothing) and the QR stickers for a store's devices.
//! Changes through here are audited (`AuditKind::Import`, one entry per applied import).

use super::access::admin_only;
use super::audit::Actor;
use super::csv_import::{self, plan_rows, CsvRow, Refusal};
use super::internal;
use super::store::{Store, Written};
use crate::domain::priority::ServiceLevels;
use crate::i18n::{t_with, Arg};
use crate::model::{
    AppError, AppResult, AuditKind, DeviceAdminView, ImportFile, ImportReport, Page, Sticker,
    StickerSheet, StoreAdminView, StoreDetail, UserView, STORES_PER_PAGE,
};
use chrono::{DateTime, Utc};
use std::collections::{HashMap, HashSet};

const MAX_CODE_CHARS: usize = 16;
const MAX_TAG_CHARS: usize = 40;
const MAX_TEXT_CHARS: usize = 100;

/// One page of stores matching `text`.
pub async fn stores_page(
    store: &dyn Store,
    user: &UserView,
    text: Option<&str>,
    page: u32,
) -> AppResult<Page<StoreAdminView>> {
    admin_only(user)?;
    let page = page.max(1);
    let text = text.map(str::trim).filter(|t| !t.is_empty());
    let offset = u64::from(page - 1) * u64::from(STORES_PER_PAGE);
    let (items, total) = store
        .stores_page(text, offset, STORES_PER_PAGE)
        .await
        .map_err(internal)?;
    Ok(Page {
        items,
        page,
        per_page: STORES_PER_PAGE,
        total,
    })
}

/// Store `code` with its devices.
pub async fn store_detail(
    store: &dyn Store,
    user: &UserView,
    code: &str,
) -> AppResult<StoreDetail> {
    admin_only(user)?;
    let found = store
        .all_stores()
        .await
        .map_err(internal)?
        .into_iter()
        .find(|s| s.code == code)
        .ok_or_else(|| AppError::not_found(t_with("error-no-store", &[("token", code.into())])))?;
    let devices = store.devices(Some(code)).await.map_err(internal)?;
    Ok(StoreDetail {
        store: found,
        devices,
    })
}

/// The stickers of store `code`'s devices; each code opens `origin` + the device's "Report a
/// fault" link, with the store and device picked.
pub async fn stickers(
    store: &dyn Store,
    user: &UserView,
    code: &str,
    origin: &str,
) -> AppResult<StickerSheet> {
    let detail = store_detail(store, user, code).await?;
    let stickers = detail
        .devices
        .into_iter()
        .map(|device| {
            let link = format!(
                "{}/report?store={}&asset={}",
                origin.trim_end_matches('/'),
                crate::url::encode(&device.store),
                crate::url::encode(&device.tag)
            );
            let svg = qr_svg(&link)?;
            Ok(Sticker { device, link, svg })
        })
        .collect::<AppResult<Vec<_>>>()?;
    Ok(StickerSheet {
        store: detail.store,
        stickers,
    })
}

/// A QR code as SVG. Error correction M (15 %): a sticker on a till gets scuffed; the quiet
/// zone is part of the drawing, so a printed label scans however close its neighbour is.
fn qr_svg(data: &str) -> AppResult<String> {
    let code =
        qrcode::QrCode::with_error_correction_level(data, qrcode::EcLevel::M).map_err(internal)?;
    Ok(code
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(160, 160)
        .quiet_zone(true)
        .build())
}

/// Checks a stores CSV and, when `apply` is set and no row is refused, writes it.
pub async fn import_stores(
    store: &dyn Store,
    user: &UserView,
    levels: &ServiceLevels,
    text: &str,
    apply: bool,
    now: DateTime<Utc>,
) -> AppResult<ImportReport> {
    admin_only(user)?;
    let rows = csv_import::read_file(text, ImportFile::Stores)?;
    let stores = store.all_stores().await.map_err(internal)?;
    let calendars: Vec<&str> = levels.calendars.iter().map(|c| c.name.as_str()).collect();
    let plan = plan_stores(&rows, &stores, &calendars);
    csv_import::finish(
        &Actor::person(user),
        ImportFile::Stores,
        plan,
        &stores,
        |s| &s.code,
        apply,
        now,
        |planned, audit| async move { store.import_stores(&planned, &audit).await },
    )
    .await
}

/// Checks a devices CSV and, when `apply` is set and no row is refused, writes it.
pub async fn import_devices(
    store: &dyn Store,
    user: &UserView,
    text: &str,
    apply: bool,
    now: DateTime<Utc>,
) -> AppResult<ImportReport> {
    admin_only(user)?;
    let rows = csv_import::read_file(text, ImportFile::Devices)?;
    let stores = store.all_stores().await.map_err(internal)?;
    let devices = store.devices(None).await.map_err(internal)?;
    let codes: HashSet<&str> = stores.iter().map(|s| s.code.as_str()).collect();
    let plan = plan_devices(&rows, &devices, &codes);
    csv_import::finish(
        &Actor::person(user),
        ImportFile::Devices,
        plan,
        &devices,
        |d| &d.tag,
        apply,
        now,
        |planned, audit| async move { store.import_devices(&planned, &audit).await },
    )
    .await
}

/// What the form for one store sends: the columns of the stores file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StoreForm {
    pub code: String,
    pub name: String,
    pub region: String,
    pub timezone: String,
    pub calendar: String,
}

/// What the form for one device sends: the columns of the devices file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DeviceForm {
    pub tag: String,
    pub store: String,
    pub kind: String,
    pub model: String,
    pub name: String,
}

/// Refuses a save from a page opened at another revision than the record's; a new record
/// (`revision` 0) must not exist yet.
fn check_revision(what: &str, key: &str, current: Option<i64>, revision: i64) -> AppResult<()> {
    match (current, revision) {
        (Some(_), 0) => Err(AppError::invalid_field(
            if what == "store" { "code" } else { "tag" },
            t_with(
                "error-place-exists",
                &[("what", what.into()), ("key", key.into())],
            ),
        )),
        (None, r) if r != 0 => Err(AppError::not_found(t_with(
            "error-no-place",
            &[("what", what.into()), ("key", key.into())],
        ))),
        (Some(c), r) if c != r => Err(super::stale(what)),
        _ => Ok(()),
    }
}

/// Creates (`revision` 0) or edits one store, checked as an imported row is; answers the new
/// revision.
pub async fn save_store(
    store: &dyn Store,
    user: &UserView,
    levels: &ServiceLevels,
    form: StoreForm,
    revision: i64,
    now: DateTime<Utc>,
) -> AppResult<i64> {
    admin_only(user)?;
    let existing = store.all_stores().await.map_err(internal)?;
    let code = form.code.trim().to_string();
    let before = existing.iter().find(|s| s.code == code).cloned();
    check_revision(
        "store",
        &code,
        before.as_ref().map(|s| s.revision),
        revision,
    )?;
    let calendars: Vec<&str> = levels.calendars.iter().map(|c| c.name.as_str()).collect();
    let row = CsvRow::from_form(&[
        ("code", &code),
        ("name", &form.name),
        ("region", &form.region),
        ("timezone", &form.timezone),
        ("calendar", &form.calendar),
    ]);
    let Some(record) = csv_import::single(plan_stores(&[row], &existing, &calendars))? else {
        return Ok(revision);
    };
    let audit = Actor::person(user).saved(AuditKind::Store, &code, before.as_ref(), &record, now);
    match store
        .save_store(&record, revision, &audit)
        .await
        .map_err(internal)?
    {
        Written::Done { revision } => Ok(revision),
        Written::Stale { .. } => Err(super::stale("store")),
    }
}

/// Creates (`revision` 0) or edits one device, checked as an imported row is (its store must
/// exist); answers the new revision.
pub async fn save_device(
    store: &dyn Store,
    user: &UserView,
    form: DeviceForm,
    revision: i64,
    now: DateTime<Utc>,
) -> AppResult<i64> {
    admin_only(user)?;
    let existing = store.devices(None).await.map_err(internal)?;
    let tag = form.tag.trim().to_string();
    let before = existing.iter().find(|d| d.tag == tag).cloned();
    check_revision(
        "device",
        &tag,
        before.as_ref().map(|d| d.revision),
        revision,
    )?;
    let stores = store.all_stores().await.map_err(internal)?;
    let codes: HashSet<&str> = stores.iter().map(|s| s.code.as_str()).collect();
    let row = CsvRow::from_form(&[
        ("tag", &tag),
        ("store", &form.store),
        ("kind", &form.kind),
        ("model", &form.model),
        ("name", &form.name),
    ]);
    let Some(record) = csv_import::single(plan_devices(&[row], &existing, &codes))? else {
        return Ok(revision);
    };
    let audit = Actor::person(user).saved(AuditKind::Device, &tag, before.as_ref(), &record, now);
    match store
        .save_device(&record, revision, &audit)
        .await
        .map_err(internal)?
    {
        Written::Done { revision } => Ok(revision),
        Written::Stale { .. } => Err(super::stale("device")),
    }
}

/// Rows of a stores file checked against each other and the stored stores: the stores to
/// write (new or changed) and the report.
pub fn plan_stores(
    rows: &[CsvRow],
    existing: &[StoreAdminView],
    calendars: &[&str],
) -> (Vec<StoreAdminView>, ImportReport) {
    let stored: HashMap<&str, &StoreAdminView> =
        existing.iter().map(|s| (s.code.as_str(), s)).collect();
    let read = |row: &CsvRow| {
        let code = row.get("code");
        check_key("code", code, MAX_CODE_CHARS)?;
        check_text("name", row.get("name"))?;
        check_text("region", row.get("region"))?;
        check_timezone(row.get("timezone"))?;
        check_calendar(row.get("calendar"), calendars)?;
        Ok(StoreAdminView {
            code: code.into(),
            name: row.get("name").into(),
            region: row.get("region").into(),
            timezone: row.get("timezone").into(),
            calendar: Some(row.get("calendar").to_string()).filter(|c| !c.is_empty()),
            devices: 0,
            revision: stored.get(code).map_or(0, |s| s.revision),
        })
    };
    let same = |a: &StoreAdminView, b: &StoreAdminView| {
        (&a.name, &a.region, &a.timezone, &a.calendar)
            == (&b.name, &b.region, &b.timezone, &b.calendar)
    };
    plan_rows(rows, "store", &stored, |s| &s.code, read, same)
}

/// Rows of a devices file checked against each other, the stored devices and the stores.
pub fn plan_devices(
    rows: &[CsvRow],
    existing: &[DeviceAdminView],
    stores: &HashSet<&str>,
) -> (Vec<DeviceAdminView>, ImportReport) {
    let stored: HashMap<&str, &DeviceAdminView> =
        existing.iter().map(|d| (d.tag.as_str(), d)).collect();
    let read = |row: &CsvRow| {
        let (tag, store) = (row.get("tag"), row.get("store"));
        check_key("tag", tag, MAX_TAG_CHARS)?;
        check_text("kind", row.get("kind"))?;
        check_text("model", row.get("model"))?;
        if row.get("name").chars().count() > MAX_TEXT_CHARS {
            return Err((
                "name",
                t_with(
                    "error-column-long",
                    &[
                        ("column", "name".into()),
                        ("max", Arg::count(MAX_TEXT_CHARS)),
                    ],
                ),
            ));
        }
        if store.is_empty() {
            return Err((
                "store",
                t_with("error-column-empty", &[("column", "store".into())]),
            ));
        }
        if !stores.contains(store) {
            return Err((
                "store",
                t_with("error-no-store-yet", &[("token", store.into())]),
            ));
        }
        let name = match row.get("name") {
            "" => format!("{} {tag}", row.get("kind")),
            given => given.to_string(),
        };
        Ok(DeviceAdminView {
            tag: tag.into(),
            store: store.into(),
            kind: row.get("kind").into(),
            model: row.get("model").into(),
            name,
            revision: stored.get(tag).map_or(0, |d| d.revision),
        })
    };
    plan_rows(rows, "device", &stored, |d| &d.tag, read, |a, b| a == b)
}

/// A code or tag: printed on stickers and typed into links, so letters, digits, `-`, `_`, `.`.
fn check_key(column: &'static str, value: &str, max: usize) -> Result<(), Refusal> {
    check_key_words(column, value, max).map_err(|m| (column, m))
}

fn check_key_words(column: &str, value: &str, max: usize) -> Result<(), String> {
    if value.is_empty() {
        return Err(t_with("error-column-empty", &[("column", column.into())]));
    }
    if value.chars().count() > max {
        return Err(t_with(
            "error-value-long",
            &[
                ("column", column.into()),
                ("value", value.into()),
                ("max", Arg::count(max)),
            ],
        ));
    }
    if !value
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
    {
        return Err(t_with(
            "error-value-characters",
            &[("column", column.into()), ("value", value.into())],
        ));
    }
    Ok(())
}

fn check_text(column: &'static str, value: &str) -> Result<(), Refusal> {
    check_text_words(column, value).map_err(|m| (column, m))
}

fn check_text_words(column: &str, value: &str) -> Result<(), String> {
    if value.is_empty() {
        Err(t_with("error-column-empty", &[("column", column.into())]))
    } else if value.chars().count() > MAX_TEXT_CHARS {
        Err(t_with(
            "error-column-long",
            &[
                ("column", column.into()),
                ("max", Arg::count(MAX_TEXT_CHARS)),
            ],
        ))
    } else if value.chars().any(char::is_control) {
        Err(t_with("error-column-control", &[("column", column.into())]))
    } else {
        Ok(())
    }
}

fn check_timezone(value: &str) -> Result<(), Refusal> {
    value.parse::<chrono_tz::Tz>().map(|_| ()).map_err(|_| {
        (
            "timezone",
            t_with("error-not-a-zone", &[("value", value.into())]),
        )
    })
}

fn check_calendar(value: &str, calendars: &[&str]) -> Result<(), Refusal> {
    if value.is_empty() || calendars.contains(&value) {
        Ok(())
    } else {
        Err((
            "calendar",
            t_with(
                "error-no-calendar",
                &[
                    ("value", value.into()),
                    ("calendars", calendars.join(", ").into()),
                ],
            ),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(csv: &str, file: ImportFile) -> Vec<CsvRow> {
        let (required, optional) = file.columns();
        csv_import::read(csv, required, optional).unwrap()
    }

    fn store(code: &str, name: &str) -> StoreAdminView {
        StoreAdminView {
            code: code.into(),
            name: name.into(),
            region: "North".into(),
            timezone: "Europe/Berlin".into(),
            calendar: None,
            devices: 3,
            revision: 4,
        }
    }

    #[test]
    fn stores_are_created_changed_or_left_alone() {
        let existing = [store("S1", "Old name"), store("S2", "Same")];
        let (planned, report) = plan_stores(
            &rows(
                "code,name,region,timezone,calendar\n\
                 S1,New name,North,Europe/Berlin,\n\
                 S2,Same,North,Europe/Berlin,\n\
                 S3,Third,South,Europe/Vienna,stores\n",
                ImportFile::Stores,
            ),
            &existing,
            &["stores"],
        );
        assert_eq!(report.created, ["S3"]);
        assert_eq!(report.changed, ["S1"]);
        assert_eq!(report.unchanged, 1);
        assert!(report.refused.is_empty());
        assert_eq!(planned.len(), 2);
        assert_eq!(planned[1].calendar.as_deref(), Some("stores"));
    }

    #[test]
    fn each_store_refusal_names_its_line_and_reason() {
        let (_, report) = plan_stores(
            &rows(
                "code,name,region,timezone,calendar\n\
                 ,Nameless,North,Europe/Berlin,\n\
                 S 1,Space,North,Europe/Berlin,\n\
                 S2,,North,Europe/Berlin,\n\
                 S3,Three,,Europe/Berlin,\n\
                 S4,Four,North,Mars/Olympus,\n\
                 S5,Five,North,Europe/Berlin,lunar\n\
                 S6,Six,North,Europe/Berlin,\n\
                 S6,Six again,North,Europe/Berlin,\n",
                ImportFile::Stores,
            ),
            &[],
            &["stores"],
        );
        let reasons: Vec<(usize, &str)> = report
            .refused
            .iter()
            .map(|r| (r.line, r.reason.as_str()))
            .collect();
        assert_eq!(reasons.len(), 7, "{reasons:?}");
        assert_eq!(reasons[0], (2, "The code is empty."));
        assert!(reasons[1].1.contains("may only hold"), "{reasons:?}");
        assert_eq!(reasons[2], (4, "The name is empty."));
        assert_eq!(reasons[3], (5, "The region is empty."));
        assert!(reasons[4].1.contains("not a time zone"));
        assert!(reasons[5].1.contains("no business calendar \"lunar\""));
        assert_eq!(reasons[6], (9, "Store S6 is on line 8 already."));
    }

    #[test]
    fn devices_need_a_known_store_and_a_unique_tag() {
        let stores: HashSet<&str> = ["S1"].into_iter().collect();
        let existing = [DeviceAdminView {
            tag: "S1-REG-01".into(),
            store: "S1".into(),
            kind: "register".into(),
            model: "TP-500".into(),
            name: "Till 1".into(),
            revision: 2,
        }];
        let (planned, report) = plan_devices(
            &rows(
                "tag,store,kind,model,name\n\
                 S1-REG-01,S1,register,TP-500,Till 1\n\
                 S1-REG-02,S1,register,TP-500,\n\
                 S9-REG-01,S9,register,TP-500,\n\
                 S1-REG-02,S1,register,TP-600,\n\
                 S1-SCN-01,,scanner,DS2208,\n\
                 S1-SCN-02,S1,,DS2208,\n",
                ImportFile::Devices,
            ),
            &existing,
            &stores,
        );
        assert_eq!(report.unchanged, 1);
        assert_eq!(report.created, ["S1-REG-02"]);
        assert_eq!(
            planned[0].name, "register S1-REG-02",
            "a name is made when none is given"
        );
        let reasons: Vec<(usize, &str)> = report
            .refused
            .iter()
            .map(|r| (r.line, r.reason.as_str()))
            .collect();
        assert_eq!(
            reasons,
            [
                (4, "There is no store S9: import the stores first."),
                (5, "Device S1-REG-02 is on line 3 already."),
                (6, "The store is empty."),
                (7, "The kind is empty."),
            ]
        );
    }

    #[test]
    fn a_sticker_is_an_svg_qr_code() {
        let svg = qr_svg("https://desk.example/report?store=S1&asset=S1-REG-01").unwrap();
        assert!(svg.starts_with("<?xml") || svg.starts_with("<svg"), "{svg}");
        assert!(svg.contains("<svg"));
    }
}

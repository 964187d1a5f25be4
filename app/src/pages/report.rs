//! "Report a fault": the short path for store staff. A QR sticker on a till links here with the
//! store and the device (`/report?store=S012&asset=S012-REG-03`); picking a fault opens its form
//! with both already filled in.

use super::catalog::ItemCardView;
use crate::api::catalog::report_faults;
use crate::components::error_notice::ErrorNotice;
use crate::i18n::t;
use crate::model::ReportView;
use crate::offline::{Fetched, OfflineBanner};
use crate::url::encode;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ReportPage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new(
        move || {
            let q = query.read();
            (q.get("store"), q.get("asset"))
        },
        |(store, asset)| {
            crate::offline::sendable(async move {
                let answer = report_faults(store.clone(), asset.clone()).await;
                crate::offline::or_device(answer, |s| {
                    Some(s.report(store.as_deref(), asset.as_deref()))
                })
                .await
            })
        },
    );
    view! {
        <Title text=t("report-title")/>
        <h1 class="page-title">{t("report-title")}</h1>
        <Suspense fallback=|| view! { <p class="loading">{t("report-loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(Fetched { value, offline_as_of }) => view! {
                        <OfflineBanner as_of=offline_as_of/>
                        <FaultPicker report=value/>
                    }.into_any(),
                    Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn FaultPicker(report: ReportView) -> impl IntoView {
    let mut query = Vec::new();
    if let Some(s) = &report.store {
        query.push(format!("store={}", encode(&s.code)));
    }
    if let Some(a) = &report.asset {
        query.push(format!("asset={}", encode(&a.tag)));
    }
    let query = if query.is_empty() {
        String::new()
    } else {
        format!("?{}", query.join("&"))
    };
    let place = match (&report.store, &report.asset) {
        (Some(s), Some(a)) => Some(format!("{} ({}) · {}", s.name, s.code, a.name)),
        (Some(s), None) => Some(format!("{} ({})", s.name, s.code)),
        _ => None,
    };
    view! {
        {match place {
            Some(place) => view! {
                <p class="report-place" data-testid="report-place">
                    {t("report-at")} " " <strong>{place}</strong> ". " {t("report-what-is-wrong")}
                </p>
            }.into_any(),
            None => view! {
                <p class="page-intro">{t("report-intro")}</p>
            }.into_any(),
        }}
        {if report.faults.is_empty() {
            view! {
                <div class="empty-state">
                    <p>
                        {t("report-none-before")} " "
                        <a href="/catalog/how-to-question">{t("report-none-link")}</a>
                        {t("report-none-after")}
                    </p>
                </div>
            }.into_any()
        } else {
            view! {
                <div class="card-grid" data-testid="fault-list">
                    {report.faults.into_iter().map(|card| view! { <ItemCardView card query=query.clone()/> }).collect_view()}
                </div>
            }.into_any()
        }}
    }
}

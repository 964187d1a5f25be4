//! The change calendar: a month or a week of scheduled changes and freeze periods, filtered by
//! store, region and service, for everyone signed in; and the private link that puts it in the
//! reader's own calendar app. Moving between months and filtering are links and a GET form,
//! so the page works the same without JavaScript.

use super::query_error;
use crate::api::change_calendar::{change_calendar, EndCalendarFeed, NewCalendarFeed};
use crate::domain::calendar_grid::Span;
use crate::i18n::{change_state_label, t, t_with};
use crate::model::{AppError, CalendarDay, CalendarEntry, CalendarQuery, CalendarView, ALL_STORES};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ChangeCalendarPage() -> impl IntoView {
    let query = use_query_map();
    let asked = Memo::new(move |_| {
        let q = query.read();
        CalendarQuery::from_pairs(|name| q.get(name))
    });
    let calendar = Resource::new(
        move || asked.get(),
        |q| change_calendar(q.span, q.day, q.store, q.region, q.service),
    );
    let error = query_error();
    view! {
        <Title text=t("calendar-title")/>
        <h1 class="page-title">{t("calendar-title")}</h1>
        {move || error.get().map(|e| view! { <div class="notice notice-error" role="alert" data-testid="action-error">{e}</div> })}
        <Show when=move || query.read().get("feed_ended").is_some()>
            <div class="notice notice-success" role="status" data-testid="feed-ended">{t("calendar-feed-ended")}</div>
        </Show>
        <Suspense fallback=|| view! { <p class="loading">{t("calendar-loading")}</p> }>
            {move || Suspend::new(async move {
                match calendar.await {
                    Ok(view) => view! { <Calendar view/> }.into_any(),
                    Err(e) => view! { <Refused error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// A calendar address that cannot be read: what is wrong with it, and the way back to this
/// month (retrying the same address would fail the same way).
#[component]
fn Refused(error: AppError) -> impl IntoView {
    crate::components::error_notice::refusal_status(&error);
    let message = crate::components::error_notice::page_error_text(&error);
    view! {
        <div class="notice notice-error" role="alert" data-testid="calendar-error">
            <p>{message}</p>
            <p><a href="/calendar">{t("calendar-today")}</a></p>
        </div>
    }
}

#[component]
fn Calendar(view: CalendarView) -> impl IntoView {
    let q = view.query.clone();
    let span_link = {
        let q = q.clone();
        let day = q.day.parse().unwrap_or(view.today);
        move |span: Span, label: &'static str| {
            let current = (view.span == span).then_some("page");
            view! { <a href=q.at(span, day).href() aria-current=current class="btn btn-secondary btn-small">{t(label)}</a> }
        }
    };
    let weekdays = (view.span == Span::Month).then(|| {
        view.days
            .iter()
            .take(7)
            .map(|d| {
                let name = crate::i18n::i18n().t_with(
                    "fmt-weekday-short",
                    &[(
                        "weekday",
                        crate::i18n::Arg::Number(i64::from(
                            chrono::Datelike::weekday(&d.day).number_from_monday(),
                        )),
                    )],
                );
                view! { <li aria-hidden="true">{name}</li> }
            })
            .collect_view()
    });
    let grid_class = match view.span {
        Span::Month => "calendar-grid calendar-month",
        Span::Week => "calendar-grid calendar-week",
    };
    view! {
        <nav class="calendar-nav" aria-label=t("calendar-title")>
            <div class="calendar-spans">
                {span_link(Span::Month, "calendar-span-month")}
                {span_link(Span::Week, "calendar-span-week")}
            </div>
            <div class="calendar-steps">
                <a href=q.at(view.span, view.previous).href() rel="prev" data-testid="calendar-previous">{"← "}{t("calendar-previous")}</a>
                <a href=q.at(view.span, view.today).href() data-testid="calendar-today">{t("calendar-today")}</a>
                <a href=q.at(view.span, view.next).href() rel="next" data-testid="calendar-next">{t("calendar-next")}{" →"}</a>
            </div>
        </nav>
        <h2 data-testid="calendar-heading">{view.heading.clone()}</h2>
        <Filters view=view.clone()/>
        <p class="muted" data-testid="calendar-count">
            {t_with("calendar-count", &[("count", crate::i18n::Arg::count(view.change_count))])}
            " " {t_with("calendar-zone", &[("zone", view.zone.as_str().into())])}
        </p>
        {(view.change_count == 0).then(|| view! { <p class="muted">{t("calendar-empty-hint")}</p> })}
        {weekdays.map(|w| view! { <ol class="calendar-weekdays">{w}</ol> })}
        <ol class=grid_class data-testid="calendar-grid">
            {view.days.into_iter().map(|d| view! { <Day day=d/> }).collect_view()}
        </ol>
        <Feed since=view.feed_since/>
    }
}

/// Store, region and service as a GET form: the address says what the page shows.
#[component]
fn Filters(view: CalendarView) -> impl IntoView {
    let q = view.query;
    let chosen_store = if q.store.is_empty() {
        ALL_STORES.to_string()
    } else {
        q.store.clone()
    };
    let option = |value: String, label: String, chosen: &str| {
        let selected = value.eq_ignore_ascii_case(chosen);
        view! { <option value=value selected=selected>{label}</option> }
    };
    view! {
        <form method="get" action="/calendar" class="calendar-filters" data-testid="calendar-filters">
            <input type="hidden" name="span" value=q.span.clone()/>
            <input type="hidden" name="day" value=q.day.clone()/>
            <div class="field">
                <label for="calendar-store">{t("calendar-store")}</label>
                <select id="calendar-store" name="store">
                    {option(ALL_STORES.into(), t("calendar-all-stores"), &chosen_store)}
                    {view.stores.into_iter().map(|(code, name)| option(code.clone(), format!("{code} · {name}"), &chosen_store)).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="calendar-region">{t("calendar-region")}</label>
                <select id="calendar-region" name="region">
                    {option(String::new(), t("calendar-all-regions"), &q.region)}
                    {view.regions.into_iter().map(|r| option(r.clone(), r, &q.region)).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="calendar-service">{t("calendar-service")}</label>
                <select id="calendar-service" name="service">
                    {option(String::new(), t("calendar-all-services"), &q.service)}
                    {view.services.into_iter().map(|s| option(s.clone(), s, &q.service)).collect_view()}
                </select>
            </div>
            <div class="form-actions">
                <button type="submit" class="btn btn-secondary" data-testid="calendar-apply">{t("calendar-apply")}</button>
            </div>
        </form>
    }
}

#[component]
fn Day(day: CalendarDay) -> impl IntoView {
    let empty = day.changes.is_empty() && day.freezes.is_empty();
    let frozen = !day.freezes.is_empty();
    view! {
        <li class="calendar-day" class:outside=!day.in_focus class:today=day.today class:empty=empty class:frozen=frozen
            data-testid="calendar-day" data-day=day.day.to_string()>
            <p class="calendar-date">{day.label.clone()}</p>
            {day.freezes.iter().map(|name| view! {
                <p class="calendar-freeze" data-testid="calendar-freeze">{t_with("calendar-freeze", &[("name", name.as_str().into())])}</p>
            }).collect_view()}
            <ul class="calendar-changes">
                {day.changes.into_iter().map(|c| view! { <Entry entry=c/> }).collect_view()}
            </ul>
        </li>
    }
}

#[component]
fn Entry(entry: CalendarEntry) -> impl IntoView {
    let title = format!("{} {}", entry.number, entry.title);
    let label = match entry.link.clone() {
        Some(href) => view! { <a href=href>{title}</a> }.into_any(),
        None => view! { <span>{title}</span> }.into_any(),
    };
    let wher = if entry.stores.is_empty() {
        t("calendar-central")
    } else {
        entry.stores.join(", ")
    };
    view! {
        <li class=format!("calendar-change change-{}", entry.state.as_str()) data-testid="calendar-change" data-number=entry.number.clone()>
            <strong>{label}</strong>
            <span class="muted">
                {entry.when.clone()}
                {entry.continued.then(|| format!(" ({})", t("calendar-continued")))}
                " · " {wher}
                " · " {change_state_label(entry.state)}
            </span>
        </li>
    }
}

/// The private feed link: made on request and shown once (only its hash is kept), or ended.
#[component]
fn Feed(since: Option<chrono::DateTime<chrono::Utc>>) -> impl IntoView {
    let make = ServerAction::<NewCalendarFeed>::new();
    let end = ServerAction::<EndCalendarFeed>::new();
    let has_feed = RwSignal::new(since.is_some());
    Effect::new(move |_| {
        if matches!(make.value().get(), Some(Ok(_))) {
            has_feed.set(true);
        }
    });
    Effect::new(move |_| {
        if matches!(end.value().get(), Some(Ok(()))) {
            has_feed.set(false);
        }
    });
    let link = move || make.value().get().and_then(Result::ok);
    let refused = move || {
        let e = make
            .value()
            .get()
            .and_then(Result::err)
            .or_else(|| end.value().get().and_then(Result::err))?;
        Some(
            view! { <p class="field-error" role="alert">{crate::components::error_notice::error_text(&e)}</p> },
        )
    };
    view! {
        <section class="calendar-feed" data-testid="calendar-feed">
            <h2>{t("calendar-feed")}</h2>
            <p class="muted">{t("calendar-feed-help")}</p>
            {since.map(|s| view! { <p data-testid="feed-since">{t_with("calendar-feed-since", &[("when", super::when(&s).into())])}</p> })}
            {move || link().map(|href| view! {
                <div class="field">
                    <label for="calendar-feed-link">{t("calendar-feed-link")}</label>
                    <input id="calendar-feed-link" type="text" readonly value=href data-testid="feed-link"/>
                </div>
            })}
            {move || matches!(end.value().get(), Some(Ok(()))).then(|| view! {
                <p class="notice notice-success" role="status" data-testid="feed-ended">{t("calendar-feed-ended")}</p>
            })}
            {refused}
            <div class="form-actions">
                <ActionForm action=make attr:class="inline-form">
                    <button type="submit" class="btn btn-secondary" data-testid="make-feed">
                        {move || if has_feed.get() { t("calendar-feed-remake") } else { t("calendar-feed-make") }}
                    </button>
                </ActionForm>
                <Show when=move || has_feed.get()>
                    <ActionForm action=end attr:class="inline-form">
                        <button type="submit" class="btn btn-secondary" data-testid="end-feed">{t("calendar-feed-end")}</button>
                    </ActionForm>
                </Show>
            </div>
        </section>
    }
}

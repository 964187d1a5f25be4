//! Where keyboard focus goes when the page changes under it (WCAG 2.4.3, 3.3.1): to the first
//! answer that needs fixing after a refused submit, and to the page's content after a
//! navigation inside the portal. Without it a screen reader stays on the button just pressed,
//! or on a link of a page that is gone, and says nothing of what changed. And a modal sheet
//! keeps focus inside it while it is open (WCAG 2.4.3, 2.1.2).

use leptos::prelude::*;

/// After the next repaint (the error messages must be in the page first), focuses the first
/// control inside `scope` (a CSS selector, e.g. the form's) that is marked `aria-invalid` or
/// sits in a field marked `has-error` (a group of radio buttons), so its message, tied to it by
/// `aria-describedby`, is read out.
pub fn first_invalid_in(scope: &'static str) {
    #[cfg(feature = "hydrate")]
    after_repaint(move || {
        focus(
            &format!(
                "{scope} [aria-invalid=\"true\"], {scope} .has-error :is(input, select, textarea)"
            ),
            true,
        );
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = scope;
}

/// After the next repaint, focuses the page's main region (`#main`, which takes focus from
/// script only): the next Tab starts at the new page's content, and a screen reader reads it.
pub fn main_content() {
    #[cfg(feature = "hydrate")]
    after_repaint(|| {
        focus("#main", false);
    });
}

#[cfg(feature = "hydrate")]
fn after_repaint(then: impl FnOnce() + 'static) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = Closure::once_into_js(then);
    let _ = window.request_animation_frame(callback.unchecked_ref());
}

/// Focuses the first element `selector` matches without scrolling to it: after a navigation
/// the router has put the page at its top already. With `show`, then scrolls it to the middle
/// of the screen: the first answer to fix may be far above the button that was pressed.
#[cfg(feature = "hydrate")]
fn focus(selector: &str, show: bool) {
    use wasm_bindgen::JsCast;
    let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = element.focus_with_options(&options);
    if show {
        let place = web_sys::ScrollIntoViewOptions::new();
        place.set_block(web_sys::ScrollLogicalPosition::Center);
        element.scroll_into_view_with_scroll_into_view_options(&place);
    }
}

/// Focus for a modal sheet (`role="dialog"`): when it opens, focus moves into it; Tab and
/// Shift+Tab go round inside it; Escape closes it; when it closes, focus returns to what had it
/// before (the button that opened it). Call once in the sheet's component, and give the sheet
/// `node_ref` and `tabindex="-1"`.
pub fn hold_in_dialog(sheet: NodeRef<leptos::html::Div>, on_close: Callback<()>) {
    #[cfg(feature = "hydrate")]
    {
        use leptos::ev::keydown;
        let before = StoredValue::new_local(
            web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element()),
        );
        Effect::new(move |_| {
            if let Some(sheet) = sheet.get() {
                let _ = sheet.focus();
            }
        });
        let keys = leptos::prelude::window_event_listener(keydown, move |ev| {
            if let Some(sheet) = sheet.get_untracked() {
                keep_within(&ev, &sheet, on_close);
            }
        });
        on_cleanup(move || {
            keys.remove();
            use wasm_bindgen::JsCast;
            if let Some(element) = before
                .try_get_value()
                .flatten()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = element.focus();
            }
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (sheet, on_close);
}

#[cfg(feature = "hydrate")]
fn keep_within(
    ev: &web_sys::KeyboardEvent,
    sheet: &web_sys::HtmlDivElement,
    on_close: Callback<()>,
) {
    use wasm_bindgen::JsCast;
    match ev.key().as_str() {
        "Escape" => {
            ev.prevent_default();
            on_close.run(());
        }
        "Tab" => {
            let Ok(found) = sheet.query_selector_all(
                "a[href], button:not([disabled]), input:not([disabled]), select, textarea",
            ) else {
                return;
            };
            let controls: Vec<web_sys::HtmlElement> = (0..found.length())
                .filter_map(|i| found.item(i))
                .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
                .collect();
            let (Some(first), Some(last)) = (controls.first(), controls.last()) else {
                return;
            };
            let active = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element());
            let is = |e: &web_sys::HtmlElement| {
                active
                    .as_ref()
                    .is_some_and(|a| a == e.unchecked_ref::<web_sys::Element>())
            };
            let inside = active
                .as_ref()
                .is_some_and(|a| sheet.contains(Some(a.unchecked_ref())));
            let wrap_to = if ev.shift_key()
                && (is(first)
                    || !inside
                    || active
                        .as_ref()
                        .is_some_and(|a| a == sheet.unchecked_ref::<web_sys::Element>()))
            {
                Some(last)
            } else if !ev.shift_key() && (is(last) || !inside) {
                Some(first)
            } else {
                None
            };
            if let Some(target) = wrap_to {
                ev.prevent_default();
                let _ = target.focus();
            }
        }
        _ => {}
    }
}

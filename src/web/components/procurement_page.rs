//! The procurement pack as a page: the tender requirements by ENISA's
//! procurement phase, the supplier questionnaire and the contract checklist.
//! Its body is the tree of plain elements the export module laid out
//! (`core::procurement::page`), built by `hooks::use_procurement`, so that
//! the main module carries neither the pack's content nor its layout. While
//! the pack is on its way the page says so; if it cannot be had it says why,
//! with a way to try again and a way back.

use yew::prelude::*;

use crate::core::assessment::{Event, Page};
use crate::web::exports::ExportFailure;
use crate::web::hooks::Pack;
use crate::web::lang::Words;
use crate::web::state::{Dispatch, Msg};

/// The page: its heading, the way back, Print (once the pack is there) or Try again (after a failure),
/// and the pack's body or where it stands. `today` (RFC 3339) dates the print, as the report's does.
pub fn procurement_page(lang: Words, dispatch: &Dispatch, pack: &Pack, retry: &Callback<()>, today: &str) -> Html {
    let today = lang.date(today);
    let go = |msg: fn() -> Msg| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(msg()))
    };
    let (body, action) = match pack {
        Pack::Loading => (html! { <p class="ct-loading" role="status">{ lang.t("pack.loading") }</p> }, None),
        Pack::Ready(tree) => (Html::VRef(tree.clone()), Some((go(|| Msg::Print), "pack.print"))),
        Pack::Failed(failure) => {
            let message = match failure {
                ExportFailure::Unavailable => lang.t("pack.load_failed").to_owned(),
                ExportFailure::Refused(reason) => lang.fill("pack.failed", &[("reason", reason)]),
            };
            (
                html! { <p class="ct-pack-failed" role="alert">{ message }</p> },
                Some((retry.reform(|_| ()), "texts.retry")),
            )
        }
    };
    html! {
        <section class="ct-procurement" aria-labelledby="ct-page-title">
            <h1 id="ct-page-title" class="ct-title" tabindex="-1" data-page-heading="">{ lang.t("pack.open") }</h1>
            <p class="ct-print-only ct-small">{ lang.fill("results.created", &[("date", &today)]) }</p>
            <div class="ct-actions-row ct-pack-actions">
                <button type="button" class="ct-button" onclick={go(|| Msg::Core(Event::Go(Page::Results)))}>{ lang.t("pack.back") }</button>
                if let Some((onclick, key)) = action {
                    <button type="button" class="ct-button ct-button-primary" {onclick}>{ lang.t(key) }</button>
                }
            </div>
            { body }
            <p class="ct-print-only ct-small">{ lang.fill("print.generated", &[("date", &today)]) }</p>
        </section>
    }
}

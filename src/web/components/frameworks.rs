//! The results page's tabs (overview, by framework) and the "By framework"
//! panel: a framework chooser and the crosswalk table the core computed.

use wasm_bindgen::JsCast;
#[cfg(feature = "full")]
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::core::crosswalk::{Framework, View};
#[cfg(feature = "full")]
use crate::core::crosswalk::{QuestionCell, Row};
use crate::web::lang::Words;
use crate::web::state::{Dispatch, Msg, ResultsTab};

/// The ids that tie each tab to its panel.
pub fn tab_ids(tab: ResultsTab) -> (&'static str, &'static str) {
    match tab {
        ResultsTab::Overview => ("ct-tab-overview", "ct-panel-overview"),
        ResultsTab::ByFramework => ("ct-tab-frameworks", "ct-panel-frameworks"),
    }
}

/// A tab list as the WAI-ARIA tabs pattern describes: the arrow keys, Home and End move between tabs.
/// Plain functions rather than components: they hold no state, and each component costs code in the widget.
pub fn results_tabs(lang: Words, dispatch: &Dispatch, current: ResultsTab) -> Html {
    let tabs =
        [(ResultsTab::Overview, "crosswalk.tab_overview"), (ResultsTab::ByFramework, "crosswalk.tab_frameworks")];
    let onkeydown = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            let next = match (e.key().as_str(), current) {
                ("ArrowRight" | "ArrowLeft", ResultsTab::Overview) | ("End", _) => ResultsTab::ByFramework,
                ("ArrowRight" | "ArrowLeft", ResultsTab::ByFramework) | ("Home", _) => ResultsTab::Overview,
                _ => return,
            };
            e.prevent_default();
            // Focus follows the selection; both tabs are always rendered.
            let list = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|t| t.parent_element());
            let target = list.and_then(|l| l.query_selector(&format!("#{}", tab_ids(next).0)).ok().flatten());
            if let Some(element) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = element.focus();
            }
            dispatch.dispatch(Msg::ShowResultsTab(next));
        })
    };
    html! {
        <div class="ct-tabs ct-no-print" role="tablist" aria-label={lang.t("crosswalk.tabs_label").to_owned()} onkeydown={onkeydown}>
            { for tabs.into_iter().map(|(tab, key)| {
                let (tab_id, panel_id) = tab_ids(tab);
                let selected = tab == current;
                let dispatch = dispatch.clone();
                let onclick = Callback::from(move |_| dispatch.dispatch(Msg::ShowResultsTab(tab)));
                html! {
                    <button type="button" role="tab" id={tab_id} class="ct-tab" aria-controls={panel_id}
                        aria-selected={selected.to_string()} tabindex={if selected { "0" } else { "-1" }} {onclick}>
                        { lang.t(key) }
                    </button>
                }
            }) }
        </div>
    }
}

#[cfg(feature = "full")]
fn question_item(lang: Words, dispatch: &Dispatch, cell: &QuestionCell) -> Html {
    let label = html! { <><span class="ct-question-id">{ &cell.id }</span>{ &cell.prompt }</> };
    let (dispatch, id) = (dispatch.clone(), cell.id.clone());
    let onclick = Callback::from(move |_| dispatch.dispatch(Msg::ShowQuestion(id.clone())));
    html! {
        <li class={classes!("ct-crosswalk-question", cell.gap.then_some("ct-crosswalk-gap"), (!cell.asked).then_some("ct-muted"))} data-question={cell.id.clone()}>
            if cell.asked {
                <button type="button" class="ct-link-button" {onclick}>{ label }</button>
            } else {
                <span>{ label }</span>
            }
            <span class="ct-crosswalk-status">{ format!(" ({})", cell.status) }</span>
            if cell.gap {
                { " " }<span class="ct-badge ct-badge-gap">{ lang.t("crosswalk.gap") }</span>
            }
        </li>
    }
}

#[cfg(feature = "full")]
fn row(lang: Words, dispatch: &Dispatch, row: &Row) -> Html {
    html! {
        <tr data-item={row.id.clone()}>
            <th scope="row" class="ct-crosswalk-id">{ &row.label }</th>
            <td class="ct-crosswalk-title">{ &row.title }</td>
            <td><ul class="ct-crosswalk-questions">{ for row.questions.iter().map(|c| question_item(lang, dispatch, c)) }</ul></td>
            <td class="ct-num ct-crosswalk-level">{ &row.level }</td>
            <td class="ct-num ct-crosswalk-target">{ &row.target }</td>
            <td class="ct-crosswalk-gaps">{ &row.gaps }</td>
        </tr>
    }
}

/// The chooser and the table of the chosen framework; `view` is computed by the core while this tab is shown.
#[cfg(feature = "full")]
pub fn framework_panel(lang: Words, dispatch: &Dispatch, framework: Framework, view: Option<&View>) -> Html {
    let onchange = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(framework) = Framework::parse(&value) {
                dispatch.dispatch(Msg::ChooseFramework(framework));
            }
        })
    };
    let Some(view) = view else {
        return html! {};
    };
    html! {
        <div class="ct-crosswalk">
            <p class="ct-muted">{ lang.t("crosswalk.lead") }</p>
            <p class="ct-crosswalk-chooser ct-no-print">
                <label for="ct-framework">{ lang.t("crosswalk.chooser") }</label>{ " " }
                <select id="ct-framework" class="ct-select" {onchange}>
                    { for Framework::ALL.into_iter().map(|f| html! {
                        <option value={f.as_str()} selected={f == framework}>
                            { lang.framework(f.as_str()).map(|w| w.name.clone()).unwrap_or_default() }
                        </option>
                    }) }
                </select>
            </p>
            <div class="ct-table-wrap">
                <table class="ct-table ct-crosswalk-table" data-framework={view.framework.as_str()}>
                    <caption class="ct-crosswalk-caption">{ &view.caption }</caption>
                    <thead><tr>
                        <th scope="col">{ &view.item_heading }</th>
                        <th scope="col">{ lang.t("crosswalk.col_title") }</th>
                        <th scope="col">{ lang.t("crosswalk.col_questions") }</th>
                        <th scope="col" class="ct-num">{ lang.t("results.table_level") }</th>
                        <th scope="col" class="ct-num">{ lang.t("crosswalk.col_target") }</th>
                        <th scope="col">{ lang.t("crosswalk.col_gaps") }</th>
                    </tr></thead>
                    <tbody>{ for view.rows.iter().map(|r| row(lang, dispatch, r)) }</tbody>
                </table>
            </div>
        </div>
    }
}

/// The first module never shows the "By framework" tab: choosing it loads the whole widget (`web::upgrade`).
#[cfg(not(feature = "full"))]
pub fn framework_panel(_: Words, _: &Dispatch, _: Framework, _: Option<&View>) -> Html {
    Html::default()
}

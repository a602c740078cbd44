//! The results' read-only blocks as HTML text (`core::markup`): the index
//! cards, the chart with the domain table, the action plan's steps and the
//! unanswered questions. The browser parses each block in one step instead of
//! Yew creating some six hundred elements one call at a time, which was most
//! of the results page's first render (docs/PERFORMANCE.md). Their buttons
//! carry the question they show in `data-show`; [`show_on_click`] on an
//! ancestor turns a click on one into `Msg::ShowQuestion`.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::actions::standing_text;
use crate::core::markup::Markup;
use crate::core::view::{DomainRow, IndexCard, PlanRow, RadarView};
use crate::web::lang::Words;
use crate::web::state::{Dispatch, Msg};

/// The attribute that names the question a report button shows.
const SHOW: &str = "data-show";

/// A block of markup as Yew's raw HTML.
pub fn raw(markup: Markup) -> Html {
    Html::from_html_unchecked(AttrValue::from(markup.finish()))
}

/// A click handler for an element holding report blocks: a click on (or in) a
/// button with `data-show` shows that question.
pub fn show_on_click(dispatch: &Dispatch) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |event: MouseEvent| {
        let button = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest(&format!("[{SHOW}]")).ok().flatten());
        if let Some(id) = button.and_then(|b| b.get_attribute(SHOW)) {
            dispatch.dispatch(Msg::ShowQuestion(id));
        }
    })
}

/// The attribute set on the results page once its first frame is drawn.
const SHOWN: &str = "data-shown";

/// The results page's first frame lays out what is on screen; the domain table,
/// the action plan and the unanswered questions, below it on any common screen,
/// are skipped while off screen until the frame after (`content-visibility: auto`
/// in the stylesheet while `section` has no `data-shown`), then laid out for good,
/// so that nothing under them moves once the user gets there.
pub fn lay_out_below_later(section: NodeRef) {
    let after_frame = wasm_bindgen::closure::Closure::once_into_js(move || {
        gloo::timers::callback::Timeout::new(0, move || {
            if let Some(section) = section.cast::<web_sys::Element>() {
                let _ = section.set_attribute(SHOWN, "");
            }
        })
        .forget();
    });
    if let Some(window) = web_sys::window() {
        let _ = window.request_animation_frame(after_frame.unchecked_ref());
    }
}

/// A link-styled button that shows a question: its id, then its prompt.
fn question_button(m: &mut Markup, lang: Words, id: &str) {
    m.open("button", &[("type", "button"), ("class", "ct-link-button"), (SHOW, id)]);
    m.element("span", &[("class", "ct-question-id")], id).text(lang.prompt(id));
    m.close("button");
}

/// Both index cards, in their row.
pub fn indices(lang: Words, cards: &[IndexCard]) -> Markup {
    let mut m = Markup::new();
    m.open("div", &[("class", "ct-indices")]);
    for card in cards {
        index_card(&mut m, lang, card);
    }
    m.close("div");
    m
}

fn index_card(m: &mut Markup, lang: Words, card: &IndexCard) {
    let index = card.index.as_str();
    let name = lang.t(&format!("indices.{index}"));
    let Some(score) = &card.score else {
        m.open("section", &[("class", "ct-index")]);
        m.element("h3", &[("class", "ct-index-name")], name);
        m.element("p", &[("class", "ct-muted")], lang.t("results.no_score"));
        m.close("section");
        return;
    };
    let value = score.value.to_string();
    m.open("section", &[("class", &format!("ct-index ct-band-{}", score.band)), ("aria-label", name)]);
    m.element("h3", &[("class", "ct-index-name")], name);
    m.open("p", &[("class", "ct-index-score")]);
    m.element("span", &[("class", "ct-index-number")], &value);
    m.element("span", &[("class", "ct-index-of")], "/100");
    m.element(
        "span",
        &[("class", "ct-visually-hidden")],
        &format!(" ({})", lang.fill("results.score_of", &[("score", &value)])),
    );
    m.close("p");
    m.element("p", &[("class", "ct-index-band")], lang.t(&format!("bands.{index}.{}", score.band)));
    m.open(
        "svg",
        &[
            ("class", "ct-gauge"),
            ("viewBox", "0 0 300 10"),
            ("aria-hidden", "true"),
            ("focusable", "false"),
            ("preserveAspectRatio", "none"),
        ],
    );
    m.empty(
        "rect",
        &[("class", "ct-gauge-track"), ("x", "0"), ("y", "0"), ("width", "300"), ("height", "10"), ("rx", "5")],
    );
    // A percentage of the gauge's width: the score is out of 100.
    m.empty(
        "rect",
        &[
            ("class", "ct-gauge-fill"),
            ("x", "0"),
            ("y", "0"),
            ("width", &format!("{value}%")),
            ("height", "10"),
            ("rx", "5"),
        ],
    );
    m.close("svg");
    m.element("p", &[("class", "ct-index-hint")], lang.t(&format!("indices.{index}_hint")));
    if let Some(cap) = &score.cap {
        m.open("div", &[("class", "ct-cap"), ("role", "note")]);
        let count = cap.questions.len().to_string();
        m.element(
            "p",
            &[],
            &lang.fill("results.capped", &[("count", &count), ("uncapped", &cap.uncapped.to_string())]),
        );
        m.open("ul", &[("class", "ct-cap-list")]);
        for cap in &cap.questions {
            m.open("li", &[]);
            question_button(m, lang, &cap.question);
            m.text(&format!(" ({})", standing_text(&lang, cap.standing)));
            m.close("li");
        }
        m.close("ul");
        m.close("div");
    }
    m.close("section");
}

/// The chart of domain maturity, drawn with presentation attributes only (no
/// style attributes, so it renders under a strict CSP); the geometry is the core's.
pub fn radar(m: &mut Markup, lang: Words, view: &RadarView) {
    let centre = &view.centre;
    m.open(
        "svg",
        &[
            ("class", "ct-radar"),
            ("viewBox", "0 0 420 420"),
            ("role", "img"),
            ("aria-labelledby", "ct-radar-title ct-radar-desc"),
        ],
    );
    m.element("title", &[("id", "ct-radar-title")], lang.t("results.chart_title"));
    m.element("desc", &[("id", "ct-radar-desc")], lang.t("results.chart_desc"));
    for ring in &view.rings {
        m.empty("polygon", &[("class", "ct-radar-ring"), ("points", ring), ("fill", "none")]);
    }
    for axis in &view.axes {
        m.open("g", &[]);
        m.empty(
            "line",
            &[
                ("class", "ct-radar-axis"),
                ("x1", &centre.x),
                ("y1", &centre.y),
                ("x2", &axis.end.x),
                ("y2", &axis.end.y),
            ],
        );
        let label = [
            ("class", "ct-radar-label"),
            ("x", &*axis.label.x),
            ("y", &*axis.label.y),
            ("text-anchor", axis.anchor.as_str()),
        ];
        m.element("text", &label, &axis.number.to_string());
        m.close("g");
    }
    for tick in &view.ticks {
        m.element(
            "text",
            &[("class", "ct-radar-scale"), ("x", &tick.at.x), ("y", &tick.at.y)],
            &tick.level.to_string(),
        );
    }
    m.empty("polygon", &[("class", "ct-radar-target"), ("points", &view.targets), ("fill", "none")]);
    m.empty("polygon", &[("class", "ct-radar-level"), ("points", &view.levels)]);
    for axis in &view.axes {
        m.open("circle", &[("class", "ct-radar-dot"), ("cx", &axis.dot.x), ("cy", &axis.dot.y), ("r", "3.5")]);
        m.element(
            "title",
            &[],
            &(lang.label(lang.domain_title(&axis.domain)) + &lang.hundredths(i64::from(axis.level), 1)),
        );
        m.close("circle");
    }
    m.close("svg");
}

/// The section with the chart (when there is one) and the table of domains beside it.
pub fn domains(lang: Words, rows: &[DomainRow], chart: Option<&RadarView>) -> Markup {
    let mut m = Markup::new();
    let title = lang.t("results.chart_title");
    m.open("section", &[("class", "ct-domains"), ("aria-labelledby", "ct-domains-title")]);
    m.element("h2", &[("id", "ct-domains-title"), ("class", "ct-subtitle")], title);
    m.open("div", &[("class", "ct-domains-body")]);
    if let Some(chart) = chart {
        radar(&mut m, lang, chart);
    }
    m.open("div", &[("class", "ct-table-wrap")]).open("table", &[("class", "ct-table")]);
    m.element("caption", &[("class", "ct-visually-hidden")], title);
    m.open("thead", &[]).open("tr", &[]);
    m.element("th", &[("scope", "col"), ("class", "ct-num")], "#");
    m.element("th", &[("scope", "col")], lang.t("results.table_domain"));
    m.element("th", &[("scope", "col"), ("class", "ct-num")], lang.t("results.table_level"));
    m.element("td", &[("aria-hidden", "true")], "");
    for key in ["results.table_percent", "results.table_at_target", "results.table_answered"] {
        m.element("th", &[("scope", "col"), ("class", "ct-num")], lang.t(key));
    }
    m.close("tr").close("thead").open("tbody", &[]);
    for row in rows {
        domain_row(&mut m, lang, row);
    }
    m.close("tbody").close("table").close("div");
    m.close("div").close("section");
    m
}

fn domain_row(m: &mut Markup, lang: Words, d: &DomainRow) {
    let num = [("class", "ct-num")];
    // Percentages of the bar's width: level and target are shares of the top level.
    let (width, target) = (format!("{}%", d.percent), format!("{}%", d.target_percent));
    m.open("tr", &[]);
    m.element("td", &num, &d.number.to_string());
    m.element("th", &[("scope", "row")], lang.domain_title(&d.id));
    m.element("td", &num, &lang.hundredths(i64::from(d.level), 1));
    m.open("td", &[("class", "ct-bar-cell")]);
    m.open(
        "svg",
        &[
            ("class", "ct-bar"),
            ("viewBox", "0 0 100 12"),
            ("aria-hidden", "true"),
            ("focusable", "false"),
            ("preserveAspectRatio", "none"),
        ],
    );
    m.empty(
        "rect",
        &[("class", "ct-bar-track"), ("x", "0"), ("y", "2"), ("width", "100"), ("height", "8"), ("rx", "4")],
    );
    m.empty(
        "rect",
        &[("class", "ct-bar-fill"), ("x", "0"), ("y", "2"), ("width", &width), ("height", "8"), ("rx", "4")],
    );
    m.empty("line", &[("class", "ct-bar-target"), ("x1", &target), ("x2", &target), ("y1", "0"), ("y2", "12")]);
    m.close("svg").close("td");
    m.element("td", &num, &lang.percent(d.percent));
    m.element("td", &num, &format!("{}/{}", d.at_target, d.applicable));
    m.open("td", &num).text(&format!("{}/{}", d.answered, d.applicable));
    if let Some(id) = &d.first_unanswered {
        m.text(" ");
        m.element(
            "button",
            &[("type", "button"), ("class", "ct-link-button ct-no-print"), (SHOW, id)],
            lang.t("results.answer_now"),
        );
    }
    m.close("td");
    m.close("tr");
}

/// The action plan's steps, ranked: what to do next, who carries it and the rules behind it.
pub fn plan(lang: Words, rows: &[PlanRow]) -> Markup {
    let mut m = Markup::new();
    m.open("ol", &[("class", "ct-plan")]);
    for row in rows {
        plan_step(&mut m, lang, row);
    }
    m.close("ol");
    m
}

fn plan_step(m: &mut Markup, lang: Words, row: &PlanRow) {
    let gap = &row.item;
    let text = lang.question(&gap.question);
    m.open("li", &[("class", if gap.critical { "ct-plan-item ct-plan-critical" } else { "ct-plan-item" })]);
    m.open("div", &[("class", "ct-plan-head")]);
    m.element("span", &[("class", "ct-plan-rank"), ("aria-hidden", "true")], &gap.rank.to_string());
    m.open("div", &[("class", "ct-plan-title")]);
    m.open("p", &[("class", "ct-plan-meta")]);
    m.element("span", &[("class", "ct-question-id")], &gap.question);
    m.text(" · ").text(lang.domain_title(&gap.domain));
    if gap.critical {
        m.element("span", &[("class", "ct-badge ct-badge-critical")], lang.t("answer.critical"));
    }
    m.close("p");
    let prompt = text.map(|t| t.prompt.as_str()).unwrap_or_default();
    m.element(
        "button",
        &[("type", "button"), ("class", "ct-link-button ct-plan-prompt"), (SHOW, &gap.question)],
        prompt,
    );
    m.close("div").close("div");
    m.open("dl", &[("class", "ct-plan-facts")]);
    m.open("div", &[]).element("dt", &[], lang.t("results.table_level")).open("dd", &[]);
    m.text(&standing_text(&lang, gap.standing)).text(" → ");
    m.text(&lang.fill("results.action_target", &[("level", &gap.target.to_string())]));
    m.close("dd").close("div");
    m.open("div", &[]).element("dt", &[], lang.t("results.action_responsibility"));
    m.element("dd", &[], lang.t(&format!("parties.{}", row.party))).close("div");
    m.close("dl");
    m.open("div", &[("class", "ct-plan-next")]);
    m.element(
        "p",
        &[("class", "ct-plan-next-title")],
        &lang.fill("results.action_next", &[("level", &gap.next_level.to_string())]),
    );
    if row.find_out_first {
        m.element("p", &[], lang.t("results.action_unknown_first"));
    }
    m.element("p", &[], lang.level_descriptor(&gap.question, gap.next_level));
    m.close("div");
    m.open("p", &[("class", "ct-plan-how")]);
    m.element("span", &[("class", "ct-plan-how-title")], &lang.label(lang.t("results.action_recommendation")));
    m.text(text.map(|t| t.recommendation.as_str()).unwrap_or_default());
    m.close("p");
    m.open("p", &[("class", "ct-plan-refs")]);
    m.element("span", &[("class", "ct-plan-refs-title")], &lang.label(lang.t("results.action_references")));
    m.text(&gap.references.iter().map(|r| r.label(&lang)).collect::<Vec<_>>().join(" · "));
    m.close("p");
    m.close("li");
}

/// The applicable questions not answered yet, each a way to it.
pub fn unanswered(lang: Words, ids: &[String]) -> Markup {
    let mut m = Markup::new();
    m.open("section", &[("class", "ct-unanswered"), ("aria-labelledby", "ct-unanswered-title")]);
    m.element("h2", &[("id", "ct-unanswered-title"), ("class", "ct-subtitle")], lang.t("results.unanswered_title"));
    m.element("p", &[("class", "ct-muted")], lang.t("results.unanswered_lead"));
    m.open("ul", &[("class", "ct-unanswered-list")]);
    for id in ids {
        m.open("li", &[]);
        question_button(&mut m, lang, id);
        m.close("li");
    }
    m.close("ul").close("section");
    m
}

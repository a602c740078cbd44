//! The procurement pack's page as plain data: a tree of elements (a tag from
//! [`TAGS`], attributes from [`ATTRIBUTES`], children) and texts, built from the
//! view model by the on-demand export module. The widget's main module carries
//! neither the pack's content nor this layout: one small renderer turns the
//! tree into elements, text as text (never markup), and drops anything not on
//! these lists. Written as JSON, an element is `["tag", {attributes}, child...]`
//! and a text is a string.

use super::view::{Citation, ClauseView, PackView, PartView, PhaseView, RequirementView};
use crate::core::json::Json;

/// The elements the page uses: headings, lists, description lists and tables a screen reader can follow.
pub const TAGS: &[&str] = &[
    "section", "div", "h2", "h3", "p", "strong", "span", "cite", "ul", "ol", "li", "dl", "dt", "dd", "table",
    "caption", "thead", "tbody", "tr", "th", "td",
];

/// The attributes the page uses: no event handlers, styles, links or sources, so nothing runs or loads.
pub const ATTRIBUTES: &[&str] = &[
    "class",
    "id",
    "scope",
    "role",
    "aria-labelledby",
    "aria-hidden",
    "data-phase",
    "data-part",
    "data-requirement",
    "data-strength",
    "data-question",
    "data-clause",
    "data-state",
    "data-reference",
];

/// One element of the tree.
fn el(tag: &str, attributes: &[(&str, &str)], children: Vec<Json>) -> Json {
    let attributes = attributes.iter().map(|(k, v)| ((*k).to_owned(), Json::str(*v))).collect();
    let mut items = vec![Json::str(tag), Json::Object(attributes)];
    items.extend(children);
    Json::Array(items)
}

fn text(t: &str) -> Json {
    Json::str(t)
}

fn citations(list: &[Citation]) -> Json {
    let items =
        list.iter().map(|c| el("li", &[], vec![el("cite", &[("data-reference", &c.id)], vec![text(&c.label)])]));
    el("ul", &[("class", "ct-pack-rules")], items.collect())
}

fn texts(list: &[String]) -> Json {
    el("ul", &[("class", "ct-pack-evidence")], list.iter().map(|t| el("li", &[], vec![text(t)])).collect())
}

fn requirement(v: &PackView, r: &RequirementView) -> Json {
    let (strength, class, badge) = if r.must {
        ("must", "ct-plan-item ct-pack-requirement ct-pack-must", "ct-badge ct-badge-critical")
    } else {
        ("should", "ct-plan-item ct-pack-requirement", "ct-badge ct-badge-gap")
    };
    let facts = vec![
        el("dt", &[], vec![text(v.label("rationale"))]),
        el("dd", &[], vec![text(&r.rationale)]),
        el("dt", &[], vec![text(v.label("evidence"))]),
        el("dd", &[], vec![texts(&r.evidence)]),
        el("dt", &[], vec![text(v.label("rule"))]),
        el("dd", &[], vec![citations(&r.rules)]),
    ];
    el(
        "li",
        &[("class", class), ("data-requirement", &r.id), ("data-strength", strength)],
        vec![
            el(
                "p",
                &[("class", "ct-plan-meta")],
                vec![
                    el("span", &[("class", "ct-question-id")], vec![text(&r.id)]),
                    el("span", &[("class", badge)], vec![text(&r.strength)]),
                ],
            ),
            el("p", &[("class", "ct-pack-clause")], vec![text(&r.clause)]),
            el("dl", &[("class", "ct-pack-facts")], facts),
            el("p", &[("class", "ct-small ct-muted")], vec![text(&r.standing)]),
        ],
    )
}

fn phase(v: &PackView, p: &PhaseView) -> Json {
    let id = format!("ct-pack-phase-{}", p.id);
    el(
        "section",
        &[("class", "ct-pack-phase"), ("aria-labelledby", &id), ("data-phase", &p.id)],
        vec![
            el(
                "h3",
                &[("id", &id), ("class", "ct-pack-phase-title")],
                vec![text(&v.labelled(v.label("phase"), &p.title))],
            ),
            el("ol", &[("class", "ct-plan")], p.requirements.iter().map(|r| requirement(v, r)).collect()),
        ],
    )
}

/// A table with a hidden caption, a header row and body rows.
fn table(caption: &str, header: &[&str], rows: Vec<Json>) -> Json {
    let header = header.iter().map(|h| el("th", &[("scope", "col")], vec![text(h)])).collect();
    el(
        "div",
        &[("class", "ct-table-wrap")],
        vec![el(
            "table",
            &[("class", "ct-table ct-pack-table")],
            vec![
                el("caption", &[("class", "ct-visually-hidden")], vec![text(caption)]),
                el("thead", &[], vec![el("tr", &[], header)]),
                el("tbody", &[], rows),
            ],
        )],
    )
}

fn clause(c: &ClauseView) -> Json {
    let (state, mark) = if c.covered { ("covered", "✓ ") } else { ("missing", "✗ ") };
    el(
        "tr",
        &[("data-clause", &c.id), ("data-state", state)],
        vec![
            el(
                "th",
                &[("scope", "row")],
                vec![
                    el("span", &[("class", "ct-pack-clause-title")], vec![text(&c.title)]),
                    text(" "),
                    el("span", &[("class", "ct-pack-clause-text")], vec![text(&c.text)]),
                ],
            ),
            el("td", &[], vec![citations(&c.basis)]),
            el("td", &[], vec![text(&c.shown_by.join(", "))]),
            el(
                "td",
                &[],
                vec![el(
                    "span",
                    &[("class", &format!("ct-pack-state ct-pack-{state}"))],
                    vec![el("span", &[("aria-hidden", "true")], vec![text(mark)]), text(&c.state)],
                )],
            ),
        ],
    )
}

fn part(v: &PackView, p: &PartView) -> Json {
    let id = format!("ct-pack-part-{}", p.id);
    let state = format!("{} / {}", v.label("covered"), v.label("missing"));
    let header = [v.label("checklist"), v.label("basis"), v.label("shown_by"), &state];
    el(
        "section",
        &[("class", "ct-pack-part"), ("aria-labelledby", &id), ("data-part", &p.id)],
        vec![
            el("h3", &[("id", &id), ("class", "ct-pack-phase-title")], vec![text(&p.title)]),
            table(&p.title, &header, p.clauses.iter().map(clause).collect()),
        ],
    )
}

/// A section of the page with its heading.
fn section(id: &str, title: &str, mut children: Vec<Json>) -> Json {
    children.insert(0, el("h2", &[("id", id), ("class", "ct-subtitle")], vec![text(title)]));
    el("section", &[("class", "ct-pack-section"), ("aria-labelledby", id)], children)
}

/// The page's body for a view: the context and summary, the requirements by phase, the supplier
/// questionnaire and the contract checklist, as a list of elements.
pub fn page(v: &PackView) -> Json {
    let mut requirements = vec![if v.phases.is_empty() {
        el("p", &[], vec![text(v.label("requirements_none"))])
    } else {
        el("p", &[("class", "ct-muted")], vec![text(&v.must_hint)])
    }];
    requirements.extend(v.phases.iter().map(|p| phase(v, p)));
    let mut body = vec![
        el("p", &[("class", "ct-context-summary")], vec![text(&v.context)]),
        el("p", &[], vec![text(v.label("intro"))]),
        el("p", &[("class", "ct-pack-summary")], vec![el("strong", &[], vec![text(&v.summary)])]),
        el("p", &[("class", "ct-pack-note"), ("role", "note")], vec![text(v.label("disclaimer"))]),
        section("ct-pack-requirements", v.label("requirements"), requirements),
    ];
    if !v.questions.is_empty() {
        let rows = v.questions.iter().map(|q| {
            el(
                "tr",
                &[("data-question", &q.id)],
                vec![
                    el("th", &[("scope", "row")], vec![el("span", &[("class", "ct-question-id")], vec![text(&q.id)])]),
                    el("td", &[], vec![text(&q.question)]),
                    el("td", &[], vec![texts(&q.evidence)]),
                ],
            )
        });
        let header = ["#", v.label("questionnaire"), v.label("evidence")];
        body.push(section(
            "ct-pack-questionnaire",
            v.label("questionnaire"),
            vec![
                el("p", &[("class", "ct-muted")], vec![text(v.label("questionnaire_intro"))]),
                table(v.label("questionnaire"), &header, rows.collect()),
            ],
        ));
    }
    let mut checklist = vec![el("p", &[("class", "ct-muted")], vec![text(v.label("checklist_intro"))])];
    checklist.extend(v.parts.iter().map(|p| part(v, p)));
    body.push(section("ct-pack-checklist", v.label("checklist"), checklist));
    Json::Array(body)
}

/// What the export module hands the widget: the page's body as JSON text.
pub fn page_json(v: &PackView) -> String {
    page(v).compact()
}

//! The team part of a question card: who answered, a disagreement with every
//! answer and note and the way to settle it, and the evidence register.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::core::answer::{AnswerValue, Level};
use crate::core::assessment::{Event, Page};
use crate::core::evidence::EvidenceDraft;
use crate::core::results::{Evidence, EvidenceFile};
use crate::core::team::QuestionTeamView;
use crate::web::lang::Words;
use crate::web::notice::Notice;
use crate::web::state::{Dispatch, Msg};

/// An answer as words: "2 · Defined", "Don't know", "Not applicable".
pub fn value_words(lang: Words, value: AnswerValue) -> String {
    match value {
        AnswerValue::Level(l) => {
            let n = usize::from(l.get());
            format!("{} · {}", n, lang.t(["levels.0", "levels.1", "levels.2", "levels.3", "levels.4"][n]))
        }
        AnswerValue::Unknown => lang.t("answer.unknown").to_owned(),
        AnswerValue::NotApplicable => lang.t("answer.not_applicable").to_owned(),
    }
}

#[derive(Properties, PartialEq)]
pub struct QuestionTeamProps {
    pub lang: Words,
    pub dispatch: Dispatch,
    pub id: AttrValue,
    pub view: QuestionTeamView,
    /// Whether "not applicable" may be entered as the settled answer.
    pub not_applicable: bool,
}

#[function_component]
pub fn QuestionTeam(props: &QuestionTeamProps) -> Html {
    let lang = props.lang;
    let view = &props.view;
    let id = props.id.to_string();
    let by = use_state(|| view.me.clone().unwrap_or_default());
    let other = use_state(|| None::<AnswerValue>);
    let on_by = {
        let by = by.clone();
        Callback::from(move |e: InputEvent| by.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let resolve = |chosen: Option<String>, value: AnswerValue| {
        let (dispatch, question, by) = (props.dispatch.clone(), id.clone(), by.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Msg::Core(Event::Resolve {
                question: question.clone(),
                by: (*by).clone(),
                chosen: chosen.clone(),
                value,
            }))
        })
    };
    let reopen = {
        let (dispatch, question) = (props.dispatch.clone(), id.clone());
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Msg::Core(Event::Reopen { question: question.clone() })))
    };
    let to_team = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Msg::Core(Event::Go(Page::Team))))
    };
    let mut others: Vec<AnswerValue> = Level::all().map(AnswerValue::Level).collect();
    others.push(AnswerValue::Unknown);
    if props.not_applicable {
        others.push(AnswerValue::NotApplicable);
    }
    let on_other = {
        let (other, others) = (other.clone(), others.clone());
        Callback::from(move |e: yew::Event| {
            let i = e.target_unchecked_into::<HtmlSelectElement>().selected_index();
            other.set(usize::try_from(i - 1).ok().and_then(|i| others.get(i).copied()));
        })
    };
    let by_id = format!("ct-by-{id}");
    let other_id = format!("ct-other-{id}");
    let by_missing = by.trim().is_empty();

    let conflict = view.conflict.as_ref().map(|c| {
        let heading = match &c.resolution {
            Some(r) => lang.fill("team.settled_by", &[("by", &r.by), ("answer", &value_words(lang, r.value))]),
            None => lang.t("team.disagree").to_owned(),
        };
        html! {
            <div class={classes!("ct-conflict", c.is_open().then_some("ct-conflict-open"))} role="group" aria-label={lang.t("team.disagree").to_owned()} data-testid="conflict">
                <p class="ct-conflict-title">{ heading }</p>
                <ul class="ct-said">
                    { for c.answers.iter().map(|a| html! {
                        <li>
                            <span class="ct-said-who">{ &a.respondent }</span>{ lang.colon() }
                            <span class="ct-said-what">{ value_words(lang, a.value) }</span>
                            if let Some(n) = &a.note {
                                <blockquote class="ct-said-note">{ n }</blockquote>
                            }
                            if c.is_open() {
                                <button type="button" class="ct-button ct-button-small" disabled={by_missing} onclick={resolve(Some(a.respondent.clone()), a.value)}>
                                    { lang.fill("team.take_answer", &[("respondent", &a.respondent)]) }
                                </button>
                            }
                        </li>
                    }) }
                    { for view.responses.iter().map(|r| html! {
                        <li>
                            <span class="ct-said-who">{ &r.respondent }</span>{ lang.colon() }
                            <span class="ct-said-what">{ lang.t("team.note_only") }</span>
                            if let Some(n) = &r.note {
                                <blockquote class="ct-said-note">{ n }</blockquote>
                            }
                        </li>
                    }) }
                </ul>
                if c.is_open() {
                    <p class="ct-hint">{ lang.t("team.scored_lowest") }</p>
                    <div class="ct-resolve">
                        <label for={by_id.clone()}>{ lang.t("team.settled_by_label") }</label>
                        <input id={by_id.clone()} class="ct-input" type="text" maxlength="80" value={(*by).clone()} oninput={on_by} />
                        <label for={other_id.clone()}>{ lang.t("team.other_answer") }</label>
                        <select id={other_id.clone()} class="ct-select" onchange={on_other}>
                            <option value="" selected={other.is_none()}>{ "—" }</option>
                            { for others.iter().map(|v| html! { <option selected={*other == Some(*v)}>{ value_words(lang, *v) }</option> }) }
                        </select>
                        if let Some(v) = *other {
                            <button type="button" class="ct-button ct-button-small" disabled={by_missing} onclick={resolve(None, v)}>{ lang.t("team.settle_other") }</button>
                        }
                        if by_missing {
                            <p class="ct-hint">{ lang.t("team.who_settles") }</p>
                        }
                    </div>
                } else {
                    <button type="button" class="ct-link-button" onclick={reopen}>{ lang.t("team.reopen") }</button>
                }
            </div>
        }
    });
    let alike = (view.conflict.is_none() && !view.responses.is_empty()).then(|| html! {
        <div class="ct-alike">
            <p class="ct-muted">{ lang.t("team.answered_alike") }</p>
            <ul class="ct-said">
                { for view.responses.iter().map(|r| html! {
                    <li>
                        <span class="ct-said-who">{ &r.respondent }</span>{ lang.colon() }
                        <span class="ct-said-what">{ r.value.map_or_else(|| lang.t("team.note_only").to_owned(), |v| value_words(lang, v)) }</span>
                        if let Some(n) = &r.note {
                            <blockquote class="ct-said-note">{ n }</blockquote>
                        }
                    </li>
                }) }
            </ul>
        </div>
    });
    html! {
        <div class="ct-question-team">
            if let Some(r) = &view.respondent {
                <p class="ct-muted ct-answered-by">{ lang.fill("team.answered_by", &[("respondent", r)]) }</p>
            }
            { for alike }
            { for conflict }
            if view.needs_label {
                <p class="ct-problem" role="alert">
                    { lang.t("team.needs_label") }{ " " }
                    <button type="button" class="ct-link-button" onclick={to_team}>{ lang.t("team.open_team") }</button>
                </p>
            }
            <EvidenceRegister lang={lang} dispatch={props.dispatch.clone()} id={props.id.clone()} evidence={view.evidence.clone()} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct EvidenceProps {
    pub lang: Words,
    pub dispatch: Dispatch,
    pub id: AttrValue,
    pub evidence: Vec<Evidence>,
}

/// The evidence register of one question: what is recorded, and a form to add an entry.
/// One evidence entry as the register and the results page show it: its title, where it is kept,
/// its owner, its review date and the file's name and hash (never the file).
pub fn evidence_facts(lang: Words, e: &Evidence) -> Html {
    html! {
        <>
            <span class="ct-evidence-title">{ &e.title }</span>
            if let Some(l) = &e.location {
                <span class="ct-evidence-meta">{ lang.fill("evidence.kept_at", &[("location", l)]) }</span>
            }
            if let Some(o) = &e.owner {
                <span class="ct-evidence-meta">{ lang.fill("evidence.owned_by", &[("owner", o)]) }</span>
            }
            if let Some(d) = &e.review_by {
                <span class="ct-evidence-meta">{ lang.fill("evidence.review_by", &[("date", &lang.date(d))]) }</span>
            }
            if let Some(f) = &e.file {
                <span class="ct-evidence-meta">{ &f.name }{ " · SHA-256 " }<code class="ct-hash" data-testid="evidence-hash">{ &f.sha256 }</code></span>
            }
        </>
    }
}

#[function_component]
pub fn EvidenceRegister(props: &EvidenceProps) -> Html {
    let lang = props.lang;
    let id = props.id.to_string();
    let draft = use_state(EvidenceDraft::default);
    let open = use_state(|| false);
    let error = use_state(|| None::<String>);
    let hashing = use_state(|| false);
    let file_input = use_node_ref();
    let title_input = use_node_ref();
    let field = |set: fn(&mut EvidenceDraft, String)| {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let mut d = (*draft).clone();
            set(&mut d, e.target_unchecked_into::<HtmlInputElement>().value());
            draft.set(d);
        })
    };
    let on_file = {
        let (draft, hashing, dispatch) = (draft.clone(), hashing.clone(), props.dispatch.clone());
        Callback::from(move |e: yew::Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let Some(file) = input.files().and_then(|l| l.get(0)) else { return };
            let (draft, hashing, dispatch) = (draft.clone(), hashing.clone(), dispatch.clone());
            hashing.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let hash = crate::web::files::sha256(&file).await;
                hashing.set(false);
                let mut d = (*draft).clone();
                match hash {
                    Some(sha256) => d.file = Some(EvidenceFile { name: file.name(), sha256 }),
                    None => {
                        d.file = None;
                        dispatch.dispatch(Msg::Notify(Notice::HashFailed));
                    }
                }
                draft.set(d);
            });
        })
    };
    let add = {
        let (draft, error, dispatch, question, count) =
            (draft.clone(), error.clone(), props.dispatch.clone(), id.clone(), props.evidence.len());
        let file_input = file_input.clone();
        Callback::from(move |_: MouseEvent| match draft.check(count) {
            Ok(evidence) => {
                dispatch.dispatch(Msg::Core(Event::AddEvidence { question: question.clone(), evidence }));
                draft.set(EvidenceDraft::default());
                error.set(None);
                if let Some(input) = file_input.cast::<HtmlInputElement>() {
                    input.set_value("");
                }
            }
            Err(e) => error.set(Some(e.message(&lang))),
        })
    };
    let remove = |index: usize| {
        let (dispatch, question) = (props.dispatch.clone(), id.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Msg::Core(Event::RemoveEvidence { question: question.clone(), index }))
        })
    };
    let input_id = |name: &str| format!("ct-ev-{name}-{id}");
    let error_id = format!("ct-ev-error-{id}");
    let count = props.evidence.len();
    // The form is rendered only once asked for: a page of questions stays light.
    let toggle = {
        let open = open.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            open.set(!*open);
        })
    };
    let form_open = *open;
    // The form, once opened, has the focus on its first field.
    {
        let title_input = title_input.clone();
        use_effect_with(form_open, move |&form_open| {
            if let Some(input) = title_input.cast::<web_sys::HtmlElement>().filter(|_| form_open) {
                let _ = input.focus();
            }
        });
    }
    html! {
        <details class="ct-evidence" open={count > 0 || form_open} data-testid="evidence">
            <summary onclick={toggle}>{ lang.fill("evidence.summary", &[("count", &count.to_string())]) }</summary>
            if count > 0 {
                <ul class="ct-evidence-list">
                    { for props.evidence.iter().enumerate().map(|(i, e)| html! {
                        <li class="ct-evidence-item">
                            { evidence_facts(lang, e) }
                            <button type="button" class="ct-link-button ct-no-print" onclick={remove(i)}>
                                { lang.fill("evidence.remove", &[("title", &e.title)]) }
                            </button>
                        </li>
                    }) }
                </ul>
            }
            if form_open {
            <div class="ct-evidence-form ct-no-print">
                <label for={input_id("title")}>{ lang.t("evidence.field_title") }</label>
                <input id={input_id("title")} ref={title_input} class="ct-input" type="text" maxlength="500" value={draft.title.clone()} oninput={field(|d, v| d.title = v)}
                    aria-describedby={error.is_some().then(|| error_id.clone())} aria-invalid={error.is_some().then_some("true")} />
                <label for={input_id("location")}>{ lang.t("evidence.field_location") }</label>
                <input id={input_id("location")} class="ct-input" type="text" maxlength="500" value={draft.location.clone()} oninput={field(|d, v| d.location = v)} />
                <label for={input_id("owner")}>{ lang.t("evidence.field_owner") }</label>
                <input id={input_id("owner")} class="ct-input" type="text" maxlength="80" value={draft.owner.clone()} oninput={field(|d, v| d.owner = v)} />
                <label for={input_id("review")}>{ lang.t("evidence.field_review") }</label>
                <input id={input_id("review")} class="ct-input" type="date" value={draft.review_by.clone()} oninput={field(|d, v| d.review_by = v)} />
                <label for={input_id("file")}>{ lang.t("evidence.field_file") }</label>
                <input id={input_id("file")} ref={file_input} class="ct-input" type="file" onchange={on_file} data-testid="evidence-file" />
                <p class="ct-hint">{ lang.t("evidence.file_hint") }</p>
                if *hashing {
                    <p class="ct-hint" role="status">{ lang.t("evidence.hashing") }</p>
                }
                if let Some(f) = &draft.file {
                    <p class="ct-hint" role="status">{ &f.name }{ " · SHA-256 " }<code class="ct-hash" data-testid="draft-hash">{ &f.sha256 }</code></p>
                }
                if let Some(message) = &*error {
                    <p class="ct-problem" id={error_id.clone()} role="alert">{ message }</p>
                }
                <button type="button" class="ct-button ct-button-small" disabled={*hashing} onclick={add}>{ lang.t("evidence.add") }</button>
            </div>
            }
        </details>
    }
}

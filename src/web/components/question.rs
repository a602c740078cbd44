//! One question: the practice, why it matters, the five level descriptors as
//! a radio group, "don't know", "not applicable" where allowed, and a note.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[cfg(feature = "full")]
use super::question_team::QuestionTeam;
use crate::core::answer::{AnswerValue, Level};
use crate::core::assessment::Event;
use crate::core::view::QuestionView;
use crate::web::lang::Words;
use crate::web::state::{Dispatch, Msg};

#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    pub lang: Words,
    pub dispatch: Dispatch,
    pub view: QuestionView,
}

/// One answer of a question's radio group. A component of its own, so that an
/// answer renders again only the two options it checks and unchecks.
#[derive(Properties, PartialEq)]
struct ChoiceProps {
    dispatch: Dispatch,
    question: AttrValue,
    /// The radio group's name.
    name: AttrValue,
    value: AnswerValue,
    checked: bool,
    title: &'static str,
    description: Option<&'static str>,
    /// `ct-option-level` or `ct-option-other`.
    kind: &'static str,
}

#[function_component]
fn Choice(props: &ChoiceProps) -> Html {
    let onchange = {
        let (dispatch, question, value) = (props.dispatch.clone(), props.question.clone(), props.value);
        Callback::from(move |_: yew::Event| {
            dispatch.dispatch(Msg::Core(Event::Answer { question: question.to_string(), value: Some(value) }))
        })
    };
    // The form value (as in results files) and the badge.
    let (key, badge) = match props.value {
        AnswerValue::Level(l) => {
            let digit = ["0", "1", "2", "3", "4"][usize::from(l.get())];
            (digit, digit)
        }
        AnswerValue::Unknown => ("unknown", "?"),
        AnswerValue::NotApplicable => ("na", "–"),
    };
    let checked = props.checked;
    html! {
        // The badge is the label's generated content (widget.css), with empty alternative text:
        // two elements fewer per option, seven options a question.
        <label class={classes!("ct-option", props.kind, checked.then_some("ct-option-checked"))} data-badge={badge}>
            <input type="radio" name={props.name.clone()} value={key} {checked} {onchange} />
            <span class="ct-option-title">{ props.title }</span>
            if let Some(d) = props.description {
                <span class="ct-option-desc">{ d }</span>
            }
        </label>
    }
}

/// A question's note. A component of its own, so that an answer does not render it again.
#[derive(Properties, PartialEq)]
struct NoteProps {
    lang: Words,
    dispatch: Dispatch,
    question: AttrValue,
    note: Option<String>,
}

#[function_component]
fn Note(props: &NoteProps) -> Html {
    let lang = props.lang;
    let on_note = {
        let (dispatch, question) = (props.dispatch.clone(), props.question.clone());
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            dispatch.dispatch(Msg::Core(Event::Note { question: question.to_string(), text }));
        })
    };
    html! {
        <details class="ct-note" open={props.note.is_some()}>
            <summary>{ lang.0.t("answer.note") }</summary>
            <label class="ct-note-label">
                <span class="ct-visually-hidden">{ format!("{} {}", lang.t("answer.note"), props.question) }</span>
                <textarea class="ct-textarea" rows="3" maxlength="4000" value={props.note.clone().unwrap_or_default()} oninput={on_note} />
            </label>
            <p class="ct-hint">{ lang.0.t("answer.note_hint") }</p>
        </details>
    }
}

/// A question's legend and its "why it matters": a component of its own, so that
/// an answer does not render them again.
#[derive(Properties, PartialEq)]
struct HeadProps {
    lang: Words,
    id: AttrValue,
    number: usize,
    count: usize,
    critical: bool,
    target: u8,
}

#[function_component]
fn Head(props: &HeadProps) -> Html {
    let (lang, id) = (props.lang, &props.id);
    let text = lang.0.question(id);
    let critical = props.critical.then(|| html! {
        <span class="ct-badge ct-badge-critical" title={lang.0.t("answer.critical_hint")}>{ lang.0.t("answer.critical") }</span>
    });
    html! {
        <>
            <legend class="ct-question-legend" id={format!("ct-q-{id}")}>
                <span class="ct-question-meta">
                    <span class="ct-question-id">{ id.clone() }</span>
                    <span class="ct-visually-hidden">{ ", " }</span>
                    <span class="ct-question-number">{ lang.fill("answer.question_of", &[("number", &props.number.to_string()), ("count", &props.count.to_string())]) }</span>
                    { for critical }
                </span>
                <span class="ct-question-prompt">{ text.map(|t| t.prompt.as_str()).unwrap_or_default() }</span>
            </legend>
            <details class="ct-why">
                <summary>{ lang.0.t("answer.why") }</summary>
                <p>{ text.map(|t| t.help.as_str()).unwrap_or_default() }</p>
                <p class="ct-muted">{ lang.fill("answer.target", &[("level", &props.target.to_string())]) }</p>
                if props.critical {
                    <p class="ct-muted">{ lang.0.t("answer.critical_hint") }</p>
                }
            </details>
        </>
    }
}

#[function_component]
pub fn QuestionCard(props: &QuestionProps) -> Html {
    let lang = props.lang;
    let view = &props.view;
    let id = AttrValue::from(view.id.clone());
    let text = lang.0.question(&id);
    let name = AttrValue::from(format!("q-{id}"));
    let clear = {
        let (dispatch, question) = (props.dispatch.clone(), view.id.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Msg::Core(Event::Answer { question: question.clone(), value: None }))
        })
    };
    let option = |value: AnswerValue, title: &'static str, description: Option<&'static str>, kind: &'static str| {
        html! {
            <Choice dispatch={props.dispatch.clone()} question={id.clone()} name={name.clone()} {value}
                checked={view.answer == Some(value)} {title} {description} {kind} />
        }
    };
    #[cfg(feature = "full")]
    let team = html! {
        <QuestionTeam lang={lang} dispatch={props.dispatch.clone()} id={view.id.clone()} view={view.team.clone()} not_applicable={view.not_applicable} />
    };
    #[cfg(not(feature = "full"))]
    let team = evidence_opener(lang, &props.dispatch, &id);
    html! {
        <fieldset class={classes!("ct-question", view.answer.is_some().then_some("ct-question-answered"))} id={format!("question-{id}")}>
            <Head lang={lang} id={id.clone()} number={view.number} count={view.count} critical={view.critical} target={view.target} />
            <div class="ct-options">
                { for Level::all().map(|l| {
                    let n = usize::from(l.get());
                    let title = lang.0.t(["levels.0", "levels.1", "levels.2", "levels.3", "levels.4"][n]);
                    let description = text.and_then(|t| t.levels.get(n)).map(String::as_str);
                    option(AnswerValue::Level(l), title, description, "ct-option-level")
                }) }
                <div class="ct-options-other">
                    { option(AnswerValue::Unknown, lang.0.t("answer.unknown"), Some(lang.0.t("answer.unknown_hint")), "ct-option-other") }
                    if view.not_applicable {
                        { option(AnswerValue::NotApplicable, lang.0.t("answer.not_applicable"), None, "ct-option-other") }
                    }
                </div>
            </div>
            <div class="ct-question-footer">
                <Note lang={lang} dispatch={props.dispatch.clone()} question={id.clone()} note={view.note.clone()} />
                if view.answer.is_some() {
                    <button type="button" class="ct-link-button" onclick={clear}>{ lang.0.t("answer.clear") }</button>
                }
            </div>
            { team }
        </fieldset>
    }
}

/// The first module's evidence register of a question, closed: the same
/// disclosure as the whole widget's, which opening it loads (`web::upgrade`).
/// A question there never has evidence, respondents or a disagreement: an
/// assessment with any of them is shown by the whole widget.
#[cfg(not(feature = "full"))]
fn evidence_opener(lang: Words, dispatch: &Dispatch, id: &str) -> Html {
    let open = {
        let (dispatch, question) = (dispatch.clone(), id.to_owned());
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            dispatch.dispatch(Msg::Upgrade(crate::web::upgrade::Action::Evidence(question.clone())))
        })
    };
    html! {
        <div class="ct-question-team">
            <details class="ct-evidence" data-testid="evidence">
                <summary onclick={open}>{ lang.fill("evidence.summary", &[("count", "0")]) }</summary>
            </details>
        </div>
    }
}

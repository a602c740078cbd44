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

#[function_component]
pub fn QuestionCard(props: &QuestionProps) -> Html {
    let lang = props.lang;
    let view = &props.view;
    let id = view.id.clone();
    let text = lang.question(&id).cloned().unwrap_or_default();
    let name = format!("q-{id}");
    let legend_id = format!("ct-q-{id}");
    let answer = |value: Option<AnswerValue>| {
        let (dispatch, question) = (props.dispatch.clone(), id.clone());
        Callback::from(move |_: yew::Event| {
            dispatch.dispatch(Msg::Core(Event::Answer { question: question.clone(), value }))
        })
    };
    let clear = {
        let (dispatch, question) = (props.dispatch.clone(), id.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Msg::Core(Event::Answer { question: question.clone(), value: None }))
        })
    };
    let on_note = {
        let (dispatch, question) = (props.dispatch.clone(), id.clone());
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            dispatch.dispatch(Msg::Core(Event::Note { question: question.clone(), text }));
        })
    };
    let option =
        |value: AnswerValue, badge: String, title: String, description: Option<String>, extra: &'static str| {
            let checked = view.answer == Some(value);
            let key = match value {
                AnswerValue::Level(l) => l.get().to_string(),
                AnswerValue::Unknown => "unknown".into(),
                AnswerValue::NotApplicable => "na".into(),
            };
            html! {
                <label class={classes!("ct-option", extra, checked.then_some("ct-option-checked"))}>
                    <input type="radio" name={name.clone()} value={key} {checked} onchange={answer(Some(value))} />
                    <span class="ct-option-badge" aria-hidden="true">{ badge }</span>
                    <span class="ct-option-text">
                        <span class="ct-option-title">{ title }</span>
                        if let Some(d) = description {
                            <span class="ct-option-desc">{ d }</span>
                        }
                    </span>
                </label>
            }
        };
    #[cfg(feature = "full")]
    let team = html! {
        <QuestionTeam lang={lang} dispatch={props.dispatch.clone()} id={id.clone()} view={view.team.clone()} not_applicable={view.not_applicable} />
    };
    #[cfg(not(feature = "full"))]
    let team = evidence_opener(lang, &props.dispatch, &id);
    let critical = view.critical.then(|| html! {
        <span class="ct-badge ct-badge-critical" title={lang.t("answer.critical_hint").to_owned()}>{ lang.t("answer.critical") }</span>
    });
    html! {
        <fieldset class={classes!("ct-question", view.answer.is_some().then_some("ct-question-answered"))} id={format!("question-{id}")}>
            <legend class="ct-question-legend" id={legend_id}>
                <span class="ct-question-meta">
                    <span class="ct-question-id">{ &id }</span>
                    <span class="ct-visually-hidden">{ ", " }</span>
                    <span class="ct-question-number">{ lang.fill("answer.question_of", &[("number", &view.number.to_string()), ("count", &view.count.to_string())]) }</span>
                    { for critical }
                </span>
                <span class="ct-question-prompt">{ &text.prompt }</span>
            </legend>
            <details class="ct-why">
                <summary>{ lang.t("answer.why") }</summary>
                <p>{ &text.help }</p>
                <p class="ct-muted">{ lang.fill("answer.target", &[("level", &view.target.to_string())]) }</p>
                if view.critical {
                    <p class="ct-muted">{ lang.t("answer.critical_hint") }</p>
                }
            </details>
            <div class="ct-options">
                { for Level::all().map(|l| {
                    let n = l.get();
                    let title = lang.t(["levels.0", "levels.1", "levels.2", "levels.3", "levels.4"][usize::from(n)]).to_owned();
                    let description = text.levels.get(usize::from(n)).cloned();
                    option(AnswerValue::Level(l), n.to_string(), title, description, "ct-option-level")
                }) }
                <div class="ct-options-other">
                    { option(AnswerValue::Unknown, "?".into(), lang.t("answer.unknown").to_owned(), Some(lang.t("answer.unknown_hint").to_owned()), "ct-option-other") }
                    if view.not_applicable {
                        { option(AnswerValue::NotApplicable, "–".into(), lang.t("answer.not_applicable").to_owned(), None, "ct-option-other") }
                    }
                </div>
            </div>
            <div class="ct-question-footer">
                <details class="ct-note" open={view.note.is_some()}>
                    <summary>{ lang.t("answer.note") }</summary>
                    <label class="ct-note-label">
                        <span class="ct-visually-hidden">{ format!("{} {}", lang.t("answer.note"), id) }</span>
                        <textarea class="ct-textarea" rows="3" maxlength="4000" value={view.note.clone().unwrap_or_default()} oninput={on_note} />
                    </label>
                    <p class="ct-hint">{ lang.t("answer.note_hint") }</p>
                </details>
                if view.answer.is_some() {
                    <button type="button" class="ct-link-button" onclick={clear}>{ lang.t("answer.clear") }</button>
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

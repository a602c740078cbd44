//! The welcome page: what the assessment is, how long it takes, and the privacy promise.

use yew::prelude::*;

use super::file_button::FileButton;
use crate::core::assessment::{Event, Page};
use crate::core::view::WelcomeView;
use crate::web::files::Purpose;
use crate::web::lang::Words;
use crate::web::state::{Dispatch, Msg};

#[derive(Properties, PartialEq)]
pub struct WelcomeProps {
    pub lang: Words,
    pub dispatch: Dispatch,
    pub view: WelcomeView,
}

#[function_component]
pub fn WelcomePage(props: &WelcomeProps) -> Html {
    let lang = props.lang;
    let questions = props.view.questions.to_string();
    let domains = props.view.domains.to_string();
    let start = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Msg::Core(Event::Go(Page::Context))))
    };
    let resume = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Msg::Core(Event::Resume)))
    };
    html! {
        <section class="ct-welcome" aria-labelledby="ct-page-title">
            <h1 id="ct-page-title" class="ct-title" tabindex="-1" data-page-heading="">{ lang.t("welcome.title") }</h1>
            <p class="ct-lead">{ lang.t("welcome.lead") }</p>
            <p>{ lang.fill("welcome.time", &[("questions", &questions), ("domains", &domains)]) }</p>
            <p class="ct-muted">{ lang.t("welcome.basis") }</p>
            <div class="ct-privacy" role="note" aria-labelledby="ct-privacy-title">
                <svg class="ct-privacy-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                    <path d="M12 2l8 3v6c0 5-3.4 9.4-8 11-4.6-1.6-8-6-8-11V5z"/>
                    <path d="M8.5 12l2.5 2.5 4.5-5" class="ct-privacy-tick"/>
                </svg>
                <div>
                    <h2 id="ct-privacy-title" class="ct-subtitle">{ lang.t("welcome.privacy_title") }</h2>
                    <ul class="ct-privacy-list">
                        <li>{ lang.t("welcome.privacy_1") }</li>
                        <li>{ lang.t("welcome.privacy_2") }</li>
                        <li>{ lang.t("welcome.privacy_3") }</li>
                    </ul>
                </div>
            </div>
            <div class="ct-actions-row">
                <button type="button" class="ct-button ct-button-primary" onclick={start}>{ lang.t("welcome.start") }</button>
                if props.view.can_resume {
                    <button type="button" class="ct-button" onclick={resume}>{ lang.t("welcome.resume") }</button>
                }
                <FileButton
                    label={lang.t("welcome.import").to_owned()}
                    purpose={Purpose::Resume}
                    dispatch={props.dispatch.clone()}
                />
            </div>
            <p class="ct-muted ct-small">{ lang.t("welcome.import_hint") }</p>
        </section>
    }
}

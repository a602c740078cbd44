//! The widget's title bar with the language switcher.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::core::view::LanguageOption;
use crate::web::lang::Words;
use crate::web::state::Dispatch;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub lang: Words,
    pub dispatch: Dispatch,
    pub languages: Vec<LanguageOption>,
}

#[function_component]
pub fn Header(props: &HeaderProps) -> Html {
    let lang = props.lang;
    let onchange = {
        let dispatch = props.dispatch.clone();
        // Past the welcome page the language shown has its texts, and soon every domain's questions;
        // the new one must bring as much of its own.
        let upto = lang.part();
        Callback::from(move |e: yew::Event| {
            let code = e.target_unchecked_into::<HtmlSelectElement>().value();
            crate::web::languages::switch(code, upto, dispatch.clone());
        })
    };
    html! {
        <header class="ct-header">
            <div class="ct-brand">
                <svg class="ct-logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
                    <path d="M9 23h14a5 5 0 0 0 .6-9.96A7 7 0 0 0 10.2 12 5.5 5.5 0 0 0 9 23z" class="ct-logo-cloud"/>
                    <path d="M16 14v7M12.5 17.5h7" class="ct-logo-cross"/>
                </svg>
                <div>
                    <p class="ct-brand-name">{ lang.t("app.name") }</p>
                    <p class="ct-brand-tagline">{ lang.t("app.tagline") }</p>
                </div>
            </div>
            <label class="ct-lang">
                <span class="ct-lang-label">{ lang.t("language.switch") }</span>
                <select {onchange} class="ct-select">
                    { for props.languages.iter().map(|l| html! {
                        <option value={l.code} selected={l.chosen} lang={l.code}>{ l.name }</option>
                    }) }
                </select>
            </label>
        </header>
    }
}

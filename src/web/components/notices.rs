//! Notices at the top of the widget: errors announced at once, the rest politely.

use yew::prelude::*;

use crate::web::lang::Words;
use crate::web::notice::{Notice, Severity};
use crate::web::state::{Dispatch, Msg};

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub lang: Words,
    pub dispatch: Dispatch,
    pub notices: Vec<(u32, Notice)>,
}

#[function_component]
pub fn Notices(props: &NoticesProps) -> Html {
    let lang = props.lang;
    let item = |(id, notice): &(u32, Notice)| {
        let (class, role) = match notice.severity() {
            Severity::Error => ("ct-notice ct-notice-error", "alert"),
            Severity::Warning => ("ct-notice ct-notice-warning", "status"),
            Severity::Success => ("ct-notice ct-notice-success", "status"),
        };
        let onclick = {
            let dispatch = props.dispatch.clone();
            let id = *id;
            Callback::from(move |_| dispatch.dispatch(Msg::Dismiss(id)))
        };
        html! {
            <div {class} {role} key={*id}>
                <p class="ct-notice-text">{ notice.text(&lang) }</p>
                <button type="button" class="ct-notice-close" {onclick} aria-label={lang.t("notices.close").to_owned()}>
                    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M4 4l8 8M12 4l-8 8"/></svg>
                </button>
            </div>
        }
    };
    // The live regions exist before any notice, so screen readers announce what is added.
    html! {
        <div class="ct-notices">
            { for props.notices.iter().map(item) }
        </div>
    }
}

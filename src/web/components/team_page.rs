//! The team page: the user's own role label, a file or link prepared for a
//! respondent (role label and assigned domains; no personal data asked for),
//! and merging respondents' files (choose or drop several, label the ones
//! that name nobody, drop any, merge).

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::core::assessment::{Event, Page};
use crate::core::context::Context;
use crate::core::results::ResultsFile;
use crate::core::team::{respondent_team, TeamView};
use crate::core::Catalog;
use crate::web::files;
use crate::web::lang::Words;
use crate::web::notice::Notice;
use crate::web::platform;
use crate::web::state::{Dispatch, MergeFile, Msg};

#[derive(Properties, PartialEq)]
pub struct TeamPageProps {
    pub lang: Words,
    pub dispatch: Dispatch,
    pub view: TeamView,
    /// The context the respondent's file and link carry.
    pub context: Context,
    pub merge_files: Vec<MergeFile>,
}

/// The link that opens the widget as a respondent: this page with the role,
/// the domains and the context as URL parameters.
fn respondent_link(label: &str, domains: &[String], c: &Context) -> String {
    let location = web_sys::window().map(|w| w.location());
    let base = location
        .map(|l| format!("{}{}", l.origin().unwrap_or_default(), l.pathname().unwrap_or_default()))
        .unwrap_or_default();
    let encode = |v: &str| String::from(js_sys::encode_uri_component(v));
    let uses: Vec<&str> = c.use_cases.iter().map(|u| u.as_str()).collect();
    let mut params = vec![
        ("use_case", uses.join(",")),
        ("service_model", c.service_model.as_str().to_owned()),
        ("deployment", c.deployment.as_str().to_owned()),
        ("stage", c.stage.as_str().to_owned()),
        ("org_size", c.org_size.as_str().to_owned()),
    ];
    if !label.trim().is_empty() {
        params.push(("respondent", label.trim().to_owned()));
    }
    if !domains.is_empty() {
        params.push(("domains", domains.join(",")));
    }
    let query: Vec<String> = params.iter().map(|(k, v)| format!("{k}={}", encode(v))).collect();
    format!("{base}?{}", query.join("&"))
}

#[function_component]
pub fn TeamPage(props: &TeamPageProps) -> Html {
    let lang = props.lang;
    let view = &props.view;
    let q = &Catalog::embedded().questionnaire;
    let me = use_state(|| view.me.clone().unwrap_or_default());
    let label = use_state(String::new);
    let chosen = use_state(Vec::<String>::new);
    let section = use_node_ref();
    let dragging = use_state(|| false);

    let on_me = {
        let me = me.clone();
        Callback::from(move |e: InputEvent| me.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let save_me = {
        let (me, dispatch) = (me.clone(), props.dispatch.clone());
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Msg::Core(Event::SetRespondent((*me).clone()))))
    };
    let on_label = {
        let label = label.clone();
        Callback::from(move |e: InputEvent| label.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let toggle = |id: String| {
        let chosen = chosen.clone();
        Callback::from(move |e: yew::Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            let mut list: Vec<String> = (*chosen).clone();
            list.retain(|d| *d != id);
            if on {
                list.push(id.clone());
            }
            chosen.set(list);
        })
    };
    let download = {
        let (label, chosen, dispatch, section, context) =
            (label.clone(), chosen.clone(), props.dispatch.clone(), section.clone(), props.context.clone());
        let code = lang.code.clone();
        Callback::from(move |_: MouseEvent| {
            let catalog = Catalog::embedded();
            let Ok(team) = respondent_team(&catalog.questionnaire, Some(label.as_str()), &chosen) else { return };
            let created = crate::core::time::rfc3339(platform::now_seconds());
            let file = ResultsFile::template(catalog, &code, created, &context).with_team(&team);
            let who = team.respondent.clone().unwrap_or_else(|| "respondent".to_owned());
            let safe: String = who.chars().map(|c| if c.is_alphanumeric() { c } else { '-' }).collect();
            let name = format!("cloudtriage-{safe}-{}.json", platform::local_day());
            let Some(root) = section.cast::<web_sys::Element>() else { return };
            dispatch.dispatch(Msg::Notify(match platform::download(&name, &file.to_json(), &root) {
                Ok(()) => Notice::RespondentFile { file: name },
                Err(_) => Notice::DownloadFailed,
            }));
        })
    };
    let on_files = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: yew::Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            files::read_for_merge(input.files(), dispatch.clone());
            input.set_value("");
        })
    };
    // Dropping files here adds them to the merge list instead of opening one.
    let on_drag = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            e.stop_propagation();
            dragging.set(true);
        })
    };
    let on_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_drop = {
        let (dispatch, dragging) = (props.dispatch.clone(), dragging.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            e.stop_propagation();
            dragging.set(false);
            files::read_for_merge(e.data_transfer().and_then(|d| d.files()), dispatch.clone());
        })
    };
    let merge = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Msg::MergeRun))
    };
    let keep_context = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Msg::Core(Event::KeepContext)))
    };
    let to_context = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Msg::Core(Event::Go(Page::Context))))
    };
    let drop_file = |i: usize| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Msg::MergeDrop(i)))
    };
    let label_file = |i: usize| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            dispatch.dispatch(Msg::MergeLabel(i, e.target_unchecked_into::<HtmlInputElement>().value()))
        })
    };

    let ordered: Vec<String> = view.domains.iter().filter(|d| chosen.contains(d)).cloned().collect();
    let context_ready = props.context.is_complete();
    let link = context_ready.then(|| respondent_link(&label, &ordered, &props.context));
    let usable = props.merge_files.iter().filter(|f| f.imported.is_ok()).count();
    let unlabelled = props.merge_files.iter().any(|f| f.needs_label() && f.label.trim().is_empty());
    let file_row = |(i, f): (usize, &MergeFile)| {
        let label_id = format!("ct-merge-label-{i}");
        let who = f.imported.as_ref().ok().map(|imp| {
            let mut labels: Vec<String> = imp.team.respondents.iter().map(|r| r.label.clone()).collect();
            labels.extend(imp.team.respondent.clone().filter(|r| !labels.contains(r)));
            labels.join(", ")
        });
        html! {
            <li class="ct-merge-file" data-testid="merge-file">
                <span class="ct-merge-name">{ &f.name }</span>
                { match (&f.imported, who) {
                    (Err(e), _) => html! { <span class="ct-problem">{ lang.fill("notices.import_failed", &[("reason", &e.message(&lang))]) }</span> },
                    (Ok(_), _) if f.needs_label() => html! {
                        <span class="ct-merge-label">
                            <label for={label_id.clone()}>{ lang.t("team.file_label") }</label>
                            <input id={label_id.clone()} class="ct-input" type="text" maxlength="80" value={f.label.clone()} oninput={label_file(i)} />
                        </span>
                    },
                    (Ok(_), Some(who)) => html! { <span class="ct-muted">{ lang.fill("team.file_respondents", &[("respondents", &who)]) }</span> },
                    (Ok(_), None) => html! {},
                } }
                <button type="button" class="ct-link-button" onclick={drop_file(i)}>{ lang.fill("team.drop_file", &[("file", &f.name)]) }</button>
            </li>
        }
    };

    html! {
        <section class="ct-team" aria-labelledby="ct-page-title" ref={section}>
            <h1 id="ct-page-title" class="ct-title" tabindex="-1" data-page-heading="">{ lang.t("team.title") }</h1>
            <p class="ct-lead">{ lang.t("team.lead") }</p>

            <section class="ct-card" aria-labelledby="ct-me-title">
                <h2 id="ct-me-title" class="ct-subtitle">{ lang.t("team.me_title") }</h2>
                <label for="ct-me">{ lang.t("team.me_label") }</label>
                <input id="ct-me" class="ct-input" type="text" maxlength="80" value={(*me).clone()} oninput={on_me} aria-describedby="ct-me-hint" />
                <p id="ct-me-hint" class="ct-hint">{ lang.t("team.label_hint") }</p>
                <button type="button" class="ct-button" onclick={save_me}>{ lang.t("team.me_save") }</button>
                if let Some(m) = &view.me {
                    <p class="ct-muted" data-testid="me">{ lang.fill("team.me_now", &[("respondent", m)]) }</p>
                }
            </section>

            if !view.context_conflicts.is_empty() {
                <section class="ct-card ct-conflict ct-conflict-open" aria-labelledby="ct-ctx-title">
                    <h2 id="ct-ctx-title" class="ct-subtitle">{ lang.t("team.context_differs") }</h2>
                    <ul class="ct-said">
                        { for view.context_conflicts.iter().map(|c| html! {
                            <li><span class="ct-said-who">{ &c.respondent }</span>{ lang.colon() }{ super::results::context_summary(&lang, &c.context) }</li>
                        }) }
                    </ul>
                    <p class="ct-muted">{ super::results::context_summary(&lang, &props.context) }</p>
                    <button type="button" class="ct-button" onclick={keep_context}>{ lang.t("team.keep_context") }</button>
                    { " " }<button type="button" class="ct-button" onclick={to_context.clone()}>{ lang.t("team.change_context") }</button>
                </section>
            }

            <section class="ct-card" aria-labelledby="ct-prepare-title">
                <h2 id="ct-prepare-title" class="ct-subtitle">{ lang.t("team.prepare_title") }</h2>
                <p class="ct-muted">{ lang.t("team.prepare_lead") }</p>
                <label for="ct-respondent-label">{ lang.t("team.respondent_label") }</label>
                <input id="ct-respondent-label" class="ct-input" type="text" maxlength="80" value={(*label).clone()} oninput={on_label} aria-describedby="ct-label-hint" />
                <p id="ct-label-hint" class="ct-hint">{ lang.t("team.label_hint") }</p>
                <fieldset class="ct-domain-choice">
                    <legend>{ lang.t("team.assigned_domains") }</legend>
                    <p class="ct-hint">{ lang.t("team.assigned_hint") }</p>
                    { for view.domains.iter().filter(|d| q.applicable_domains(&props.context).any(|x| &x.id == *d) || !context_ready).map(|d| html! {
                        <label class="ct-check">
                            <input type="checkbox" value={d.clone()} checked={chosen.contains(d)} onchange={toggle(d.clone())} />
                            { lang.domain_title(d) }
                        </label>
                    }) }
                </fieldset>
                if let Some(link) = link {
                    <button type="button" class="ct-button ct-button-primary" onclick={download}>{ lang.t("team.download_respondent") }</button>
                    <label for="ct-respondent-link">{ lang.t("team.link_label") }</label>
                    <input id="ct-respondent-link" class="ct-input" type="text" readonly=true value={link.clone()} />
                    <p class="ct-hint">{ lang.t("team.link_hint") }</p>
                } else {
                    <p class="ct-problem">{ lang.t("team.context_first") }{ " " }
                        <button type="button" class="ct-link-button" onclick={to_context}>{ lang.t("nav.context") }</button></p>
                }
            </section>

            <section class={classes!("ct-card", "ct-merge", dragging.then_some("ct-merge-dragging"))} aria-labelledby="ct-merge-title"
                ondragover={on_drag.clone()} ondragenter={on_drag} ondragleave={on_leave} ondrop={on_drop}>
                <h2 id="ct-merge-title" class="ct-subtitle">{ lang.t("team.merge_title") }</h2>
                <p class="ct-muted">{ lang.t("team.merge_lead") }</p>
                <label for="ct-merge-input" class="ct-button">{ lang.t("team.choose_files") }</label>
                <input id="ct-merge-input" type="file" multiple=true accept=".json,application/json" class="ct-visually-hidden" onchange={on_files} data-testid="merge-input" />
                <p class="ct-hint">{ lang.t("team.drop_hint") }</p>
                if !props.merge_files.is_empty() {
                    <ul class="ct-merge-list">{ for props.merge_files.iter().enumerate().map(file_row) }</ul>
                }
                if unlabelled {
                    <p class="ct-hint">{ lang.t("team.label_needed") }</p>
                }
                <button type="button" class="ct-button ct-button-primary" disabled={usable == 0 || unlabelled} onclick={merge}>
                    { lang.fill("team.merge_button", &[("count", &usable.to_string())]) }
                </button>
                <p class="ct-hint">{ lang.t("team.merge_replaces") }</p>
            </section>
        </section>
    }
}

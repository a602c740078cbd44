//! The widget: state, effects (storage, printing, focus, frame height) and layout.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::agency::{agency_panel, use_agency_files};
use super::components::{
    ComparePage, ContextPage, DomainPage, Header, Navigation, Notices, ResultsPage, Toolbar, WelcomePage,
};
use super::lang::Lang;
use super::notice::Notice;
use super::platform::{self, Store, StoreError};
use super::state::{Model, Msg};
use crate::core::assessment::{Assessment, Event, Page};
use crate::core::embed::{EmbedConfig, Preset};
use crate::core::results::{self, ResultsFile};
use crate::core::score::score;
use crate::core::Catalog;

/// What a mount element gives the widget.
#[derive(Properties, Clone, PartialEq)]
pub struct AppProps {
    pub config: EmbedConfig,
    /// The mount element in the host page (for the frame-height messages).
    pub host: web_sys::Element,
    /// The language to start in; its words are available.
    pub language: AttrValue,
}

/// The context a host preset, applied to a fresh assessment.
fn preset_events(preset: &Preset) -> Vec<Event> {
    let mut events: Vec<Event> = preset.use_cases.iter().map(|u| Event::SetUseCase(*u, true)).collect();
    events.extend(preset.service_model.map(Event::SetServiceModel));
    events.extend(preset.deployment.map(Event::SetDeployment));
    events.extend(preset.stage.map(Event::SetStage));
    events.extend(preset.org_size.map(Event::SetOrgSize));
    events
}

/// The first state: the preset context, or what this device remembers.
fn initial_model(config: &EmbedConfig, language: &str) -> Model {
    let catalog = Catalog::embedded();
    let q = &catalog.questionnaire;
    let mut assessment = Assessment::new(language);
    for event in preset_events(&config.preset) {
        assessment.apply(q, event);
    }
    let mut model = Model::new(assessment, false);
    if !config.storage_allowed {
        return model;
    }
    let store = Store::new(&config.instance);
    match store.load() {
        Ok(Some(text)) => match results::import(catalog, text.as_bytes()) {
            Ok(imported) => {
                let warnings = imported.warnings.clone();
                model.assessment.apply(q, Event::Restore(Box::new(imported)));
                model.remember = true;
                // The stored copy was written by this program; the scores in it may be from an older version.
                for w in warnings.into_iter().filter(|w| *w != crate::core::results::ImportWarning::ReportRecomputed) {
                    model.notify(Notice::ImportWarning(w));
                }
            }
            Err(e) => {
                // Set the unreadable copy aside so the page starts clean, and say so.
                store.remove();
                model.notify(Notice::StoredCorrupt(e));
            }
        },
        Ok(None) => {}
        Err(_) => {}
    }
    model
}

/// The results file of the current answers.
pub fn results_file(model: &Model) -> ResultsFile {
    let a = &model.assessment;
    let created = crate::core::time::rfc3339(platform::now_seconds());
    let file = ResultsFile::new(Catalog::embedded(), &a.language, created, &a.context, &a.answers).with_team(&a.team);
    crate::web::agency::record_profile(file, &a.context, &a.answers.values)
}

/// A ResizeObserver, the callback it calls and a listener for the page's
/// `load` (late stylesheets move the widget without resizing it); all live as long as the widget.
type HeightWatch = (web_sys::ResizeObserver, Closure<dyn FnMut()>, Option<gloo::events::EventListener>);

/// Posts the height the page needs to show the mount element (its bottom edge
/// in the document) to the parent frame, now and whenever it changes.
fn watch_height(element: web_sys::Element, config: &EmbedConfig) -> Option<HeightWatch> {
    let target = config.parent_origin.clone().unwrap_or_else(platform::own_origin);
    let instance = config.instance.clone();
    let measured = element.clone();
    let callback = Closure::<dyn FnMut()>::new(move || {
        let scrolled = web_sys::window().and_then(|w| w.scroll_y().ok()).unwrap_or(0.0);
        platform::post_height(measured.get_bounding_client_rect().bottom() + scrolled, &instance, &target);
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    let options = web_sys::ResizeObserverOptions::new();
    options.set_box(web_sys::ResizeObserverBoxOptions::BorderBox);
    observer.observe_with_options(&element, &options);
    let post = callback.as_ref().unchecked_ref::<js_sys::Function>().clone();
    let loaded = web_sys::window().map(|w| {
        gloo::events::EventListener::once(&w, "load", move |_| {
            let _ = post.call0(&wasm_bindgen::JsValue::NULL);
        })
    });
    Some((observer, callback, loaded))
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let (config, language) = (props.config.clone(), props.language.clone());
    let model = use_reducer_eq(|| initial_model(&config, &language));
    let root = use_node_ref();
    let catalog = Catalog::embedded();
    let a = &model.assessment;
    let lang = Lang::of(&a.language);
    let dispatch = model.dispatcher();

    // The agency's files, when the page names them; problems become notices.
    let agency = {
        let dispatch = dispatch.clone();
        use_agency_files(&props.config, Callback::from(move |p| dispatch.dispatch(Msg::Notify(Notice::Agency(p)))))
    };
    let report = {
        let deps = (a.context.clone(), a.answers.values.clone(), agency.profile.clone());
        use_memo(deps, |(context, values, profile)| match profile {
            Some(p) => p.score(&catalog.questionnaire, context, values),
            None => score(&catalog.questionnaire, context, values),
        })
    };
    let agency_panel = agency_panel(lang, &agency, &a.context, &report);

    // Remember on this device: write every change while switched on; remove when off.
    {
        let store = Store::new(&props.config.instance);
        let allowed = props.config.storage_allowed;
        let deps = (model.remember, a.context.clone(), a.answers.clone(), a.language.clone());
        let model = model.clone();
        use_effect_with(deps, move |(remember, ..)| {
            if !allowed {
                return;
            }
            if !*remember {
                store.remove();
                return;
            }
            if let Err(e) = store.save(&results_file(&model).to_json()) {
                model.dispatch(Msg::SetRemember(false));
                model.dispatch(Msg::Notify(match e {
                    StoreError::Full => Notice::StorageFull,
                    StoreError::Unavailable => Notice::StorageUnavailable,
                }));
            }
        });
    }

    // Print once the results page has rendered.
    {
        let model = model.clone();
        use_effect_with(model.print_requested, move |requested| {
            if *requested {
                platform::print();
                model.dispatch(Msg::PrintDone);
            }
        });
    }

    // A new page: move focus to its heading so keyboard and screen-reader users start there.
    {
        let root = root.clone();
        let question = model.focus_question.clone();
        use_effect_with(model.page_turns, move |turns| {
            if *turns == 0 {
                return;
            }
            let Some(root) = root.cast::<web_sys::Element>() else { return };
            let selector = match &question {
                Some(id) => format!("#question-{id} input[type=radio]"),
                None => "[data-page-heading]".to_owned(),
            };
            let target = root.query_selector(&selector).ok().flatten();
            if let Some(element) = target.as_ref().and_then(|t| t.dyn_ref::<web_sys::HtmlElement>()) {
                let _ = element.focus();
            }
            match (&question, &target) {
                (Some(_), Some(element)) => element.scroll_into_view(),
                _ if root.get_bounding_client_rect().top() < 0.0 => root.scroll_into_view(),
                _ => {}
            }
        });
    }

    // Embedded in a frame: tell the parent the content height whenever it changes.
    {
        let (host, config) = (props.host.clone(), props.config.clone());
        use_effect_with((), move |_| {
            let watch = Some(host).filter(|_| config.resize_parent).and_then(|e| watch_height(e, &config));
            move || {
                if let Some((observer, ..)) = watch {
                    observer.disconnect();
                }
            }
        });
    }

    let page = match &a.page {
        Page::Welcome => html! {
            <WelcomePage lang={lang} dispatch={dispatch.clone()} has_answers={a.has_answers()} />
        },
        Page::Context => html! {
            <ContextPage lang={lang} dispatch={dispatch.clone()} context={a.context.clone()} problem={a.problem} />
        },
        Page::Domain(id) => html! {
            <DomainPage
                lang={lang}
                dispatch={dispatch.clone()}
                domain={id.clone()}
                context={a.context.clone()}
                answers={a.answers.clone()}
            />
        },
        Page::Results => html! {
            <ResultsPage
                lang={lang}
                dispatch={dispatch.clone()}
                report={report.clone()}
                context={a.context.clone()}
                printing={model.print_requested}
            >
                { agency_panel }
            </ResultsPage>
        },
        Page::Compare => html! {
            <ComparePage
                lang={lang}
                dispatch={dispatch.clone()}
                baseline={a.baseline.clone()}
                context={a.context.clone()}
                report={report.clone()}
            />
        },
    };
    let show_nav = !matches!(a.page, Page::Welcome);
    let theme = format!("ct ct-theme-{}", props.config.theme.as_str());
    let layout = if show_nav { "ct-layout" } else { "ct-layout ct-layout-single" };

    html! {
        <div class={theme} lang={a.language.clone()} ref={root.clone()}>
            <Header lang={lang} dispatch={dispatch.clone()} />
            <Notices lang={lang} dispatch={dispatch.clone()} notices={model.notices.clone()} />
            <div class={layout}>
                if show_nav {
                    <Navigation lang={lang} dispatch={dispatch.clone()} assessment={a.clone()} />
                }
                <div class="ct-page">{ page }</div>
            </div>
            <Toolbar
                lang={lang}
                dispatch={dispatch.clone()}
                model={model.clone()}
                storage_allowed={props.config.storage_allowed}
                root={root.clone()}
            />
        </div>
    }
}

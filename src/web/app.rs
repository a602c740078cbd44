//! The widget: the model, the effects composed from `hooks`, and the layout.
//! Each page's component receives the view model the core computes for it.

use std::rc::Rc;

use yew::prelude::*;

#[cfg(feature = "full")]
use super::agency::{agency_panel, use_agency_files};
#[cfg(feature = "full")]
use super::components::{procurement_page, ComparePage, TeamPage};
use super::components::{
    ContextPage, DomainPage, Header, Navigation, Notices, ResultsPage, TeamFindings, Toolbar, WelcomePage,
};
use super::files::Purpose;
#[cfg(feature = "full")]
use super::hooks::use_procurement;
use super::hooks::{
    restore, use_download, use_drag_and_drop, use_export, use_focus, use_frame_height, use_handover, use_print,
    use_scored, use_storage, use_texts, use_upgrade, Pack, Texts,
};
use super::lang::Words;
use super::notice::Notice;
use super::platform;
#[cfg(feature = "full")]
use super::state::ResultsTab;
use super::state::{Dispatch, Model, Msg};
use super::upgrade::{Action, Handover};
use crate::core::assessment::{Assessment, Event, Page};
use crate::core::crosswalk;
#[cfg(feature = "full")]
use crate::core::crosswalk::Assessed;
use crate::core::embed::{EmbedConfig, Preset};
use crate::core::{view, Catalog};

/// What a mount element gives the widget.
#[derive(Properties, Clone, PartialEq)]
pub struct AppProps {
    pub config: EmbedConfig,
    /// The mount element in the host page (for the frame-height messages).
    pub host: web_sys::Element,
    /// The language to start in; its words are available.
    pub language: AttrValue,
    /// The words of the language the widget should have started in were refused
    /// (missing, or failing their integrity check): it says so, in `language`.
    pub language_refused: bool,
    /// Where the first module left off, when the whole widget takes over from it (`web::upgrade`).
    pub handover: Option<Rc<Handover>>,
    /// The reader clicked the prerendered welcome screen's Start before the module ran: the widget
    /// opens where that button leads, the context page.
    pub started: bool,
}

/// The context a host preset, applied to a fresh assessment.
pub(super) fn preset_events(preset: &Preset) -> Vec<Event> {
    let mut events: Vec<Event> = preset.use_cases.iter().map(|u| Event::SetUseCase(*u, true)).collect();
    events.extend(preset.service_model.map(Event::SetServiceModel));
    events.extend(preset.deployment.map(Event::SetDeployment));
    events.extend(preset.stage.map(Event::SetStage));
    events.extend(preset.org_size.map(Event::SetOrgSize));
    events
}

/// The first state: the preset context, or what this device remembers; in
/// the whole widget taking over, what the first module handed over.
fn initial_model(config: &EmbedConfig, language: &str, handover: Option<&Handover>) -> Model {
    let q = &Catalog::embedded().questionnaire;
    // Only the whole widget is handed an assessment.
    if let Some(h) = handover.filter(|h| cfg!(feature = "full") && h.action != Action::Start) {
        return handed_over(h);
    }
    let mut assessment = Assessment::new(language);
    for event in preset_events(&config.preset) {
        super::state::apply(&mut assessment, event);
    }
    let mut model = Model::new(assessment, false);
    restore(&mut model, config);
    // A respondent's link: their role and domains, unless this device already has a team.
    if model.assessment.team.is_empty() && (config.respondent.is_some() || !config.domains.is_empty()) {
        match crate::core::team::respondent_team(q, config.respondent.as_deref(), &config.domains) {
            Ok(team) => model.assessment.team = team,
            Err(unknown) => {
                web_sys::console::warn_1(&format!("cloudtriage: ignoring domains: no domain \"{unknown}\"").into())
            }
        }
    }
    // The first module never gets here with a team: a respondent's link or an agency's profile start the
    // whole widget before it renders (`start::mount`), and so does a stored team's copy (`restore`).
    model
}

/// The assessment the first module handed over, on the page the user asked for.
fn handed_over(h: &Handover) -> Model {
    let catalog = Catalog::embedded();
    let mut model = Model::new(Assessment::new(&h.language), h.remember);
    // The first module wrote this file a moment ago; what it says to a reader of an old file does not apply.
    if let Ok(imported) = crate::core::results::import(catalog, h.state.as_bytes()) {
        super::state::apply(&mut model.assessment, Event::Restore(Box::new(imported)));
    }
    let file = || h.file.clone().into_bytes();
    let go = |page| Msg::Core(Event::Go(page));
    match &h.action {
        Action::Start => {}
        Action::Team => model.update(go(Page::Team)),
        Action::Evidence(id) => model.update(Msg::ShowQuestion(id.clone())),
        Action::Import => model.update(Msg::Read(Purpose::Resume, file())),
        Action::Compare => model.update(Msg::Read(Purpose::Compare, file())),
        Action::Procurement => model.update(go(Page::Procurement)),
        Action::Frameworks => {
            model.update(go(Page::Results));
            model.update(Msg::ShowResultsTab(super::state::ResultsTab::ByFramework));
            // The same page, another tab: the focus stays on the tab the user chose.
            model.page_turns = 0;
        }
    }
    model
}

/// The page shown when the questionnaire's texts cannot be had: what happened, try again, or back to the start.
fn texts_failed(lang: Words, dispatch: &Dispatch, retry: Callback<()>) -> Html {
    let back = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Msg::Core(Event::Go(Page::Welcome))))
    };
    html! {
        <section class="ct-texts-failed" aria-labelledby="ct-page-title">
            <h1 id="ct-page-title" class="ct-title" tabindex="-1" data-page-heading="">{ lang.t("texts.failed_title") }</h1>
            <p role="alert">{ lang.t("texts.failed") }</p>
            <div class="ct-actions-row">
                <button type="button" class="ct-button ct-button-primary" onclick={retry.reform(|_| ())}>{ lang.t("texts.retry") }</button>
                <button type="button" class="ct-button" onclick={back}>{ lang.t("texts.back") }</button>
            </div>
        </section>
    }
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let (config, language) = (props.config.clone(), props.language.clone());
    let (refused, started) = (props.language_refused, props.started);
    let handover = props.handover.clone();
    let model = use_reducer_eq(|| {
        let mut model = initial_model(&config, &language, handover.as_deref());
        if refused {
            model.notify(Notice::LanguageUnavailable);
        }
        if started {
            model.update(Msg::Core(Event::Go(Page::Context)));
        }
        model
    });
    let root = use_node_ref();
    let catalog = Catalog::embedded();
    let q = &catalog.questionnaire;
    let a = &model.assessment;
    let dispatch = model.dispatcher();
    // Every page but the welcome page shows the questionnaire's texts; they load on the way there,
    // with the first domain's questions; every other page shows other domains' questions too, which
    // load once a domain's page is shown.
    let (texts, retry) = use_texts(&a.language, view::words_needed(q, &a.page), view::words_ahead(&a.page));
    let lang = Words::of(&a.language);

    // The agency's files, when the page names them; problems become notices. (The first module
    // has none: a page that names them starts the whole widget.)
    #[cfg(feature = "full")]
    let agency = {
        let dispatch = dispatch.clone();
        use_agency_files(&props.config, Callback::from(move |p| dispatch.dispatch(Msg::Notify(Notice::Agency(p)))))
    };
    #[cfg(not(feature = "full"))]
    let agency = super::agency::AgencyFiles::default();
    // A new report per change of context, answers or target profile, scored when first read;
    // the pages, storage and download share it.
    let report = use_scored(a, &agency.profile);

    // The "By framework" tab's table, computed by the core only while that tab is shown.
    #[cfg(feature = "full")]
    let framework_view = {
        let deps =
            (model.results_tab, model.framework, lang, report.clone(), a.context.clone(), a.answers.values.clone());
        use_memo(deps, |(tab, framework, lang, report, context, answers)| {
            let assessed = Assessed { context, answers, report };
            (*tab == ResultsTab::ByFramework).then(|| crosswalk::view(q, lang, *framework, Some(assessed)))
        })
    };

    #[cfg(not(feature = "full"))]
    let framework_view: Rc<Option<crosswalk::View>> = Rc::new(None);

    // The procurement pack comes from the export module, only while its page is open.
    #[cfg(feature = "full")]
    let (pack, retry_pack) = use_procurement(&model, &report, a.page == Page::Procurement && texts == Texts::Ready);
    #[cfg(not(feature = "full"))]
    let (pack, retry_pack) = (Pack::Loading, Callback::<()>::noop());

    use_storage(&props.config, &model, &report);
    // The pack's page prints once the pack is there.
    use_print(&model, texts == Texts::Ready && (a.page != Page::Procurement || matches!(pack, Pack::Ready(_))));
    use_focus(&root, model.page_turns, texts != Texts::Loading, model.focus_question.clone());
    use_frame_height(&props.host, &props.config);
    let dragging = use_drag_and_drop(&root, &dispatch);
    let download = use_download(&model, &report, &root);
    let (export, exporting) = use_export(&model, &report, &root);
    use_upgrade(&model, &report, &props.host);
    use_handover(&root, props.handover.as_deref(), texts == Texts::Ready);

    let page = match (&a.page, texts) {
        // Handing over to the whole widget at start: nothing to show meanwhile but that it is starting.
        _ if model.upgrading.as_ref().is_some_and(|u| u.action == Action::Start) => html! {
            <p class="ct-loading" role="status">{ lang.t("app.starting") }</p>
        },
        (_, Texts::Loading) => html! {
            <p class="ct-loading" role="status">{ lang.t("texts.loading") }</p>
        },
        (_, Texts::Failed) => texts_failed(lang, &dispatch, retry),
        (Page::Welcome, _) => {
            html! { <WelcomePage lang={lang} dispatch={dispatch.clone()} view={view::welcome(q, a)} /> }
        }
        (Page::Context, _) => {
            html! { <ContextPage lang={lang} dispatch={dispatch.clone()} view={view::context(q, a)} /> }
        }
        (Page::Domain(id), _) => match view::domain(q, a, id) {
            Some(domain) => html! { <DomainPage lang={lang} dispatch={dispatch.clone()} view={domain} /> },
            None => html! {},
        },
        (Page::Results, _) => {
            let today = crate::core::time::rfc3339(platform::now_seconds());
            html! {
                <ResultsPage
                    lang={lang}
                    dispatch={dispatch.clone()}
                    view={Rc::new(view::results(q, &a.context, &report))}
                    today={today}
                    printing={model.print_requested}
                    tab={model.results_tab}
                    framework={model.framework}
                    framework_view={framework_view.clone()}
                >
                    <TeamFindings lang={lang} dispatch={dispatch.clone()} view={Rc::new(crate::core::team::team_results(q, a))} />
                    { agency_section(lang, &agency, &a.context, &report) }
                </ResultsPage>
            }
        }
        (Page::Team, _) => team_page(lang, &dispatch, &model),
        (Page::Procurement, _) => pack_page(lang, &dispatch, &pack, &retry_pack),
        (Page::Compare, _) => compare_page(lang, &dispatch, &model, &report),
    };
    // The navigation needs the texts alone (the domains' titles): it stays while a page waits for the
    // other domains' questions, or could not have them.
    let show_nav = !matches!(a.page, Page::Welcome) && catalog.has_texts(&a.language);
    let toolbar = view::toolbar(a, model.remember, model.confirm_erase, props.config.storage_allowed);
    let top = html! {
        <>
            <Header lang={lang} dispatch={dispatch.clone()} languages={view::languages(catalog, &lang.code)} />
            <Notices lang={lang} dispatch={dispatch.clone()} notices={model.notices.clone()} />
        </>
    };
    let nav = show_nav
        .then(|| html! { <Navigation lang={lang} dispatch={dispatch.clone()} view={view::navigation(q, a)} /> });
    let toolbar = html! {
        <Toolbar lang={lang} dispatch={dispatch.clone()} view={toolbar} {dragging} {download} {export} {exporting} />
    };
    frame(&props.config, &a.language, root, top, nav, page, toolbar)
}

/// The widget around a page: its theme and language, the header and notices
/// (`top`), the navigation when shown, the page and the toolbar. The build's
/// prerender of the welcome screen uses it too, so that the static screen and
/// the widget that replaces it lay out alike.
pub(super) fn frame(
    config: &EmbedConfig,
    language: &str,
    root: NodeRef,
    top: Html,
    nav: Option<Html>,
    page: Html,
    toolbar: Html,
) -> Html {
    let theme = format!("ct ct-theme-{}", config.theme.as_str());
    let layout = if nav.is_some() { "ct-layout" } else { "ct-layout ct-layout-single" };
    html! {
        <div class={theme} lang={language.to_owned()} ref={root}>
            { top }
            <div class={layout}>
                { for nav }
                <div class="ct-page">{ page }</div>
            </div>
            { toolbar }
        </div>
    }
}

#[cfg(feature = "full")]
fn team_page(lang: Words, dispatch: &Dispatch, model: &Model) -> Html {
    let (q, a) = (&Catalog::embedded().questionnaire, &model.assessment);
    html! {
        <TeamPage
            lang={lang}
            dispatch={dispatch.clone()}
            view={crate::core::team::team_view(q, a)}
            context={a.context.clone()}
            merge_files={model.merge_files.clone()}
        />
    }
}

#[cfg(feature = "full")]
fn pack_page(lang: Words, dispatch: &Dispatch, pack: &Pack, retry: &Callback<()>) -> Html {
    procurement_page(lang, dispatch, pack, retry, &crate::core::time::rfc3339(platform::now_seconds()))
}

#[cfg(feature = "full")]
fn compare_page(lang: Words, dispatch: &Dispatch, model: &Model, report: &crate::core::score::Report) -> Html {
    match view::comparison(&Catalog::embedded().questionnaire, &model.assessment, report) {
        Some(comparison) => html! { <ComparePage lang={lang} dispatch={dispatch.clone()} view={comparison} /> },
        None => html! {},
    }
}

/// The first module never opens the team page, the procurement pack or the comparison:
/// it hands over to the whole widget first (`web::upgrade`).
#[cfg(not(feature = "full"))]
fn starting(lang: Words) -> Html {
    html! { <p class="ct-loading" role="status">{ lang.t("app.starting") }</p> }
}

#[cfg(not(feature = "full"))]
fn team_page(lang: Words, _: &Dispatch, _: &Model) -> Html {
    starting(lang)
}

#[cfg(not(feature = "full"))]
fn pack_page(lang: Words, _: &Dispatch, _: &Pack, _: &Callback<()>) -> Html {
    starting(lang)
}

#[cfg(not(feature = "full"))]
fn compare_page(lang: Words, _: &Dispatch, _: &Model, _: &crate::core::score::Report) -> Html {
    starting(lang)
}

#[cfg(feature = "full")]
fn agency_section(
    lang: Words,
    agency: &super::agency::AgencyFiles,
    ctx: &crate::core::context::Context,
    report: &crate::core::score::Report,
) -> Html {
    agency_panel(lang, agency, ctx, report)
}

#[cfg(not(feature = "full"))]
fn agency_section(
    _: Words,
    _: &super::agency::AgencyFiles,
    _: &crate::core::context::Context,
    _: &crate::core::score::Report,
) -> Html {
    Html::default()
}

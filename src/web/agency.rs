//! The agency's files next to the widget: a target profile and a benchmark,
//! loaded only when the embedding page names them, and only from the
//! widget's own folder (decided by the core before any request is made).
//! Only the whole widget loads and shows them (feature `full`): a page that
//! names them starts it at once (`web::upgrade`).

// The first module keeps only what results files and notices need of this.
#![cfg_attr(not(feature = "full"), allow(unused_imports, dead_code))]

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::core::agency::{in_folder, AgencyFileError};
use crate::core::benchmark::Benchmark;
use crate::core::context::Context;
use crate::core::embed::EmbedConfig;
use crate::core::i18n::Language;
use crate::core::profile::{domain_gaps, Profile};
use crate::core::results::ResultsFile;
use crate::core::score::Report;
use crate::core::Catalog;
#[cfg(feature = "full")]
use crate::web::components::AgencyPanel;
use crate::web::lang::Words;

thread_local! {
    /// The widget's folder: where its stylesheet is, ending in `/`.
    static FOLDER: RefCell<String> = const { RefCell::new(String::new()) };
    /// The profile applied, for the results files written (download, storage).
    static APPLIED: RefCell<Option<Rc<Profile>>> = const { RefCell::new(None) };
}

/// A results file recording the profile applied (its report is already scored against it); unchanged without one.
pub fn record_profile(file: ResultsFile) -> ResultsFile {
    match APPLIED.with(|a| a.borrow().clone()) {
        Some(p) => {
            let report = file.report.clone();
            file.with_profile(Some(p.reference()), report)
        }
        None => file,
    }
}

#[cfg(feature = "full")]
/// The agency panel of the results page: the gap to the profile and the benchmark positions, computed by the core.
pub fn agency_panel(lang: Words, files: &AgencyFiles, ctx: &Context, report: &Report) -> Html {
    let q = &Catalog::embedded().questionnaire;
    let profile = files.profile.clone().map(|p| (p, Rc::new(domain_gaps(report))));
    let positions = files.benchmark.as_ref().map(|b| Rc::new(b.place(q, ctx, report)));
    html! { <AgencyPanel {lang} {profile} {positions} /> }
}

/// Records the widget's folder from its stylesheet's address.
pub fn set_folder(css_href: &str) {
    let folder = css_href.rfind('/').map_or("", |i| &css_href[..=i]);
    FOLDER.with(|f| *f.borrow_mut() = folder.to_owned());
}

/// Which of the two files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgencyFile {
    Profile,
    Benchmark,
}

/// Why a named file is not used.
#[derive(Clone, Debug, PartialEq)]
pub enum AgencyProblem {
    /// Named outside the widget's folder: refused without a request.
    Refused { file: AgencyFile, name: String },
    /// The request failed.
    Unreachable { file: AgencyFile, name: String },
    /// The file was fetched but is not a valid profile or benchmark.
    Invalid { file: AgencyFile, name: String, error: AgencyFileError },
}

impl AgencyProblem {
    /// The message in a language.
    pub fn text(&self, lang: &Language) -> String {
        use AgencyFile::*;
        match self {
            AgencyProblem::Refused { file: Profile, name } => lang.fill("agency.refused_profile", &[("name", name)]),
            AgencyProblem::Refused { file: Benchmark, name } => {
                lang.fill("agency.refused_benchmark", &[("name", name)])
            }
            AgencyProblem::Unreachable { file: Profile, name } => {
                lang.fill("agency.unreachable_profile", &[("name", name)])
            }
            AgencyProblem::Unreachable { file: Benchmark, name } => {
                lang.fill("agency.unreachable_benchmark", &[("name", name)])
            }
            AgencyProblem::Invalid { file: Profile, name, error } => {
                lang.fill("agency.invalid_profile", &[("name", name), ("reason", &error.message(lang))])
            }
            AgencyProblem::Invalid { file: Benchmark, name, error } => {
                lang.fill("agency.invalid_benchmark", &[("name", name), ("reason", &error.message(lang))])
            }
        }
    }
}

/// The agency files that loaded (problems go to the notices).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AgencyFiles {
    pub profile: Option<Rc<Profile>>,
    pub benchmark: Option<Rc<Benchmark>>,
}

#[cfg(feature = "full")]
async fn fetch_bytes(url: &str) -> Result<Vec<u8>, ()> {
    let window = web_sys::window().ok_or(())?;
    let init = web_sys::RequestInit::new();
    init.set_credentials(web_sys::RequestCredentials::SameOrigin);
    init.set_mode(web_sys::RequestMode::SameOrigin);
    let response: web_sys::Response =
        JsFuture::from(window.fetch_with_str_and_init(url, &init)).await.map_err(|_| ())?.dyn_into().map_err(|_| ())?;
    if !response.ok() {
        return Err(());
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|_| ())?).await.map_err(|_| ())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

#[cfg(feature = "full")]
/// Fetches one named file from the widget's folder and reads it with `parse`.
async fn load<T>(
    file: AgencyFile,
    name: &str,
    parse: impl Fn(&[u8]) -> Result<T, AgencyFileError>,
) -> Result<T, AgencyProblem> {
    let folder = FOLDER.with(|f| f.borrow().clone());
    let Some(url) = in_folder(&folder, name) else {
        return Err(AgencyProblem::Refused { file, name: name.to_owned() });
    };
    let bytes = fetch_bytes(&url).await.map_err(|_| AgencyProblem::Unreachable { file, name: name.to_owned() })?;
    parse(&bytes).map_err(|error| AgencyProblem::Invalid { file, name: name.to_owned(), error })
}

#[cfg(feature = "full")]
/// Loads the profile and benchmark the embedding page names, once; `report` hears of every problem.
#[hook]
pub fn use_agency_files(config: &EmbedConfig, report: Callback<AgencyProblem>) -> AgencyFiles {
    let files = use_state(AgencyFiles::default);
    {
        let files = files.clone();
        let (profile, benchmark) = (config.profile.clone(), config.benchmark.clone());
        use_effect_with((), move |_| {
            if profile.is_none() && benchmark.is_none() {
                return;
            }
            wasm_bindgen_futures::spawn_local(async move {
                let q = &Catalog::embedded().questionnaire;
                let mut loaded = AgencyFiles::default();
                if let Some(name) = profile {
                    match load(AgencyFile::Profile, &name, |b| Profile::parse(q, b)).await {
                        Ok(p) => {
                            let p = Rc::new(p);
                            APPLIED.with(|a| *a.borrow_mut() = Some(p.clone()));
                            loaded.profile = Some(p);
                        }
                        Err(problem) => report.emit(problem),
                    }
                }
                if let Some(name) = benchmark {
                    match load(AgencyFile::Benchmark, &name, |b| Benchmark::parse(q, b)).await {
                        Ok(b) => loaded.benchmark = Some(Rc::new(b)),
                        Err(problem) => report.emit(problem),
                    }
                }
                files.set(loaded);
            });
        });
    }
    (*files).clone()
}

//! "Remember on this device": opt-in local storage. Nothing is stored unless
//! the host allows it and the user switches it on; switching it off removes
//! the stored copy. Every failure becomes a notice, never a lost answer.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::embed::EmbedConfig;
use crate::core::results::ImportWarning;
use crate::web::notice::Notice;
use crate::web::platform::{self, Store, StoreError};
use crate::web::state::{Model, Msg, Scored};

/// Loads what this device remembers for the widget's instance into a fresh
/// model, when the host allows storage. An unreadable copy is set aside so
/// the page starts clean, and a notice says so. A team's assessment, which
/// the first module does not read, starts the whole widget, which reads it.
pub fn restore(model: &mut Model, config: &EmbedConfig) {
    if !config.storage_allowed {
        return;
    }
    let store = Store::new(&config.instance);
    // Storage that cannot be read holds nothing to restore; saving will say what is wrong.
    let Ok(Some(text)) = store.load() else { return };
    match crate::web::state::read(text.as_bytes()) {
        // A team's assessment, which the first module leaves to the whole widget: it starts and reads it.
        None => {
            model.remember = true;
            model.upgrading =
                Some(crate::web::state::Upgrade { action: crate::web::upgrade::Action::Start, file: None, attempt: 0 });
        }
        Some(Ok(imported)) => {
            let warnings = imported.warnings.clone();
            crate::web::state::apply(&mut model.assessment, crate::core::assessment::Event::Restore(imported));
            model.remember = true;
            // The stored copy was written by this program; the scores in it may be from an older version.
            for w in warnings.into_iter().filter(|w| *w != ImportWarning::ReportRecomputed) {
                model.notify(Notice::ImportWarning(w));
            }
        }
        Some(Err(e)) => {
            store.remove();
            model.notify(Notice::StoredCorrupt(e));
        }
    }
}

/// While the user has "remember" on, writes the results file (with the
/// `report` of this state, scored once, `state::Scored`) after every change of context,
/// answers, notes or language; when it goes off, removes the stored copy. A full
/// or unavailable storage switches "remember" off and shows a notice.
#[hook]
pub fn use_storage(config: &EmbedConfig, model: &UseReducerHandle<Model>, report: &Rc<Scored>) {
    let store = Store::new(&config.instance);
    let allowed = config.storage_allowed;
    let a = &model.assessment;
    // While "remember" is off, nothing is written, so the answers are no dependency: the
    // stored copy is removed once, when it goes off, not again with every answer.
    let kept = model.remember.then(|| (a.context.clone(), a.answers.clone(), a.language.clone(), a.team.clone()));
    let deps = (model.remember, kept);
    let (model, report) = (model.clone(), report.clone());
    use_effect_with(deps, move |(remember, _)| {
        // Starting the whole widget for what is stored (a team's assessment, which the first
        // module leaves unread): that copy is the whole widget's to read; nothing here replaces it.
        let starting = model.upgrading.as_ref().is_some_and(|u| u.action == crate::web::upgrade::Action::Start);
        if !allowed || starting {
            return;
        }
        if !*remember {
            store.remove();
            return;
        }
        let file = model.results_file(platform::now_seconds(), &report);
        if let Err(e) = store.save(&file.to_json()) {
            model.dispatch(Msg::SetRemember(false));
            model.dispatch(Msg::Notify(match e {
                StoreError::Full => Notice::StorageFull,
                StoreError::Unavailable => Notice::StorageUnavailable,
            }));
        }
    });
}

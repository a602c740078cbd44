//! The report of the context and answers as they stand (`state::Scored`),
//! made anew only when they or the agency's target profile change.

use crate::core::map::Map;
use std::rc::Rc;

use yew::prelude::*;

use crate::core::answer::AnswerValue;
use crate::core::assessment::Assessment;
use crate::core::context::Context;
use crate::core::profile::Profile;
use crate::core::score::score;
use crate::core::Catalog;
use crate::web::state::Scored;

/// What a report is scored from.
type Inputs = (Context, Map<String, AnswerValue>, Option<Rc<Profile>>);

/// The same report while the context, the answers and the profile stay as they
/// were; otherwise a new one, scored when first read. They are compared where
/// they are, and copied only when they changed.
#[hook]
pub fn use_scored(a: &Assessment, profile: &Option<Rc<Profile>>) -> Rc<Scored> {
    let last = use_mut_ref(|| None::<(Rc<Inputs>, Rc<Scored>)>);
    let mut last = last.borrow_mut();
    match &*last {
        Some((inputs, scored)) if inputs.0 == a.context && inputs.1 == a.answers.values && inputs.2 == *profile => {
            scored.clone()
        }
        _ => {
            let inputs = Rc::new((a.context.clone(), a.answers.values.clone(), profile.clone()));
            let read = inputs.clone();
            let scored = Rc::new(Scored::new(move || {
                let q = &Catalog::embedded().questionnaire;
                let (context, values, profile) = &*read;
                match profile {
                    Some(p) => p.score(q, context, values),
                    None => score(q, context, values),
                }
            }));
            *last = Some((inputs, scored.clone()));
            scored
        }
    }
}

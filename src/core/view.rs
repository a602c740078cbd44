//! View models: for each page of the widget, the one value its component
//! renders, computed here from the assessment and its report (the way crux's
//! `view` works). Components only turn these values into markup and words, so
//! paging, progress, the first open question, the comparison's figures and
//! the chart's geometry are decided once, in code a plain `cargo test` checks.

pub mod radar;

use super::answer::AnswerValue;
use super::assessment::{Assessment, NavItem, Page, Problem};
use super::catalog::Catalog;
use super::compare::{compare, DomainDelta, IndexDelta};
use super::context::{Context, Deployment, OrgSize, ServiceModel, Stage, UseCase};
use super::i18n::{Language, Part, DOMAINS_WITH_THE_TEXTS};
use super::model::{Index, Questionnaire};
use super::score::{Cap, Completeness, PlanItem, Report, Standing};

pub use radar::RadarView;

/// The part of a language's words a page shows: the interface words alone on the welcome page, the
/// questionnaire's texts on the context page and the first domains' pages, every domain's questions on
/// any other page (another domain, the results, the team's page).
pub fn words_needed(questionnaire: &Questionnaire, page: &Page) -> Part {
    match page {
        Page::Welcome => Part::Interface,
        Page::Context => Part::Texts,
        Page::Domain(id) if questionnaire.domains.iter().take(DOMAINS_WITH_THE_TEXTS).any(|d| d.id == *id) => {
            Part::Texts
        }
        _ => Part::Questions,
    }
}

/// Whether a page loads every domain's questions ahead, once its own words are in: a domain's page,
/// from which the user goes on to the next domains. The welcome and context pages do not: a user may
/// stop there, and the context page waits for nothing but the texts.
pub fn words_ahead(page: &Page) -> bool {
    matches!(page, Page::Domain(_))
}

/// What the welcome page says about the questionnaire and offers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WelcomeView {
    /// Every question of the questionnaire, whatever the context.
    pub questions: usize,
    /// Every domain of the questionnaire.
    pub domains: usize,
    /// Whether there is something to resume (answers or notes, remembered or imported).
    pub can_resume: bool,
}

/// The welcome page.
pub fn welcome(q: &Questionnaire, a: &Assessment) -> WelcomeView {
    WelcomeView { questions: q.questions().count(), domains: q.domains.len(), can_resume: a.has_answers() }
}

/// One option of the context step and whether it is chosen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice<T> {
    pub value: T,
    /// The identifier used in content keys and form values.
    pub id: &'static str,
    pub chosen: bool,
}

fn choices<T: Copy>(all: &[T], id: fn(T) -> &'static str, chosen: impl Fn(T) -> bool) -> Vec<Choice<T>> {
    all.iter().map(|&value| Choice { value, id: id(value), chosen: chosen(value) }).collect()
}

/// The context step: every option with its state, and what the choice implies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContextView {
    /// Several may be chosen.
    pub use_cases: Vec<Choice<UseCase>>,
    /// Exactly one of each of the following is chosen.
    pub service_models: Vec<Choice<ServiceModel>>,
    pub deployments: Vec<Choice<Deployment>>,
    pub stages: Vec<Choice<Stage>>,
    pub org_sizes: Vec<Choice<OrgSize>>,
    /// How many questions apply, once the context is complete enough to start.
    pub applicable: Option<usize>,
    /// The user tried to go on without a use case.
    pub needs_use_case: bool,
}

/// The context page.
pub fn context(q: &Questionnaire, a: &Assessment) -> ContextView {
    let c = &a.context;
    ContextView {
        use_cases: choices(UseCase::ALL, UseCase::as_str, |u| c.has_use_case(u)),
        service_models: choices(ServiceModel::ALL, ServiceModel::as_str, |v| v == c.service_model),
        deployments: choices(Deployment::ALL, Deployment::as_str, |v| v == c.deployment),
        stages: choices(Stage::ALL, Stage::as_str, |v| v == c.stage),
        org_sizes: choices(OrgSize::ALL, OrgSize::as_str, |v| v == c.org_size),
        applicable: c.is_complete().then(|| q.questions().filter(|(_, item)| item.applies_to(c)).count()),
        needs_use_case: a.problem == Some(Problem::ChooseUseCase),
    }
}

/// One question as its card shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionView {
    pub id: String,
    /// 1 for the first question of the domain page.
    pub number: usize,
    /// Questions on the domain page.
    pub count: usize,
    pub critical: bool,
    /// Whether "not applicable" is offered.
    pub not_applicable: bool,
    /// The level this question should reach in the context.
    pub target: u8,
    pub answer: Option<AnswerValue>,
    pub note: Option<String>,
    /// Who answered, the disagreement and the evidence (see [`super::team::question_team`]).
    pub team: super::team::QuestionTeamView,
}

/// Where the forward button of a domain page leads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Forward {
    /// To the next applicable domain.
    Next(Page),
    /// The last applicable domain: on to the results.
    Results,
}

/// A domain page: where it stands in the sequence, its progress and its questions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DomainView {
    pub id: String,
    /// 1 for the first applicable domain.
    pub position: usize,
    /// Applicable domains in the context.
    pub count: usize,
    /// The page before: the previous domain, or the context step for the first.
    pub previous: Page,
    pub forward: Forward,
    /// Answered questions on the page (see [`super::assessment::domain_progress`]).
    pub answered: usize,
    /// Applicable questions on the page.
    pub applicable: usize,
    pub questions: Vec<QuestionView>,
}

/// The page of a domain, if it applies in the assessment's context; none before the
/// context is complete (the state machine does not open one then either).
pub fn domain(q: &Questionnaire, a: &Assessment, id: &str) -> Option<DomainView> {
    if !a.context.is_complete() {
        return None;
    }
    let domain = q.applicable_domains(&a.context).find(|d| d.id == id)?;
    let pages = a.pages(q);
    let at = pages.iter().position(|p| *p == Page::Domain(domain.id.clone()))?;
    let domains = pages.iter().filter(|p| matches!(p, Page::Domain(_))).count();
    // Pages run welcome, context, the domains, results: the domain at `at` is number `at - 1`.
    let position = at - 1;
    let forward = match pages.get(at + 1) {
        Some(next @ Page::Domain(_)) => Forward::Next(next.clone()),
        _ => Forward::Results,
    };
    let (answered, applicable) = super::assessment::domain_progress(q, domain, &a.context, &a.answers);
    let count = applicable;
    let questions = q
        .applicable(domain, &a.context)
        .enumerate()
        .map(|(i, item)| QuestionView {
            id: item.id.clone(),
            number: i + 1,
            count,
            critical: item.critical,
            not_applicable: item.not_applicable,
            target: q.target(item, &a.context),
            answer: a.answers.values.get(&item.id).copied(),
            note: a.answers.notes.get(&item.id).cloned(),
            team: super::team::question_team(a, &item.id),
        })
        .collect();
    Some(DomainView {
        id: domain.id.clone(),
        position,
        count: domains,
        previous: pages[at - 1].clone(),
        forward,
        answered,
        applicable,
        questions,
    })
}

/// The section list beside every page after the welcome.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NavigationView {
    /// The page shown, to mark it.
    pub page: Page,
    pub context_complete: bool,
    /// Every applicable domain with its completion; none until the context is complete.
    pub items: Vec<NavItem>,
    /// Answered questions over all domains.
    pub answered: usize,
    /// Applicable questions over all domains.
    pub applicable: usize,
}

/// The navigation.
pub fn navigation(q: &Questionnaire, a: &Assessment) -> NavigationView {
    let context_complete = a.context.is_complete();
    let items = if context_complete { a.navigation(q) } else { Vec::new() };
    let (answered, applicable) = items.iter().fold((0, 0), |(x, y), i| (x + i.answered, y + i.applicable));
    NavigationView { page: a.page.clone(), context_complete, items, answered, applicable }
}

/// A capped index: the score the answers would give and the critical questions holding it down.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CapView {
    pub uncapped: u8,
    pub questions: Vec<Cap>,
}

/// An index's score with its band.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexScore {
    /// 0 to 100, after any cap.
    pub value: u8,
    /// The band's id.
    pub band: String,
    pub cap: Option<CapView>,
}

/// One index card of the results.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexCard {
    pub index: Index,
    /// Absent when no question feeding the index applies.
    pub score: Option<IndexScore>,
}

/// One row of the domain table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DomainRow {
    /// 1 for the first domain: the chart labels its axes with these numbers.
    pub number: usize,
    pub id: String,
    /// The weighted mean level in hundredths (0 to 400).
    pub level: u16,
    /// The weighted mean target in hundredths (0 to 400).
    pub target: u16,
    /// The level as a percentage of the top level.
    pub percent: u8,
    /// The target as a percentage of the top level, rounded half up (where the bar marks it).
    pub target_percent: u8,
    pub at_target: usize,
    pub answered: usize,
    pub applicable: usize,
    /// The first unanswered question of the domain, to answer it from the results.
    pub first_unanswered: Option<String>,
}

/// One action of the plan as the results show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanRow {
    pub item: PlanItem,
    /// Who carries it, as a content key under `parties.` ("undecided" while no service model decides).
    pub party: &'static str,
    /// "Don't know": finding out comes before the next level.
    pub find_out_first: bool,
}

/// How many actions the results show before "show all".
pub const PLAN_FIRST: usize = 10;

/// The results page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResultsView {
    pub context: Context,
    /// Cloud readiness, then data protection.
    pub indices: Vec<IndexCard>,
    pub completeness: Completeness,
    /// Some applicable questions are not answered, so the scores may still move.
    pub incomplete: bool,
    pub domains: Vec<DomainRow>,
    /// The chart of the domain rows; absent with fewer than three domains.
    pub radar: Option<RadarView>,
    /// The whole plan, ranked.
    pub plan: Vec<PlanRow>,
    /// Actions beyond the first [`PLAN_FIRST`], hidden until asked for.
    pub plan_hidden: usize,
    /// Applicable questions not answered yet, in questionnaire order.
    pub unanswered: Vec<String>,
}

fn index_card(report: &Report, index: Index) -> IndexCard {
    let r = report.of_index(index);
    let score = r.score.zip(r.band.clone()).map(|(value, band)| IndexScore {
        value,
        band,
        cap: (!r.capped_by.is_empty())
            .then(|| CapView { uncapped: r.uncapped.unwrap_or(value), questions: r.capped_by.clone() }),
    });
    IndexCard { index, score }
}

/// The results of a report in a context.
pub fn results(q: &Questionnaire, context: &Context, report: &Report) -> ResultsView {
    let domains: Vec<DomainRow> = report
        .domains
        .iter()
        .enumerate()
        .map(|(i, d)| DomainRow {
            number: i + 1,
            id: d.id.clone(),
            level: d.level,
            target: d.target,
            percent: d.percent,
            target_percent: d.target_percent(),
            at_target: d.at_target,
            answered: d.answered,
            applicable: d.applicable,
            first_unanswered: report
                .unanswered
                .iter()
                .find(|id| q.domain_of(id).is_some_and(|dom| dom.id == d.id))
                .cloned(),
        })
        .collect();
    let plan = report
        .actions
        .iter()
        .map(|item| PlanRow {
            item: item.clone(),
            party: item.responsibility.map_or("undecided", |p| p.as_str()),
            find_out_first: item.standing == Standing::Unknown,
        })
        .collect();
    let c = &report.completeness;
    ResultsView {
        context: context.clone(),
        indices: Index::ALL.iter().map(|&i| index_card(report, i)).collect(),
        completeness: c.clone(),
        incomplete: c.answered < c.applicable,
        radar: radar::radar(&domains),
        domains,
        plan,
        plan_hidden: report.actions.len().saturating_sub(PLAN_FIRST),
        unanswered: report.unanswered.clone(),
    }
}

/// The comparison with an earlier results file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ComparisonView {
    /// When the earlier file was written, RFC 3339.
    pub created: String,
    /// The earlier file was made for another context, so some figures differ for that reason.
    pub context_changed: bool,
    /// Points, current minus earlier.
    pub indices: Vec<IndexDelta>,
    /// Levels in hundredths, current minus earlier.
    pub domains: Vec<DomainDelta>,
}

/// The comparison, if an earlier file is set. Its report was computed when it was set.
pub fn comparison(q: &Questionnaire, a: &Assessment, report: &Report) -> Option<ComparisonView> {
    let baseline = a.baseline.as_ref()?;
    let figures = compare(q, &baseline.report, report);
    Some(ComparisonView {
        created: baseline.created.clone(),
        context_changed: baseline.context != a.context,
        indices: figures.indices,
        domains: figures.domains,
    })
}

/// A language the switcher offers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LanguageOption {
    pub code: &'static str,
    /// The language's own name ("Deutsch").
    pub name: &'static str,
    pub chosen: bool,
}

/// The language switcher: every language of the catalogue, the one shown chosen.
pub fn languages(catalog: &Catalog, shown: &str) -> Vec<LanguageOption> {
    catalog.names().map(|(code, name)| LanguageOption { code, name, chosen: code == shown }).collect()
}

/// What the toolbar offers on the current page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ToolbarView {
    /// On the results and the comparison, downloading is the main thing to do.
    pub download_primary: bool,
    /// The erase confirmation is open.
    pub confirm_erase: bool,
    /// The "remember on this device" switch and its state; absent when the host forbids storage.
    pub remember: Option<bool>,
    /// The results are shown: the procurement pack can be opened from them.
    pub procurement: bool,
}

/// The toolbar.
pub fn toolbar(a: &Assessment, remember: bool, confirm_erase: bool, storage_allowed: bool) -> ToolbarView {
    ToolbarView {
        download_primary: matches!(a.page, Page::Results | Page::Compare),
        confirm_erase,
        remember: storage_allowed.then_some(remember),
        procurement: a.page == Page::Results,
    }
}

/// A change in index points with its sign: "+5", "−3", "±0", or "–" when not comparable.
pub fn points_change(delta: Option<i32>) -> String {
    match delta {
        None => "–".to_owned(),
        Some(0) => "±0".to_owned(),
        Some(d) => format!("{}{}", sign(d), d.unsigned_abs()),
    }
}

/// A change of level in hundredths with its sign and two decimals: "+0.25", "−1,50", "±0", or "–".
pub fn level_change(lang: &Language, delta: Option<i32>) -> String {
    match delta {
        None => "–".to_owned(),
        Some(0) => "±0".to_owned(),
        Some(d) => {
            format!("{}{}", sign(d), lang.hundredths(i64::from(d.unsigned_abs()), 2))
        }
    }
}

/// A level in hundredths, or "–" when absent (a domain that applies in one of two assessments only).
pub fn optional_level(lang: &Language, hundredths: Option<i32>) -> String {
    hundredths.map_or_else(|| "–".to_owned(), |h| lang.hundredths(i64::from(h), 2))
}

fn sign(delta: i32) -> &'static str {
    if delta > 0 {
        "+"
    } else {
        "−"
    }
}

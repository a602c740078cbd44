//! One component per file; each renders a view of the core's state and sends messages.
//! The team's screens, the agency panel, the comparison, the procurement pack and the
//! "By framework" table are the whole widget's only (feature `full`, `web::upgrade`).

mod actions;
#[cfg(feature = "full")]
mod agency_panel;
#[cfg(feature = "full")]
mod compare;
mod context_page;
mod domain_page;
mod export_menu;
mod file_button;
mod frameworks;
mod header;
mod nav;
mod notices;
#[cfg(feature = "full")]
mod procurement_page;
mod question;
#[cfg(feature = "full")]
mod question_team;
mod report;
mod results;
#[cfg(feature = "full")]
mod team_page;
mod team_results;
mod toolbar;
mod welcome;

#[cfg(feature = "full")]
pub use agency_panel::AgencyPanel;
#[cfg(feature = "full")]
pub use compare::ComparePage;
pub use context_page::ContextPage;
pub use domain_page::DomainPage;
pub use header::Header;
pub use nav::Navigation;
pub use notices::Notices;
#[cfg(feature = "full")]
pub use procurement_page::procurement_page;
pub use results::ResultsPage;
#[cfg(feature = "full")]
pub use team_page::TeamPage;
pub use team_results::TeamFindings;
pub use toolbar::Toolbar;
pub use welcome::WelcomePage;

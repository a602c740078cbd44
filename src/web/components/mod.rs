//! One component per file; each renders a view of the core's state and sends messages.
//! The team's screens and the agency panel are the whole widget's only (feature `full`, `web::upgrade`).

mod actions;
#[cfg(feature = "full")]
mod agency_panel;
mod compare;
mod context_page;
mod domain_page;
mod export_menu;
mod file_button;
mod frameworks;
mod header;
mod nav;
mod notices;
mod procurement_page;
mod question;
#[cfg(feature = "full")]
mod question_team;
mod radar;
mod results;
#[cfg(feature = "full")]
mod team_page;
mod team_results;
mod toolbar;
mod welcome;

#[cfg(feature = "full")]
pub use agency_panel::AgencyPanel;
pub use compare::ComparePage;
pub use context_page::ContextPage;
pub use domain_page::DomainPage;
pub use header::Header;
pub use nav::Navigation;
pub use notices::Notices;
pub use procurement_page::procurement_page;
pub use results::ResultsPage;
#[cfg(feature = "full")]
pub use team_page::TeamPage;
pub use team_results::TeamFindings;
pub use toolbar::Toolbar;
pub use welcome::WelcomePage;

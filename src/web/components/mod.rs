//! One component per file; each renders a view of the core's state and sends messages.

mod actions;
mod compare;
mod context_page;
mod domain_page;
mod export_menu;
mod file_button;
mod frameworks;
mod header;
mod nav;
mod notices;
mod question;
mod radar;
mod results;
mod toolbar;
mod welcome;

pub use compare::ComparePage;
pub use context_page::ContextPage;
pub use domain_page::DomainPage;
pub use header::Header;
pub use nav::Navigation;
pub use notices::Notices;
pub use results::ResultsPage;
pub use toolbar::Toolbar;
pub use welcome::WelcomePage;

#![cfg(target_arch = "wasm32")]
//! Component tests in a real browser (headless Chromium via wasm-bindgen-test).
//! Each test mounts the widget into a fresh element and drives it with DOM events.

use cloudtriage::core::embed::EmbedConfig;
use cloudtriage::web::{App, AppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a widget with a configuration and returns its host element.
async fn mount(pairs: &[(&str, &str)]) -> Element {
    mount_with(pairs, false, false).await
}

/// Mounts a widget, telling it whether the words of the language asked for were refused and whether
/// the reader clicked the prerendered Start before the module ran.
async fn mount_with(pairs: &[(&str, &str)], language_refused: bool, started: bool) -> Element {
    let document = gloo::utils::document();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let (config, warnings) = EmbedConfig::from_pairs(pairs.iter().copied());
    assert!(warnings.is_empty());
    let language = config.language.clone().unwrap_or_else(|| "en".into());
    let props =
        AppProps { config, host: host.clone(), language: language.into(), language_refused, handover: None, started };
    yew::Renderer::<App>::with_root_and_props(host.clone(), props).render();
    settle().await;
    host
}

/// Lets Yew render everything scheduled.
async fn settle() {
    yew::scheduler::flush().await;
    gloo::timers::future::TimeoutFuture::new(0).await;
    yew::scheduler::flush().await;
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no element matches {selector}"))
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
}

fn button(root: &Element, text: &str) -> HtmlElement {
    all(root, "button")
        .into_iter()
        .find(|b| b.text_content().unwrap_or_default().trim() == text)
        .unwrap_or_else(|| panic!("no button {text:?}"))
        .dyn_into()
        .unwrap()
}

async fn click(element: &HtmlElement) {
    element.click();
    settle().await;
}

fn heading(root: &Element) -> String {
    find(root, "h1").text_content().unwrap_or_default()
}

async fn to_first_domain(root: &Element) {
    click(&button(root, "Start the assessment")).await;
    let ehr: HtmlInputElement = find(root, "input[name=use_case][value=ehr]").dyn_into().unwrap();
    click(&ehr).await;
    click(&button(root, "Continue to the questions")).await;
}

#[wasm_bindgen_test]
async fn a_start_clicked_before_the_module_ran_opens_the_context_page() {
    let root = mount_with(&[("data-storage", "off")], false, true).await;
    assert!(root.query_selector(".ct-welcome").unwrap().is_none(), "the welcome page was skipped");
    find(&root, "input[name=use_case][value=ehr]");
    let fresh = mount(&[("data-storage", "off")]).await;
    assert!(fresh.query_selector(".ct-context").unwrap().is_none());
    find(&fresh, ".ct-welcome");
}

#[wasm_bindgen_test]
async fn the_welcome_page_states_the_privacy_promise() {
    let root = mount(&[("data-storage", "off")]).await;
    assert!(heading(&root).contains("How ready is your organisation"));
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("Your answers stay in this browser"));
    assert!(text.contains("Nothing you enter is sent anywhere"));
}

#[wasm_bindgen_test]
async fn the_context_step_needs_a_use_case_and_says_so() {
    let root = mount(&[("data-storage", "off")]).await;
    click(&button(&root, "Start the assessment")).await;
    assert_eq!(heading(&root), "Your context");
    click(&button(&root, "Continue to the questions")).await;
    let alert = find(&root, "[role=alert]");
    assert!(alert.text_content().unwrap_or_default().contains("at least one use case"));
    assert_eq!(heading(&root), "Your context");
}

#[wasm_bindgen_test]
async fn answering_a_question_updates_the_progress() {
    let root = mount(&[("data-storage", "off")]).await;
    to_first_domain(&root).await;
    let before = find(&root, ".ct-progress-text").text_content().unwrap_or_default();
    assert!(before.starts_with("0 of "), "{before}");
    let radio: HtmlInputElement = find(&root, ".ct-question input[type=radio][value='3']").dyn_into().unwrap();
    click(&radio).await;
    assert!(radio.checked());
    let after = find(&root, ".ct-progress-text").text_content().unwrap_or_default();
    assert!(after.starts_with("1 of "), "{after}");
    assert_eq!(all(&root, ".ct-question-answered").len(), 1);
}

#[wasm_bindgen_test]
async fn not_applicable_is_offered_only_where_allowed() {
    let root = mount(&[("data-storage", "off")]).await;
    to_first_domain(&root).await;
    for question in all(&root, ".ct-question") {
        let id = question.id().trim_start_matches("question-").to_owned();
        let q = cloudtriage::core::Catalog::embedded().questionnaire.question(&id).cloned().unwrap();
        let offered = question.query_selector("input[value=na]").unwrap().is_some();
        assert_eq!(offered, q.not_applicable, "{id}");
        assert!(question.query_selector("input[value=unknown]").unwrap().is_some());
        assert_eq!(all(&question, "input[type=radio]").len(), 6 + usize::from(q.not_applicable));
    }
}

#[wasm_bindgen_test]
async fn the_language_switcher_keeps_the_answers() {
    let root = mount(&[("data-storage", "off"), ("data-lang", "en")]).await;
    to_first_domain(&root).await;
    let radio: HtmlInputElement = find(&root, ".ct-question input[type=radio][value='2']").dyn_into().unwrap();
    click(&radio).await;
    let select: web_sys::HtmlSelectElement = find(&root, ".ct-lang select").dyn_into().unwrap();
    let codes: Vec<&str> = cloudtriage::core::Catalog::embedded().codes().collect();
    let other = codes.iter().find(|c| **c != "en").copied().unwrap_or("en");
    select.set_value(other);
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    settle().await;
    assert_eq!(find(&root, ".ct").get_attribute("lang").as_deref(), Some(other));
    assert_eq!(all(&root, ".ct-question-answered").len(), 1);
    let checked: Vec<String> = all(&root, ".ct-question input[type=radio]")
        .into_iter()
        .filter_map(|e| e.dyn_into::<HtmlInputElement>().ok())
        .filter(|i| i.checked())
        .map(|i| i.value())
        .collect();
    assert_eq!(checked, vec!["2".to_owned()]);
}

/// A widget on its results page, with the first domain's questions answered at level 1.
async fn results_with_one_domain_answered() -> Element {
    let root = mount(&[("data-storage", "off")]).await;
    to_first_domain(&root).await;
    for radio in all(&root, ".ct-question input[type=radio][value='1']") {
        click(&radio.dyn_into::<HtmlElement>().unwrap()).await;
    }
    click(&button(&root, "Results")).await;
    root
}

#[wasm_bindgen_test]
async fn the_results_page_shows_both_indices_the_chart_and_the_plan() {
    let root = results_with_one_domain_answered().await;
    assert_eq!(heading(&root), "Your results");
    assert_eq!(all(&root, ".ct-index").len(), 2);
    assert!(root.query_selector("svg.ct-radar").unwrap().is_some());
    assert!(!all(&root, ".ct-plan-item").is_empty());
    assert!(!all(&root, ".ct-unanswered-list li").is_empty());
    let law = find(&root, ".ct-law-as-of").text_content().unwrap_or_default();
    assert_eq!(law, "Law as of 1 December 2026", "the results page and the print show the date of the law");
}

#[wasm_bindgen_test]
async fn the_results_buttons_show_their_question() {
    // The index cards, the table, the plan and the unanswered list are HTML text
    // (report.rs); their buttons work through the page's one click handler.
    let root = results_with_one_domain_answered().await;
    let first_step = find(&root, ".ct-plan-item .ct-plan-prompt");
    let id = first_step.get_attribute("data-show").expect("a plan step names its question");
    let prompt = first_step.text_content().unwrap_or_default();
    assert!(!prompt.is_empty() && !prompt.contains('<'), "the prompt is text: {prompt}");
    // A click on the question's id inside a button counts as a click on the button.
    let unanswered = find(&root, ".ct-unanswered-list button .ct-question-id").dyn_into::<HtmlElement>().unwrap();
    let unanswered_id = unanswered.text_content().unwrap_or_default();
    click(&unanswered).await;
    assert!(
        root.query_selector(&format!("#question-{unanswered_id}")).unwrap().is_some(),
        "the unanswered question is shown"
    );
    click(&button(&root, "Results")).await;
    click(&find(&root, ".ct-plan-item .ct-plan-prompt").dyn_into::<HtmlElement>().unwrap()).await;
    assert!(root.query_selector(&format!("#question-{id}")).unwrap().is_some(), "the plan's question is shown");
    assert!(root.query_selector(".ct-results").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn a_preset_context_is_applied() {
    let root =
        mount(&[("data-storage", "off"), ("data-use-case", "medical_devices"), ("data-service-model", "saas")]).await;
    click(&button(&root, "Start the assessment")).await;
    let md: HtmlInputElement = find(&root, "input[name=use_case][value=medical_devices]").dyn_into().unwrap();
    assert!(md.checked());
    let saas: HtmlInputElement = find(&root, "input[name=service_model][value=saas]").dyn_into().unwrap();
    assert!(saas.checked());
}

#[wasm_bindgen_test]
async fn storage_switched_off_by_the_host_hides_the_remember_switch() {
    let root = mount(&[("data-storage", "off")]).await;
    assert!(root.query_selector("input[role=switch]").unwrap().is_none());
    let root = mount(&[("data-instance", "web-test")]).await;
    assert!(root.query_selector("input[role=switch]").unwrap().is_some());
}

#[wasm_bindgen_test]
fn the_browser_computes_the_same_report_as_the_host() {
    let catalog = cloudtriage::core::Catalog::embedded();
    let imported =
        cloudtriage::core::results::import(catalog, include_bytes!("fixtures/reference-answers.json")).unwrap();
    let report = cloudtriage::core::score::score(&catalog.questionnaire, &imported.context, &imported.answers.values);
    assert_eq!(report.to_json().pretty() + "\n", include_str!("fixtures/reference-report.json"));
}

#[wasm_bindgen_test]
async fn a_refused_starting_language_is_reported_in_the_language_shown() {
    let root = mount_with(&[("data-storage", "off"), ("data-lang", "en")], true, false).await;
    let alert = find(&root, ".ct-notice-error[role=alert]");
    assert!(alert.text_content().unwrap_or_default().contains("That language could not be loaded"));
    assert!(heading(&root).contains("How ready is your organisation"));
    let root = mount(&[("data-storage", "off"), ("data-lang", "en")]).await;
    assert!(root.query_selector(".ct-notice-error").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn the_procurement_pack_without_its_module_says_so_and_keeps_the_answers() {
    // No loader runs here, so no export module is announced: the pack cannot be had.
    let root = mount(&[("data-storage", "off")]).await;
    to_first_domain(&root).await;
    let radio: HtmlInputElement = find(&root, ".ct-question input[type=radio][value='3']").dyn_into().unwrap();
    click(&radio).await;
    click(&button(&root, "Results")).await;
    assert_eq!(heading(&root), "Your results");
    let completeness = find(&root, ".ct-completeness").text_content().unwrap_or_default();
    click(&button(&root, "Procurement pack")).await;
    assert_eq!(heading(&root), "Procurement pack");
    settle().await;
    let alert = find(&root, ".ct-pack-failed[role=alert]").text_content().unwrap_or_default();
    assert!(alert.contains("The procurement pack could not be loaded from this site"), "{alert}");
    assert!(all(&root, ".ct-open-pack").is_empty(), "the toolbar offers the pack from the results only");
    assert!(all(&root, ".ct-pack-requirement").is_empty());
    click(&button(&root, "Back to results")).await;
    assert_eq!(heading(&root), "Your results");
    assert_eq!(find(&root, ".ct-completeness").text_content().unwrap_or_default(), completeness);
}

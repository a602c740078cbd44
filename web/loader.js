
// ---- cloudtriage loader -------------------------------------------------
// Appended to the wasm-bindgen module by scripts/postbuild.py, which fills in
// the hashed file names and their integrity digests. It starts the widget in
// every element marked `data-cloudtriage`. Every request it makes goes to the
// folder it was loaded from: the WebAssembly module, the widget's stylesheet
// and the interface words of the language shown (lang/<code>-<hash>.json);
// the module itself loads the questionnaire's texts
// (lang/<code>.texts-<hash>.json) only when the user leaves the welcome page, and the
// other domains' questions (lang/<code>.questions-<hash>.json) after them. A file that
// is missing or fails its integrity check stops the widget: the element then
// shows only the message below, in its language.
// The export module (exports-<hash>.js) is only named here; the widget loads
// it when the user asks for an export. The whole widget (full-<hash>.js, with
// the team's screens and an agency's profile) is loaded here, from the same
// folder and with its integrity checked, only when a widget asks for it with
// the event `cloudtriage:upgrade` (src/web/upgrade.rs).

const CLOUDTRIAGE_ASSETS = {
  wasm: "__WASM_FILE__",
  wasmIntegrity: "__WASM_INTEGRITY__",
  css: "__CSS_FILE__",
  cssIntegrity: "__CSS_INTEGRITY__",
  exportsFile: "__EXPORTS_FILE__",
  exportsIntegrity: "__EXPORTS_INTEGRITY__",
  full: "__FULL_FILE__",
  fullIntegrity: "__FULL_INTEGRITY__",
  languages: __LANGUAGES__,
};

const CLOUDTRIAGE_FAILED = {
  en: "cloudtriage could not start in this browser. Please use a current version of Edge, Firefox, Chrome or Safari.",
  de: "cloudtriage konnte in diesem Browser nicht starten. Bitte verwenden Sie eine aktuelle Version von Edge, Firefox, Chrome oder Safari.",
  fr: "cloudtriage n’a pas pu démarrer dans ce navigateur. Veuillez utiliser une version récente d’Edge, Firefox, Chrome ou Safari.",
};

function cloudtriageBase() {
  const marked = document.querySelector("[data-cloudtriage][data-base]");
  const base = marked ? marked.getAttribute("data-base") : ".";
  return new URL(base.endsWith("/") ? base : base + "/", marked ? document.baseURI : import.meta.url);
}

let cloudtriageStarted;

/** The language a mount element will most likely be shown in: its own, the page's URL (standalone page), the browser's. */
function cloudtriageLanguageOf(element, codes, pageLanguage) {
  const wanted = [];
  if (element && element.hasAttribute("data-url-config")) wanted.push(new URLSearchParams(location.search).get("lang"));
  if (element) wanted.push(element.getAttribute("data-lang"));
  wanted.push(pageLanguage, ...(navigator.languages || []), navigator.language);
  return wanted.map((l) => (l || "").slice(0, 2).toLowerCase()).find((l) => codes.includes(l)) || codes[0];
}

/** The language the first widget will most likely start in, to load its words while the module compiles. */
function cloudtriageLikelyLanguage() {
  return cloudtriageLanguageOf(document.querySelector("[data-cloudtriage]"), Object.keys(CLOUDTRIAGE_ASSETS.languages));
}

/**
 * Replaces a widget with the message that it could not start, in its language.
 * Inside the widget's shadow root when it has one (the page would not show its
 * children), so that nothing of a half-started widget stays visible.
 */
function cloudtriageFail(element) {
  const lang = cloudtriageLanguageOf(element, Object.keys(CLOUDTRIAGE_FAILED), document.documentElement.lang);
  const message = document.createElement("p");
  message.setAttribute("role", "alert");
  message.className = "cloudtriage-failed";
  message.textContent = CLOUDTRIAGE_FAILED[lang];
  (element.shadowRoot || element).replaceChildren(message);
}

/**
 * Shows a short line in every mount element that has nothing to show yet (a page of ours has the
 * prerendered welcome screen instead), in the interface words just loaded, until the widget has
 * rendered: the host's page is not empty while the module loads. A class, no style: the host may style it.
 */
function cloudtriagePlaceholders(text, code, codes) {
  const starting = cloudtriageWord(text, "app", "starting");
  if (!starting) return;
  for (const element of document.querySelectorAll("[data-cloudtriage]")) {
    if (element.shadowRoot || element.hasAttribute("data-cloudtriage-mounted")) continue;
    if (cloudtriageLanguageOf(element, codes) !== code) continue;
    const line = document.createElement("p");
    line.setAttribute("role", "status");
    line.className = "cloudtriage-loading";
    line.textContent = starting;
    element.replaceChildren(line);
  }
}

// The widget reports a file the browser refused after it started (its stylesheet, its words) with this
// event, dispatched on the mount element; it does not bubble, so it is caught on its way down.
document.addEventListener("cloudtriage:failed", (event) => cloudtriageFail(event.target), true);

/**
 * Resolves once the page has painted a frame: at once if it already has (or is hidden, and paints
 * nothing), else after the next frame, or when the page is hidden meanwhile. A frame that draws
 * nothing for now (a hidden or off-screen iframe's) is waited for one second at most.
 */
function cloudtriageFirstPaint() {
  if (performance.getEntriesByType("paint").length > 0 || document.visibilityState === "hidden") return Promise.resolve();
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    document.addEventListener("visibilitychange", resolve, { once: true });
    setTimeout(resolve, 1000);
  });
}

/** A file's text, checked against its digest; empty when it is missing or refused (the widget then says so). */
function cloudtriageText(url, integrity) {
  return fetch(url, { integrity })
    .then((r) => (r.ok ? r.text() : ""))
    .catch(() => "");
}

/** One of the interface words in a words file's text, or "" when the file or the word is not there. */
function cloudtriageWord(text, section, key) {
  try {
    const word = JSON.parse(text).ui[section][key];
    return typeof word === "string" ? word : "";
  } catch {
    return "";
  }
}

/** The interface words the loader fetched, once they are in, and their language (for the lines it shows before the module runs). */
let cloudtriageWords = { code: "", text: "" };

/**
 * Under the prerendered Start button a reader clicked, the line saying that the questionnaire is loading,
 * once the loader has the interface words of the screen's language (`code`).
 */
function cloudtriageStartingLine(screen, code) {
  const row = screen.querySelector(".ct-welcome .ct-actions-row");
  if (!row || !screen.hasAttribute("data-started") || screen.querySelector(".ct-early-status")) return;
  const text = code === cloudtriageWords.code ? cloudtriageWord(cloudtriageWords.text, "texts", "loading") : "";
  if (!text) return;
  const line = document.createElement("p");
  line.setAttribute("role", "status");
  line.className = "ct-early-status ct-muted";
  line.textContent = text;
  row.after(line);
}

/**
 * The prerendered welcome screen's Start button works before the module runs; its other controls wait
 * for the module. A reader who clicks it has asked for the questionnaire: its texts are fetched at once
 * (same folder, integrity), beside the module, and the widget opens on the context page when it takes
 * over (src/web/start.rs), the focus on that page's heading. Until then the button is busy and a line
 * under it says that the questionnaire is loading.
 */
function cloudtriageEarlyStart(languages) {
  const codes = Object.keys(languages);
  for (const element of document.querySelectorAll("[data-cloudtriage]")) {
    const screen = element.shadowRoot && element.shadowRoot.querySelector(".ct-mount[data-prerendered]");
    const start = screen && screen.querySelector(".ct-welcome .ct-button-primary");
    if (!start) continue;
    start.disabled = false;
    start.addEventListener("click", () => {
      if (!screen.isConnected || screen.hasAttribute("data-started")) return;
      const code = cloudtriageLanguageOf(element, codes);
      const file = languages[code];
      screen.cloudtriageTexts = { code, text: cloudtriageText(file.texts, file.textsIntegrity) };
      screen.setAttribute("data-started", "");
      start.setAttribute("aria-disabled", "true");
      cloudtriageStartingLine(screen, code);
    });
  }
}

async function cloudtriageStart() {
  const base = cloudtriageBase();
  const languages = {};
  for (const [code, file] of Object.entries(CLOUDTRIAGE_ASSETS.languages)) {
    languages[code] = {
      url: new URL(file.file, base).href,
      integrity: file.integrity,
      texts: new URL(file.texts, base).href,
      textsIntegrity: file.textsIntegrity,
      questions: new URL(file.questions, base).href,
      questionsIntegrity: file.questionsIntegrity,
    };
  }
  cloudtriageEarlyStart(languages);
  const likely = cloudtriageLikelyLanguage();
  // The page's first screen (the prerendered welcome, or the host's page) is painted before the module's
  // bytes are asked for, so that on a slow line they do not compete with it (docs/PERFORMANCE.md).
  await cloudtriageFirstPaint();
  // The widget decides the language itself; words loaded here only save a round trip.
  const words = cloudtriageText(languages[likely].url, languages[likely].integrity);
  words.then((text) => {
    cloudtriageWords = { code: likely, text };
    cloudtriagePlaceholders(text, likely, Object.keys(languages));
    for (const element of document.querySelectorAll("[data-cloudtriage]")) {
      const screen = element.shadowRoot && element.shadowRoot.querySelector(".ct-mount[data-started]");
      if (screen) cloudtriageStartingLine(screen, screen.cloudtriageTexts.code);
    }
  });
  const wasm = fetch(new URL(CLOUDTRIAGE_ASSETS.wasm, base), { integrity: CLOUDTRIAGE_ASSETS.wasmIntegrity });
  await __wbg_init({ module_or_path: wasm });
  // Instantiating the module and reading the words are two long pieces of work on a slow computer;
  // the page gets its turn between them (the widget starts each of its screens in a task of its own too).
  await new Promise((resolve) => setTimeout(resolve, 0));
  const exports = { url: new URL(CLOUDTRIAGE_ASSETS.exportsFile, base).href, integrity: CLOUDTRIAGE_ASSETS.exportsIntegrity };
  const args = [
    new URL(CLOUDTRIAGE_ASSETS.css, base).href,
    CLOUDTRIAGE_ASSETS.cssIntegrity,
    JSON.stringify(languages),
    JSON.stringify(exports),
  ];
  mount_all(...args, likely, await words);
  return args;
}

let cloudtriageFullFailures = 0;

/** The whole widget's module, added to the page once (again after a failure, under `?attempt=N`). */
function cloudtriageFull() {
  if (globalThis.cloudtriageFull) return globalThis.cloudtriageFull.start();
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.type = "module";
    script.integrity = CLOUDTRIAGE_ASSETS.fullIntegrity;
    const url = new URL(CLOUDTRIAGE_ASSETS.full, cloudtriageBase());
    if (cloudtriageFullFailures > 0) url.search = `attempt=${cloudtriageFullFailures}`;
    script.src = url.href;
    script.addEventListener("load", () => (globalThis.cloudtriageFull ? resolve(globalThis.cloudtriageFull.start()) : reject(new Error("it did not start"))));
    script.addEventListener("error", () => {
      script.remove();
      cloudtriageFullFailures += 1;
      reject(new Error("it could not be loaded"));
    });
    document.head.append(script);
  });
}

// A widget asks for the whole widget (the team's screens, an agency's profile): it takes over in the same
// mount element with what the first module handed over, then the first module's widget is released. If it
// cannot be had, the widget hears so and keeps everything.
document.addEventListener("cloudtriage:upgrade", async (event) => {
  const element = event.target;
  const handover = event.detail;
  try {
    const [css, cssIntegrity, languages, exports] = await cloudtriageStarted;
    const full = await cloudtriageFull();
    full.upgrade(css, cssIntegrity, languages, exports, element, handover, () => release(element));
  } catch (error) {
    console.error("cloudtriage: the team screens could not be loaded:", error);
    // Asked for at start (a page that names an agency's files, a respondent's link), there is no
    // widget to fall back on: the element says that cloudtriage could not start, as for the module.
    if (handover && handover.action === "start") cloudtriageFail(element);
    else element.dispatchEvent(new Event("cloudtriage:upgrade-failed"));
  }
}, true);

/** Starts the widget in mount elements added to the page after it loaded. */
export async function mount() {
  mount_all(...(await cloudtriageStarted), "", "");
}

cloudtriageStarted = cloudtriageStart();
cloudtriageStarted.catch((error) => {
  console.error("cloudtriage:", error);
  for (const element of document.querySelectorAll("[data-cloudtriage]")) cloudtriageFail(element);
});

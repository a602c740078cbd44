#!/usr/bin/env python3
"""Trunk post-build step: turn Trunk's output into the files hosts load.

- cloudtriage.js: the wasm-bindgen module with the loader (web/loader.js)
  appended. Its name is stable so host pages can include it; it is small and
  should be revalidated on every load.
- cloudtriage-<hash>_bg.wasm, widget-<hash>.css, lang/<code>-<hash>.json (the
  interface words of each language, loaded with the page) and
  lang/<code>.texts-<hash>.json (the questionnaire's texts with the first
  domain's questions, loaded when the user leaves the welcome page) and
  lang/<code>.questions-<hash>.json (the other domains' questions, loaded
  once the first questions are shown); the words are build.rs's own output, copied,
  so the browser loads the same bytes the host tests check: content-hashed,
  cacheable forever; the loader and the module fetch them with Subresource
  Integrity.
- index.html and the example pages in embed/: `integrity` added to the module
  script, and the welcome screen rendered into the mount element at build
  time (src/bin/prerender.rs, on the host, with the widget's stylesheet and
  its digest), so that it shows before the module has loaded.
- exports-<hash>.js and exports-<hash>_bg.wasm: the on-demand export module
  (the crate in exports/, built here with cargo, wasm-bindgen and wasm-opt),
  named with its digest in the loader's configuration; the widget loads it
  only when the user asks for an export.
- full-<hash>.js and full-<hash>_bg.wasm: the whole widget (the crate in full/:
  the library with feature `full`, which adds the team's screens and an
  agency's profile), built the same way; the loader fetches it only when a
  widget asks for them (src/web/upgrade.rs).
- The imports of each module, and the exports only its glue calls, renamed to
  short names, in the module and in its glue alike (scripts/wasmnames.py);
  each module's memory checked to suit wasm-opt's --low-memory-unused (its
  stack first, no data in its lowest kilobyte).
- In a release build, these scripts minified by esbuild (the declaration of
  the files each one fetches kept first and as written), and the widget's
  stylesheet too.
- <file>.br and <file>.gz beside every file (scripts/precompress.mjs, node's
  zlib), for servers that send precompressed files (docs/EMBEDDING.md).
Runs in Trunk's staging directory (TRUNK_STAGING_DIR).
"""
import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import wasmnames  # noqa: E402  (scripts/wasmnames.py, beside this file)


def digest(data: bytes) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def short_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


# The declaration of the files a script fetches (the loader's CLOUDTRIAGE_ASSETS, an on-demand
# module's CLOUDTRIAGE_*_WASM): kept as written, so that the tests and tools that read which files
# a build names can read it in a minified script too.
ASSETS = re.compile(r"^const CLOUDTRIAGE_[A-Z_]+ = \{.*?\};\n", re.M | re.S)


def minified(code: str, release: bool) -> str:
    """A release build's script minified by esbuild (npm, package-lock.json): the wasm-bindgen glue
    with its comments and long names is about a third of the loader's bytes. The declaration of the
    files it fetches stays first and as written; the rest refers to it by name, which esbuild leaves."""
    if not release:
        return code
    declared = ASSETS.search(code)
    if not declared:
        raise RuntimeError("the script does not declare the files it fetches (const CLOUDTRIAGE_... = {...};)")
    rest = code[: declared.start()] + code[declared.end():]
    esbuild = ["esbuild", "--minify", "--format=esm", "--target=es2020", "--loader=js", "--log-level=warning"]
    if not shutil.which("esbuild"):
        raise RuntimeError("esbuild is not on PATH (scripts/tools.sh installs it into node_modules/.bin)")
    out = subprocess.run(esbuild, input=rest, capture_output=True, text=True, check=True).stdout
    return declared.group(0) + out


def minified_css(code: str, release: bool) -> str:
    """A release build's widget stylesheet minified by esbuild (the same package): its comments and
    spacing are about a fifth of its compressed bytes. The rules, their order and their values stay."""
    if not release:
        return code
    if not shutil.which("esbuild"):
        raise RuntimeError("esbuild is not on PATH (scripts/tools.sh installs it into node_modules/.bin)")
    esbuild = ["esbuild", "--minify", "--loader=css", "--log-level=warning"]
    return subprocess.run(esbuild, input=code, capture_output=True, text=True, check=True).stdout


# The cargo profile of the widget's release build (index.html's data-cargo-profile, Cargo.toml's
# [profile.widget]: optimised for size); a debug build uses cargo's dev profile, in target/.../debug/.
WIDGET_PROFILE = "widget"


def profile_dir() -> str:
    return WIDGET_PROFILE if os.environ.get("TRUNK_PROFILE", "release") == "release" else "debug"


def built_languages() -> Path:
    """Where build.rs left the words of every language for this build: target/wasm32-unknown-unknown/<profile>/lang/."""
    metadata = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--no-deps", "--offline"],
        check=True, capture_output=True, text=True,
    )
    target = Path(json.loads(metadata.stdout)["target_directory"])
    return target / "wasm32-unknown-unknown" / profile_dir() / "lang"


def language_files(source: Path, staging: Path, codes: list) -> dict:
    """Copies build.rs's three JSON files of every language, byte for byte, to lang/<code>-<hash>.json,
    lang/<code>.texts-<hash>.json and lang/<code>.questions-<hash>.json."""
    out = staging / "lang"
    out.mkdir(exist_ok=True)
    files = {}
    for code in codes:
        entry = {}
        parts = (("", "file", "integrity"), (".texts", "texts", "textsIntegrity"), (".questions", "questions", "questionsIntegrity"))
        for part, key, integrity in parts:
            data = (source / f"{code}{part}.json").read_bytes()
            name = f"{code}{part}-{short_hash(data)}.json"
            (out / name).write_bytes(data)
            entry[key] = f"lang/{name}"
            entry[integrity] = digest(data)
        files[code] = entry
    return files


# The same wasm-opt settings as the main module (index.html), but for --converge. --low-memory-unused
# lets wasm-opt fold small constant offsets into loads and stores: Rust's wasm32 modules put their
# 1 MB stack first and their data after it, so the lowest kilobyte is reached only by a stack 1 KB
# short of overflowing (docs/PERFORMANCE.md, the levers' table).
WASM_OPT_FLAGS = [
    "-Oz", "--low-memory-unused", "--strip-debug", "--strip-producers", "--enable-bulk-memory", "--enable-nontrapping-float-to-int",
    "--enable-reference-types", "--enable-sign-ext", "--enable-mutable-globals",
]


def on_demand_module(root: Path, staging: Path, release: bool, package: str, name: str) -> dict:
    """Builds an on-demand module (the crate `package`, in the folder `name`/) and writes
    <name>-<hash>.js (its glue and web/<name>.js) and <name>-<hash>_bg.wasm."""
    cargo = ["cargo", "build", "--offline", "--quiet", "--target", "wasm32-unknown-unknown", "-p", package]
    subprocess.run(cargo + (["--profile", WIDGET_PROFILE] if release else []), cwd=root, check=True)
    target = Path(os.environ.get("CARGO_TARGET_DIR", root / "target"))
    built = target / "wasm32-unknown-unknown" / profile_dir() / (package.replace("-", "_") + ".wasm")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["wasm-bindgen", "--target", "web", "--no-typescript", "--out-dir", tmp, "--out-name", name, str(built)],
            check=True,
        )
        wasm_path = Path(tmp) / f"{name}_bg.wasm"
        if release:
            if not shutil.which("wasm-opt"):
                raise RuntimeError("wasm-opt is not on PATH (scripts/tools.sh installs it into node_modules/.bin)")
            wasmnames.check_low_memory_unused(wasm_path.read_bytes())  # what --low-memory-unused assumes
            subprocess.run(["wasm-opt", *WASM_OPT_FLAGS, str(wasm_path), "-o", str(wasm_path)], check=True)
        wasm_bytes, glue = wasmnames.shorten_built(
            wasm_path.read_bytes(), (Path(tmp) / f"{name}.js").read_text(encoding="utf-8")
        )
    wasm_name = f"{name}-{short_hash(wasm_bytes)}_bg.wasm"
    (staging / wasm_name).write_bytes(wasm_bytes)
    key = name.upper()
    bootstrap = (root / "web" / f"{name}.js").read_text(encoding="utf-8")
    bootstrap = bootstrap.replace(f"__{key}_WASM_FILE__", wasm_name).replace(f"__{key}_WASM_INTEGRITY__", digest(wasm_bytes))
    module = minified(glue + bootstrap, release).encode("utf-8")
    file = f"{name}-{short_hash(module)}.js"
    (staging / file).write_bytes(module)
    return {"file": file, "integrity": digest(module)}


def prerender(root: Path, staging: Path, pages: list, css_name: str, css_integrity: str) -> None:
    """Renders the welcome screen into each page's mount element (the prerender binary, feature ssr, on the host)."""
    args = []
    for page in pages:
        args += [str(page), os.path.relpath(staging / css_name, page.parent)]
    # The host build on the default toolchain, whatever target, toolchain and standard-library
    # settings Trunk's own cargo build had (scripts/widget-env.sh).
    dropped = ("CARGO_BUILD_TARGET", "RUSTFLAGS", "CARGO_ENCODED_RUSTFLAGS", "RUSTUP_TOOLCHAIN")
    env = {k: v for k, v in os.environ.items() if k not in dropped and not k.startswith("CARGO_UNSTABLE_")}
    subprocess.run(
        ["cargo", "run", "--offline", "--quiet", "--no-default-features", "--features", "ssr", "--bin", "prerender", "--",
         css_integrity, *args],
        cwd=root, check=True, env=env,
    )


def main() -> int:
    staging = Path(os.environ.get("TRUNK_STAGING_DIR", "dist"))
    root = Path(__file__).resolve().parent.parent
    glue = sorted(p for p in staging.glob("cloudtriage-*.js"))
    wasm = sorted(p for p in staging.glob("cloudtriage-*_bg.wasm"))
    if len(glue) != 1 or len(wasm) != 1:
        print(f"postbuild: expected one cloudtriage-*.js and one *_bg.wasm in {staging}, found {glue} {wasm}", file=sys.stderr)
        return 1
    glue, wasm = glue[0], wasm[0]
    words = built_languages()
    codes = sorted(p.name for p in (root / "content" / "lang").iterdir() if (p / "ui.toml").is_file())
    expected = sorted(f"{c}{part}.json" for c in codes for part in ("", ".texts", ".questions"))
    if sorted(p.name for p in words.glob("*.json")) != expected:
        print(f"postbuild: build.rs should have written {expected} to {words}", file=sys.stderr)
        return 1

    release = os.environ.get("TRUNK_PROFILE", "release") == "release"
    try:
        exports = on_demand_module(root, staging, release, "cloudtriage-exports", "exports")
    except (subprocess.CalledProcessError, RuntimeError, OSError, ValueError) as e:
        print(f"postbuild: the export module could not be built: {e}", file=sys.stderr)
        return 1
    try:
        full = on_demand_module(root, staging, release, "cloudtriage-full", "full")
    except (subprocess.CalledProcessError, RuntimeError, OSError, ValueError) as e:
        print(f"postbuild: the whole widget (full/) could not be built: {e}", file=sys.stderr)
        return 1

    css = staging / "widget.css"
    css.write_text(minified_css(css.read_text(encoding="utf-8"), release), encoding="utf-8")
    css_bytes = css.read_bytes()
    css_name = f"widget-{short_hash(css_bytes)}.css"
    css.rename(staging / css_name)

    built = wasm.read_bytes()
    try:
        # What index.html's --low-memory-unused assumed (the layout wasm-opt keeps).
        wasmnames.check_low_memory_unused(built)
    except ValueError as e:
        print(f"postbuild: wasm-opt --low-memory-unused does not suit this module: {e}", file=sys.stderr)
        return 1
    try:
        wasm_bytes, code = wasmnames.shorten_built(built, glue.read_text(encoding="utf-8"))
    except ValueError as e:
        print(f"postbuild: the module's imports or exports could not be renamed: {e}", file=sys.stderr)
        return 1
    wasm.write_bytes(wasm_bytes)
    wasm_name = f"cloudtriage-{short_hash(wasm_bytes)}_bg.wasm"
    wasm.rename(staging / wasm_name)

    export = re.search(r"^export \{ initSync, __wbg_init as default \};\s*$", code, re.M)
    if not export:
        print("postbuild: the wasm-bindgen module does not end with the expected export line", file=sys.stderr)
        return 1
    code = code[: export.start()] + code[export.end():]
    # The default path of the glue points at Trunk's file name; the loader always passes the hashed one.
    loader = (root / "web" / "loader.js").read_text(encoding="utf-8")
    loader = (
        loader.replace("__WASM_FILE__", wasm_name)
        .replace("__WASM_INTEGRITY__", digest(wasm_bytes))
        .replace("__CSS_FILE__", css_name)
        .replace("__CSS_INTEGRITY__", digest(css_bytes))
        .replace("__LANGUAGES__", json.dumps(language_files(words, staging, codes), sort_keys=True))
        .replace("__EXPORTS_FILE__", exports["file"])
        .replace("__EXPORTS_INTEGRITY__", exports["integrity"])
        .replace("__FULL_FILE__", full["file"])
        .replace("__FULL_INTEGRITY__", full["integrity"])
    )
    if "__" + "WASM_FILE__" in loader:
        print("postbuild: the loader template was not filled in", file=sys.stderr)
        return 1
    try:
        bundle = minified(code + loader, release).encode("utf-8")
    except (subprocess.CalledProcessError, RuntimeError, OSError) as e:
        print(f"postbuild: the loader could not be minified: {e}", file=sys.stderr)
        return 1
    glue.unlink()
    (staging / "cloudtriage.js").write_bytes(bundle)
    integrity = digest(bundle)

    pages = [staging / "index.html", *sorted(staging.glob("embed/**/*.html"))]
    try:
        prerender(root, staging, [p for p in pages if "data-cloudtriage" in p.read_text(encoding="utf-8")], css_name, digest(css_bytes))
    except (subprocess.CalledProcessError, OSError) as e:
        print(f"postbuild: the welcome screen could not be prerendered: {e}", file=sys.stderr)
        return 1
    for page in pages:
        html = page.read_text(encoding="utf-8")
        html, count = re.subn(
            r'<script type="module" src="([^"]*cloudtriage\.js)"( integrity="[^"]*")?></script>',
            lambda m: f'<script type="module" src="{m.group(1)}" integrity="{integrity}"></script>',
            html,
        )
        if page.name == "index.html" and page.parent == staging and count != 1:
            print("postbuild: index.html must load cloudtriage.js with one module script", file=sys.stderr)
            return 1
        # Trunk leaves its rust link in place when it injects no script; browsers ignore it, but it is noise.
        html = re.sub(r'\s*<link data-trunk rel="rust"[^>]*>', "", html)
        page.write_text(html, encoding="utf-8")
    # Last, so that the compressed copies are of the final bytes.
    subprocess.run(["node", str(root / "scripts" / "precompress.mjs"), str(staging)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#![cfg(not(target_arch = "wasm32"))]
//! The command line's own surface: help for every command, shell completions,
//! and context values refused with the list of allowed ones.

use cloudtriage::cli::{run, Outcome, OK, USAGE};

fn cli(args: &[&str]) -> Outcome {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    run(&args, 1_795_879_756, &|path| std::fs::read(path))
}

#[test]
fn every_command_has_its_own_help() {
    for (command, mentions) in [
        ("questionnaire", "--json"),
        ("template", "--use-case"),
        ("score", "<FILE>"),
        ("validate", "<FILES>"),
        ("schema", "JSON Schema"),
        ("completions", "<SHELL>"),
    ] {
        let out = cli(&[command, "--help"]);
        assert_eq!(out.code, OK, "{command}");
        assert!(out.stdout.contains(mentions), "{command} --help lacks {mentions}: {}", out.stdout);
        assert!(out.stderr.is_empty());
    }
}

#[test]
fn completions_name_every_command_in_bash_zsh_and_fish() {
    for shell in ["bash", "zsh", "fish"] {
        let out = cli(&["completions", shell]);
        assert_eq!(out.code, OK, "{shell}");
        for command in ["questionnaire", "template", "score", "validate", "schema"] {
            assert!(out.stdout.contains(command), "{shell} completion lacks {command}");
        }
        // The context values are offered, not just accepted.
        assert!(out.stdout.contains("remote_care"), "{shell} completion lacks use-case values");
    }
    let out = cli(&["completions", "tcsh"]);
    assert_eq!(out.code, USAGE);
}

#[test]
fn a_context_value_outside_the_list_names_the_allowed_ones() {
    let out = cli(&["template", "--service-model", "faas"]);
    assert_eq!(out.code, USAGE);
    for allowed in ["iaas", "paas", "saas", "undecided"] {
        assert!(out.stderr.contains(allowed), "{}", out.stderr);
    }
}

#[test]
fn a_template_takes_every_context_option() {
    let out = cli(&[
        "template",
        "--use-case",
        "ehr",
        "--use-case",
        "remote_care",
        "--service-model",
        "iaas",
        "--deployment",
        "private",
        "--stage",
        "operating",
        "--org-size",
        "large",
    ]);
    assert_eq!(out.code, OK, "{}", out.stderr);
    let file: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(file["context"]["use_cases"], serde_json::json!(["ehr", "remote_care"]));
    assert_eq!(file["context"]["service_model"], "iaas");
    assert_eq!(file["context"]["deployment"], "private");
    assert_eq!(file["context"]["stage"], "operating");
    assert_eq!(file["context"]["org_size"], "large");
}

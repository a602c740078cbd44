//! The context step: what the organisation uses the cloud for and how. It
//! decides which questions apply and what level each should reach.

macro_rules! choice {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
        #[cfg_attr(not(target_arch = "wasm32"), serde(rename_all = "snake_case"))]
        pub enum $name { $($(#[$vdoc])* $variant),+ }

        impl $name {
            /// Every value, in the order the interface offers them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The identifier used in files, content and URLs.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Reads an identifier as used in files, content and URLs.
            pub fn parse(text: &str) -> Option<Self> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }

            /// The identifiers accepted by [`Self::parse`], for messages.
            pub fn allowed() -> String {
                Self::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
            }
        }
    };
}

choice!(
    /// What health services the cloud service supports (several may apply).
    UseCase {
        /// Electronic health records: storing and exchanging patient records and results.
        Ehr = "ehr",
        /// Telemedicine and remote consultation.
        RemoteCare = "remote_care",
        /// Cloud services that collect, share or monitor medical-device data.
        MedicalDevices = "medical_devices",
        /// Administrative systems: e-mail, office, HR, finance, scheduling.
        Administrative = "administrative",
    }
);

choice!(
    /// The cloud service model, which moves responsibility between customer and provider.
    ServiceModel { Iaas = "iaas", Paas = "paas", Saas = "saas", Undecided = "undecided" }
);

choice!(
    /// How the cloud is deployed and who shares it.
    Deployment {
        Public = "public",
        Private = "private",
        Hybrid = "hybrid",
        Community = "community",
        Government = "government",
        Undecided = "undecided",
    }
);

choice!(
    /// Where the organisation stands with this cloud service.
    Stage { Planning = "planning", Procuring = "procuring", Operating = "operating" }
);

choice!(
    /// Size of the organisation, which some targets depend on.
    OrgSize { Small = "small", Medium = "medium", Large = "large" }
);

/// The answers to the context step.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Context {
    /// At least one use case; kept sorted and without repeats.
    pub use_cases: Vec<UseCase>,
    pub service_model: ServiceModel,
    pub deployment: Deployment,
    pub stage: Stage,
    pub org_size: OrgSize,
}

impl Default for Context {
    fn default() -> Self {
        Context {
            use_cases: Vec::new(),
            service_model: ServiceModel::Undecided,
            deployment: Deployment::Undecided,
            stage: Stage::Planning,
            org_size: OrgSize::Medium,
        }
    }
}

impl Context {
    /// Every complete context: each non-empty set of use cases with each service model, deployment,
    /// stage and size. For rules that must hold in all of them (tests, fuzzing, content checks).
    pub fn every() -> Vec<Context> {
        let mut all = Vec::new();
        for mask in 1u8..(1 << UseCase::ALL.len()) {
            let use_cases: Vec<UseCase> =
                UseCase::ALL.iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, u)| *u).collect();
            for &service_model in ServiceModel::ALL {
                for &deployment in Deployment::ALL {
                    for &stage in Stage::ALL {
                        for &org_size in OrgSize::ALL {
                            all.push(Context {
                                use_cases: use_cases.clone(),
                                service_model,
                                deployment,
                                stage,
                                org_size,
                            });
                        }
                    }
                }
            }
        }
        all
    }

    /// Whether the context is enough to start: at least one use case chosen.
    pub fn is_complete(&self) -> bool {
        !self.use_cases.is_empty()
    }

    /// Selects or deselects a use case, keeping the list sorted and unique.
    pub fn set_use_case(&mut self, use_case: UseCase, selected: bool) {
        self.use_cases.retain(|u| *u != use_case);
        if selected {
            self.use_cases.push(use_case);
            crate::core::order::sort(&mut self.use_cases);
        }
    }

    /// The context as written in results files.
    pub fn to_json(&self) -> crate::core::json::Json {
        use crate::core::json::{object, Json};
        object([
            ("use_cases", Json::Array(self.use_cases.iter().map(|u| Json::str(u.as_str())).collect())),
            ("service_model", Json::str(self.service_model.as_str())),
            ("deployment", Json::str(self.deployment.as_str())),
            ("stage", Json::str(self.stage.as_str())),
            ("org_size", Json::str(self.org_size.as_str())),
        ])
    }

    /// Whether a use case is selected.
    pub fn has_use_case(&self, use_case: UseCase) -> bool {
        self.use_cases.contains(&use_case)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn use_cases_stay_sorted_and_unique() {
        let mut c = Context::default();
        c.set_use_case(UseCase::Administrative, true);
        c.set_use_case(UseCase::Ehr, true);
        c.set_use_case(UseCase::Ehr, true);
        assert_eq!(c.use_cases, vec![UseCase::Ehr, UseCase::Administrative]);
        c.set_use_case(UseCase::Ehr, false);
        assert_eq!(c.use_cases, vec![UseCase::Administrative]);
    }

    #[test]
    fn identifiers_round_trip() {
        for &m in ServiceModel::ALL {
            assert_eq!(ServiceModel::parse(m.as_str()), Some(m));
        }
        assert_eq!(UseCase::parse("remote_care"), Some(UseCase::RemoteCare));
        assert_eq!(UseCase::parse("Remote care"), None);
    }

    #[test]
    fn a_context_needs_a_use_case() {
        assert!(!Context::default().is_complete());
    }
}

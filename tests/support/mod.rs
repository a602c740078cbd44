//! Helpers shared by the host test files (`mod support;`); not part of the program.

use cloudtriage::core::context::{Context, Deployment, OrgSize, ServiceModel, Stage, UseCase};

/// Every combination of context values, for rules that must hold in all of them.
#[allow(dead_code)]
pub fn every_context() -> Vec<Context> {
    let mut all = Vec::new();
    for mask in 1u8..(1 << UseCase::ALL.len()) {
        let use_cases: Vec<UseCase> =
            UseCase::ALL.iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, u)| *u).collect();
        for &service_model in ServiceModel::ALL {
            for &deployment in Deployment::ALL {
                for &stage in Stage::ALL {
                    for &org_size in OrgSize::ALL {
                        all.push(Context { use_cases: use_cases.clone(), service_model, deployment, stage, org_size });
                    }
                }
            }
        }
    }
    all
}

//! The list of a refused form's problems at the top of the form, each a link to its field (WCAG's
//! error identification: the reader sees at once what to correct and goes there in one step).
//! The fields note their problem with their label as they are drawn ([`note_problem`]); the form
//! draws its fields first, then puts the list above them ([`ProblemSummary`]).

use leptos::prelude::*;
use model::account::FormEcho;

use crate::i18n::{tr, tr_args};

/// The problems noted while a form's fields were drawn: (the field's id, its label, the problem).
#[derive(Clone, Copy)]
pub struct NotedProblems(StoredValue<Vec<(String, String, String)>>);

impl NotedProblems {
    /// Starts a list for the form about to be drawn.
    pub fn provide() -> Self {
        let noted = Self(StoredValue::new(Vec::new()));
        provide_context(noted);
        noted
    }
}

/// Notes that the field `target` (an element id), labelled `label`, has `problem` (already in the
/// reader's language). Does nothing outside a form that lists its problems.
fn note_problem(target: &str, label: String, problem: &str) {
    if let Some(NotedProblems(noted)) = use_context::<NotedProblems>() {
        noted.update_value(|list| list.push((target.to_string(), label, problem.to_string())));
    }
}

/// The problem of the field `name` (element id `target`, labelled `label()`) in the reader's
/// language, if the refused form has one, noted for the form's list.
pub fn field_problem(echo: &FormEcho, name: &str, target: &str, label: impl FnOnce() -> String) -> Option<String> {
    let problem = echo.error(name).map(tr)?;
    note_problem(target, label(), &problem);
    Some(problem)
}

/// The noted problems as links to their fields; nothing when there is none.
#[component]
pub fn ProblemSummary(noted: NotedProblems) -> impl IntoView {
    let problems = noted.0.get_value();
    (!problems.is_empty()).then(|| {
        let items = problems
            .into_iter()
            .map(|(target, label, problem)| {
                let text = tr_args("form-problem-item", &[("field", label.into()), ("problem", problem.into())]);
                view! { <li><a href=format!("#{target}")>{text}</a></li> }
            })
            .collect_view();
        view! {
            <div class="notice notice--error problem-list">
                <p id="problem-list-title">{tr("form-problem-list")}</p>
                <ul aria-labelledby="problem-list-title">{items}</ul>
            </div>
        }
    })
}

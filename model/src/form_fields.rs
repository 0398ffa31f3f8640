//! Reading posted forms: the fields as sent, and the pieces several forms share (comma-separated
//! lists, rows of languages with their levels). Each problem is a field name and a Fluent id.

use crate::record::{LanguageRequirement, without_controls};
use crate::vocab::Cefr;

/// Rows of languages the forms offer (those an opening requires, those a researcher speaks).
pub const LANGUAGE_ROWS: usize = 3;

/// A posted form's fields, as `(name, value)` pairs in the order sent (checkboxes repeat).
pub struct PostedFields<'f>(pub &'f [(String, String)]);

impl PostedFields<'_> {
    pub(crate) fn one(&self, name: &str) -> &str {
        self.0.iter().find(|(key, _)| key == name).map_or("", |(_, value)| value.trim())
    }

    pub(crate) fn all(&self, name: &str) -> impl Iterator<Item = &str> {
        self.0.iter().filter(move |(key, _)| key == name).map(|(_, value)| value.as_str())
    }

    pub(crate) fn ticked(&self, name: &str) -> bool {
        !self.one(name).is_empty()
    }
}

/// Problems found in a posted form: `(field, Fluent message id)`.
pub type FieldProblems = Vec<(String, &'static str)>;

/// A comma-separated list (Latin, full-width or Korean commas), trimmed, without empty items.
pub(crate) fn read_list(form: &PostedFields<'_>, name: &str) -> Vec<String> {
    without_controls(form.one(name), false)
        .split([',', '，', '、'])
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(String::from)
        .collect()
}

/// The language rows (`language_N`, an ISO 639-1 code, with `level_N`, a CEFR level); empty
/// rows are skipped.
pub(crate) fn read_languages(
    form: &PostedFields<'_>,
    problem: &mut impl FnMut(&str, &'static str),
) -> Vec<LanguageRequirement> {
    let mut languages = Vec::new();
    for row in 1..=LANGUAGE_ROWS {
        let (lang_name, level_name) = (format!("language_{row}"), format!("level_{row}"));
        let code = form.one(&lang_name).to_lowercase();
        if code.is_empty() {
            continue;
        }
        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_lowercase()) {
            problem(&lang_name, "posting-error-language-code");
            continue;
        }
        match Cefr::from_code(form.one(&level_name)) {
            Some(level) => languages.push(LanguageRequirement { lang: code, level }),
            None => problem(&level_name, "form-error-choose"),
        }
    }
    languages
}

/// The language rows' fields for `languages` (see [`read_languages`]).
pub(crate) fn language_fields(languages: &[LanguageRequirement], put: &mut impl FnMut(&str, String)) {
    for (row, requirement) in languages.iter().take(LANGUAGE_ROWS).enumerate() {
        put(&format!("language_{}", row + 1), requirement.lang.clone());
        put(&format!("level_{}", row + 1), requirement.level.code().to_string());
    }
}

//! People on the platform: roles, what a page knows of its viewer, and the checks on what
//! someone types into the account forms (the same checks run in the browser and the server).

use serde::{Deserialize, Serialize};

use crate::Lang;

pub use crate::moderation::{
    AccountSummary, AuditAction, AuditEntry, MAX_REPORT_DETAILS_CHARS, ReportReason, ReportView, WaitingCounts,
};

/// What an account may do beyond searching and applying. Institution membership is a separate
/// grant, per institution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Anyone who signed up: searches, saves, applies, reports.
    Researcher,
    /// Runs the platform: moderation, institutions, accounts.
    PlatformAdmin,
}

impl Role {
    pub fn code(self) -> &'static str {
        match self {
            Role::Researcher => "researcher",
            Role::PlatformAdmin => "platform_admin",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        match code {
            "researcher" => Some(Role::Researcher),
            "platform_admin" => Some(Role::PlatformAdmin),
            _ => None,
        }
    }
}

/// What a member may do at their institution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InstitutionRole {
    /// Posts and edits the institution's openings.
    Member,
    /// Also runs the institution's page and members.
    Admin,
}

impl InstitutionRole {
    pub fn code(self) -> &'static str {
        match self {
            InstitutionRole::Member => "member",
            InstitutionRole::Admin => "admin",
        }
    }

    pub fn from_code(code: &str) -> Option<InstitutionRole> {
        match code {
            "member" => Some(InstitutionRole::Member),
            "admin" => Some(InstitutionRole::Admin),
            _ => None,
        }
    }
}

/// An institution someone belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Membership {
    pub institution: InstitutionRef,
    pub role: InstitutionRole,
}

/// An institution, named in every language it gave.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstitutionRef {
    pub slug: String,
    pub name: crate::Texts,
    pub verified: bool,
    /// Where it is (ISO 3166-1 code, city): a new opening's place starts there.
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub city: String,
}

impl InstitutionRef {
    /// The name in `lang` when the institution gave one, else in English, else any; the slug
    /// when it gave none.
    pub fn name_in(&self, lang: Lang) -> String {
        crate::lang::pick(&self.name, lang, Lang::En).map_or_else(|| self.slug.clone(), |(_, name)| name.to_string())
    }
}

/// The signed-in person, as pages see them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    pub account_id: i64,
    pub email: String,
    pub display_name: String,
    pub lang: Lang,
    pub role: Role,
    pub email_confirmed: bool,
    pub memberships: Vec<Membership>,
    /// Moderators' decisions on their postings they have not seen yet.
    #[serde(default)]
    pub unseen_decisions: u64,
}

impl Viewer {
    pub fn is_platform_admin(&self) -> bool {
        self.role == Role::PlatformAdmin
    }
}

/// A member of an institution, as its admins and platform admins list them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberView {
    pub account_id: i64,
    pub email: String,
    pub display_name: String,
    pub role: InstitutionRole,
    /// RFC 3339, UTC.
    pub joined_at: String,
}

/// An institution's page of members: the institution, and who belongs to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstitutionMembers {
    pub institution: InstitutionRef,
    pub members: Vec<MemberView>,
    /// Accounts the institution removed, newest first (`joined_at` is when): they cannot join
    /// again until an administrator lets them back in.
    #[serde(default)]
    pub removed: Vec<MemberView>,
}

impl Viewer {
    /// Platform admins and the institution's own admins run its members.
    pub fn runs_institution(&self, slug: &str) -> bool {
        self.is_platform_admin()
            || self.memberships.iter().any(|m| m.institution.slug == slug && m.role == InstitutionRole::Admin)
    }
}

/// An institution as the admin area lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstitutionOverview {
    pub institution: InstitutionRef,
    pub domain: String,
    pub country: String,
    pub members: u64,
    pub openings: u64,
}

/// What every page gets from the server about the request: who is signed in, the token that
/// its forms must send back, and, after a rejected form, what was typed and what was wrong.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageState {
    pub viewer: Option<Viewer>,
    pub csrf: String,
    pub echo: Option<FormEcho>,
}

/// A rejected form sent back to its page: the values as typed (never passwords) and the
/// problems, each a Fluent message id, by field name (`""` for the form as a whole).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormEcho {
    /// Which form this is (`signup`, `login`, …), so that only that form reads it.
    pub form: String,
    pub values: Vec<(String, String)>,
    pub errors: Vec<(String, String)>,
}

impl FormEcho {
    pub fn new(form: &str) -> FormEcho {
        FormEcho { form: form.to_string(), ..FormEcho::default() }
    }

    pub fn value(&self, field: &str) -> Option<&str> {
        self.values.iter().find(|(name, _)| name == field).map(|(_, value)| value.as_str())
    }

    pub fn error(&self, field: &str) -> Option<&str> {
        self.errors.iter().find(|(name, _)| name == field).map(|(_, id)| id.as_str())
    }

    pub fn keep(&mut self, field: &str, value: &str) {
        self.values.push((field.to_string(), value.to_string()));
    }

    pub fn reject(&mut self, field: &str, message_id: &str) {
        if self.error(field).is_none() {
            self.errors.push((field.to_string(), message_id.to_string()));
        }
    }

    pub fn is_rejected(&self) -> bool {
        !self.errors.is_empty()
    }
}

/// Passwords shorter than this are refused (NIST SP 800-63B asks for at least 8; a passphrase is
/// easier to remember than symbols).
pub const MIN_PASSWORD_CHARS: usize = 10;
/// Longer ones too: hashing megabytes would let anyone keep the server busy.
pub const MAX_PASSWORD_BYTES: usize = 1024;
pub const MAX_DISPLAY_NAME_CHARS: usize = 100;
pub const MAX_EMAIL_BYTES: usize = 254;

/// An e-mail address as stored: trimmed and lowercased, or `None` when it cannot be one.
/// Deliberately loose (one `@`, a dot in the domain, no spaces): the confirmation e-mail is
/// the real check.
pub fn normalize_email(typed: &str) -> Option<String> {
    let email = typed.trim().to_lowercase();
    let (local, domain) = email.split_once('@')?;
    let plausible = !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | ',' | ';'))
        && email.len() <= MAX_EMAIL_BYTES;
    plausible.then_some(email)
}

/// The domain of a normalised address (`kaist.ac.kr` for `kim@kaist.ac.kr`).
pub fn email_domain(email: &str) -> &str {
    email.rsplit_once('@').map_or("", |(_, domain)| domain)
}

/// The domains an address belongs to, from its own up: `kim@ee.kaist.ac.kr` belongs to
/// `ee.kaist.ac.kr` and `kaist.ac.kr` (never to a bare top-level domain).
pub fn email_domains(email: &str) -> Vec<&str> {
    let domain = email_domain(email);
    let mut domains = Vec::new();
    let mut rest = domain;
    while rest.contains('.') {
        domains.push(rest);
        rest = rest.split_once('.').map_or("", |(_, parent)| parent);
    }
    domains
}

/// The Fluent id of what is wrong with a new password, if anything.
pub fn password_problem(password: &str) -> Option<&'static str> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        Some("form-error-password-short")
    } else if password.len() > MAX_PASSWORD_BYTES {
        Some("form-error-password-long")
    } else {
        None
    }
}

/// The Fluent id of what is wrong with a display name, if anything.
pub fn display_name_problem(name: &str) -> Option<&'static str> {
    let name = name.trim();
    if name.is_empty() {
        Some("form-error-required")
    } else if name.chars().count() > MAX_DISPLAY_NAME_CHARS || name.chars().any(char::is_control) {
        Some("form-error-name-invalid")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_trimmed_lowercased_and_plausible() {
        assert_eq!(normalize_email("  Kim@KAIST.ac.kr "), Some("kim@kaist.ac.kr".to_string()));
        for bad in ["", "kim", "kim@", "@kaist.ac.kr", "kim@kaist", "kim@@kaist.ac.kr", "k m@kaist.ac.kr", "a@b.c>"] {
            assert_eq!(normalize_email(bad), None, "{bad}");
        }
        assert_eq!(email_domain("kim@kaist.ac.kr"), "kaist.ac.kr");
        assert_eq!(email_domains("kim@ee.kaist.ac.kr"), ["ee.kaist.ac.kr", "kaist.ac.kr", "ac.kr"]);
        assert_eq!(email_domains("lea@usherbrooke.ca"), ["usherbrooke.ca"]);
    }

    #[test]
    fn passwords_need_ten_characters_in_any_script() {
        assert_eq!(password_problem("short"), Some("form-error-password-short"));
        assert_eq!(password_problem("양자컴퓨팅연구원모집합니다"), None);
        assert_eq!(password_problem(&"x".repeat(2000)), Some("form-error-password-long"));
    }

    #[test]
    fn echo_keeps_the_first_problem_of_a_field() {
        let mut echo = FormEcho::new("signup");
        echo.keep("email", "kim@");
        echo.reject("email", "form-error-email");
        echo.reject("email", "form-error-required");
        assert_eq!(echo.error("email"), Some("form-error-email"));
        assert_eq!(echo.value("email"), Some("kim@"));
        assert!(echo.is_rejected());
    }
}

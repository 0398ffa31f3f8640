//! Types shared by every crate, including the browser bundle: no I/O here.
//!
//! - [`account`]: roles, the viewer of a page, and the checks on account forms; [`moderation`]:
//!   the audit log, reports, accounts as admins list them.
//! - [`alert`]: saved searches and profile alerts, and when their digests fall due.
//! - [`lang`]: the three interface languages and `Accept-Language` negotiation.
//! - [`vocab`]: the closed vocabularies of the record (kinds, career stages, fields, CEFR levels).
//! - [`record`]: the import format (`openings.jsonl`) and its validation.
//! - [`dto`]: what pages and the JSON API receive.
//! - [`fit`]: how well an opening suits a profile beyond its topic (stage, languages, kind,
//!   country, start, field, funding), with the findings shown as reasons.
//! - [`profile`]: a researcher's profile and its checks (ORCID checksum, who may see it);
//!   [`profile_form`]: the profile form, read into a profile and written back from one;
//!   [`application`]: applications' statuses and who may move them.
//! - [`url`]: every path of the site, and query strings (pages and e-mails build links there).
//! - [`candidate`]: candidates for an opening, as its institution sees them.
//! - [`round`]: matching rounds: state and phase, the round and ranking forms, each side's view.
//! - [`form_fields`]: reading posted forms, and the pieces several forms share.
//! - [`posting`]: openings written on the site: their status, moderation decisions, who may edit;
//!   [`posting_form`]: the posting form, read into a record and written back from one.

pub mod account;
pub mod alert;
pub mod application;
pub mod candidate;
pub mod dto;
pub mod fit;
pub mod form_fields;
pub mod institution_form;
pub mod lang;
pub mod moderation;
pub mod posting;
pub mod posting_form;
pub mod profile;
pub mod profile_form;
pub mod record;
pub mod round;
pub mod url;
pub mod vocab;

pub use lang::{Lang, Texts};

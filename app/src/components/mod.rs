//! Pieces shared by several pages.

pub mod apply_form;
pub mod choices;
pub mod copy_link;
pub mod filters;
pub mod for_you;
pub mod form;
pub mod form_problems;
pub mod job_posting;
pub mod keep_opening;
pub mod layout;
pub mod local_time;
pub mod more_from;
pub mod notice;
pub mod opening_card;
pub mod page_swap;
pub mod page_title;
pub mod pagination;
pub mod posting_form;
pub mod ranking;
pub mod save_search;
pub mod search_box;
pub mod text_languages;

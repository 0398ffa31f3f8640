//! Pieces shared by several pages.

pub mod layout;
pub mod opening_card;
pub mod pagination;
pub mod search_box;

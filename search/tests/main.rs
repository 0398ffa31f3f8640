//! The search crate's integration tests in one binary (each binary links the Korean dictionary):
//! `any_query`, the hostile-query test; `refine`, filters, marked words and completions.

mod any_query;
mod refine;

//! All interface text, from the Fluent files under `locales/`, and the locale's way of writing
//! numbers, money and dates; countries, languages and currencies named from CLDR (`names`);
//! cities in the reader's language (`places`). Used by the server: the browser bundle's islands
//! take their texts drawn.

mod describe;
mod format;
mod messages;
mod names;
mod places;

pub use describe::describe_search;
pub use fluent_bundle::FluentValue;
pub use format::{format_date, format_money, format_number, format_utc_time};
pub use messages::{Args, has_message, t, t_args};
pub use names::{countries, country_name, currencies, currency_name, language_name, languages};
pub use places::{city_name, place};

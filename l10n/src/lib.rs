//! All interface text, from the Fluent files under `locales/`, and the locale's way of writing
//! numbers, money and dates. Compiled into both the server and the browser bundle, so that
//! hydration renders exactly what the server did.

mod describe;
mod format;
mod messages;
mod places;

pub use describe::describe_search;
pub use fluent_bundle::FluentValue;
pub use format::{format_date, format_money, format_number, format_utc_time};
pub use messages::{Args, has_message, t, t_args};
pub use places::{city_name, place};

/// The Fluent message naming a language by its ISO 639-1 code, where we have one.
pub fn language_message_id(code: &str) -> Option<&'static str> {
    Some(match code {
        "en" => "language-en",
        "fr" => "language-fr",
        "ko" => "language-ko",
        "de" => "language-de",
        "es" => "language-es",
        "ja" => "language-ja",
        "zh" => "language-zh",
        _ => return None,
    })
}

/// The Fluent message naming a country by its ISO 3166-1 code, where we have one.
pub fn country_message_id(code: &str) -> Option<&'static str> {
    Some(match code {
        "KR" => "country-kr",
        "CA" => "country-ca",
        "FR" => "country-fr",
        "US" => "country-us",
        "JP" => "country-jp",
        "DE" => "country-de",
        "GB" => "country-gb",
        "CN" => "country-cn",
        "CH" => "country-ch",
        "BE" => "country-be",
        _ => return None,
    })
}

/// A language's name in the reader's language, or its code when we have no name for it.
pub fn language_name(reader: model::Lang, code: &str) -> String {
    language_message_id(code).map_or_else(|| code.to_uppercase(), |id| t(reader, id))
}

/// A country's name in the reader's language, or its code when we have no name for it.
pub fn country_name(reader: model::Lang, code: &str) -> String {
    country_message_id(code).map_or_else(|| code.to_string(), |id| t(reader, id))
}

//! Numbers, money and dates as each locale writes them. The separators are locale data; every
//! word (month names, currency signs and their placement) comes from the Fluent files.

use chrono::{Datelike, NaiveDate};
use fluent_bundle::FluentValue;
use model::Lang;

use crate::messages::t_args;

const MONTHS: [&str; 12] = [
    "month-1", "month-2", "month-3", "month-4", "month-5", "month-6", "month-7", "month-8", "month-9", "month-10",
    "month-11", "month-12",
];

/// (group separator, decimal separator)
fn separators(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        // French groups digits with a narrow no-break space.
        Lang::Fr => ("\u{202f}", ","),
        Lang::En | Lang::Ko => (",", "."),
    }
}

/// `2500000.0` → `2,500,000` (en, ko) or `2 500 000` (fr), with `decimals` digits after the point.
pub fn format_number(lang: Lang, value: f64, decimals: usize) -> String {
    let (group, decimal) = separators(lang);
    let formatted = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = formatted.split_once('.').unwrap_or((&formatted, ""));
    let mut out = String::with_capacity(formatted.len() + 8);
    if value < 0.0 && value.abs() >= 0.5 * 10f64.powi(-i32::try_from(decimals).unwrap_or(0)) {
        out.push('-');
    }
    let digits = whole.len();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (digits - i) % 3 == 0 {
            out.push_str(group);
        }
        out.push(digit);
    }
    if !fraction.is_empty() {
        out.push_str(decimal);
        out.push_str(fraction);
    }
    out
}

/// An amount with its currency as the reader's locale writes it: `CA$2,500`, `2 500 $ CA`, `2,500,000원`.
pub fn format_money(lang: Lang, amount: f64, currency: &str) -> String {
    // Currencies without minor units in practice, and whole amounts, show no decimals.
    let decimals = if matches!(currency, "KRW" | "JPY") || amount.fract() == 0.0 { 0 } else { 2 };
    let number = format_number(lang, amount, decimals);
    let id = match currency {
        "CAD" => "money-cad",
        "KRW" => "money-krw",
        "USD" => "money-usd",
        "EUR" => "money-eur",
        _ => "money-other",
    };
    t_args(lang, id, &[("amount", FluentValue::from(number)), ("currency", FluentValue::from(currency))])
}

/// A moment as pages and e-mails give deadlines: the date in full, then the UTC time
/// (`March 5, 2028 12:00 UTC`).
pub fn format_utc_time(lang: Lang, time: chrono::DateTime<chrono::FixedOffset>) -> String {
    let utc = time.to_utc();
    format!("{} {} UTC", format_date(lang, utc.date_naive()), utc.format("%H:%M"))
}

/// A date in full: `March 5, 2028`, `5 mars 2028`, `2028년 3월 5일`.
pub fn format_date(lang: Lang, date: NaiveDate) -> String {
    let month_index = usize::try_from(date.month0()).unwrap_or(0);
    let month_name = crate::t(lang, MONTHS[month_index]);
    t_args(
        lang,
        "date-full",
        &[
            ("day", FluentValue::from(date.day())),
            ("month", FluentValue::from(date.month().to_string())),
            ("monthName", FluentValue::from(month_name)),
            ("year", FluentValue::from(date.year().to_string())),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_group_by_locale() {
        assert_eq!(format_number(Lang::En, 2_500_000.0, 0), "2,500,000");
        assert_eq!(format_number(Lang::Fr, 2_500_000.0, 0), "2\u{202f}500\u{202f}000");
        assert_eq!(format_number(Lang::Fr, 1234.5, 2), "1\u{202f}234,50");
        assert_eq!(format_number(Lang::Ko, 999.0, 0), "999");
        assert_eq!(format_number(Lang::En, -1000.0, 0), "-1,000");
    }

    #[test]
    fn money_follows_the_locale() {
        assert_eq!(format_money(Lang::En, 2500.0, "CAD"), "CA$2,500");
        assert_eq!(format_money(Lang::Fr, 2500.0, "CAD"), "2\u{202f}500\u{a0}$\u{a0}CA");
        assert_eq!(format_money(Lang::Ko, 2_500_000.0, "KRW"), "2,500,000원");
        assert_eq!(format_money(Lang::En, 10.0, "CHF"), "10 CHF");
    }

    #[test]
    fn dates_follow_the_locale() {
        let date = NaiveDate::from_ymd_opt(2028, 3, 1).unwrap_or_default();
        assert_eq!(format_date(Lang::En, date), "March 1, 2028");
        assert_eq!(format_date(Lang::Fr, date), "1er mars 2028");
        assert_eq!(format_date(Lang::Ko, date), "2028년 3월 1일");
    }
}

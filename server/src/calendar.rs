//! `GET /{lang}/openings/{id}/deadline.ics`: an opening's deadline as an iCalendar event
//! (RFC 5545), all day, named in the reader's language, for their own calendar.

use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use chrono::{Days, NaiveDate, Utc};

use crate::ServerError;
use crate::form::PageLang;
use crate::state::AppState;
use app::url::{opening_url, route};

pub fn routes() -> axum::Router<AppState> {
    axum::Router::new().route(route::OPENING_DEADLINE, axum::routing::get(deadline))
}

async fn deadline(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    Path((_, id)): Path<(String, String)>,
) -> Result<Response, ServerError> {
    let id = id.parse::<i64>().map_err(|_| ServerError::NotFound)?;
    let detail = state.catalog.opening(id, catalog::today()).await?.ok_or(ServerError::NotFound)?;
    let record = &detail.record;
    let (_, title) = model::lang::pick(&record.title, lang, record.original_language).unwrap_or((lang, ""));
    let summary = l10n::t_args(lang, "calendar-deadline-summary", &[("title", title.to_string().into())]);
    let url = opening_url(&state.public_url, lang, id);
    let host = state.public_url.split("://").nth(1).unwrap_or("passerelle").trim_end_matches('/');
    let body = event(&format!("opening-{id}-deadline@{host}"), record.deadline, &summary, &url);
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/calendar; charset=utf-8"));
    headers.insert(header::CONTENT_DISPOSITION, HeaderValue::from_static("attachment; filename=\"deadline.ics\""));
    Ok(response)
}

/// A calendar with one all-day event on `day`.
fn event(uid: &str, day: NaiveDate, summary: &str, url: &str) -> String {
    let next = day.checked_add_days(Days::new(1)).unwrap_or(day);
    let lines = [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//Passerelle//Deadlines//EN".to_string(),
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}", text(uid)),
        format!("DTSTAMP:{}", Utc::now().format("%Y%m%dT%H%M%SZ")),
        format!("DTSTART;VALUE=DATE:{}", day.format("%Y%m%d")),
        format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")),
        format!("SUMMARY:{}", text(summary)),
        format!("URL:{url}"),
        format!("DESCRIPTION:{}", text(url)),
        "END:VEVENT".to_string(),
        "END:VCALENDAR".to_string(),
    ];
    lines.iter().map(|line| fold(line)).collect::<Vec<_>>().join("")
}

/// A TEXT value: backslashes, semicolons, commas and newlines escaped.
fn text(value: &str) -> String {
    value.replace('\\', "\\\\").replace(';', "\\;").replace(',', "\\,").replace(['\r', '\n'], "\\n")
}

/// A content line folded at 75 octets (never inside a character), ending in CRLF.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_all_day_event_with_escaped_folded_text() {
        let day = NaiveDate::from_ymd_opt(2027, 1, 5).expect("date");
        let long = "마감: 한국어 대규모 언어 모델, 평가; 그리고 아주 긴 제목이 이어지는 공고의 이름입니다";
        let ics = event("opening-1-deadline@passerelle.example", day, long, "https://passerelle.example/ko/openings/1");
        assert!(ics.contains("DTSTART;VALUE=DATE:20270105\r\nDTEND;VALUE=DATE:20270106\r\n"));
        assert!(ics.lines().all(|line| line.len() <= 76), "{ics}");
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains("SUMMARY:마감: 한국어 대규모 언어 모델\\, 평가\\; 그리고"));
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
    }
}

//! An open opening described for search engines and aggregators: a schema.org `JobPosting` in
//! JSON-LD (what Google's job search and EURAXESS-style aggregators read), in the language the
//! page shows the opening in. Closed openings carry none.

use leptos::prelude::*;
use model::Lang;
use model::dto::OpeningDetail;
use model::vocab::{Kind, StipendPeriod};
use serde_json::{Value, json};

/// The `<script type="application/ld+json">` of an open opening shown in `lang`.
#[component]
pub fn JobPostingData(detail: OpeningDetail, lang: Lang) -> impl IntoView {
    (!detail.is_closed() && !detail.withdrawn).then(|| {
        let data = script_text(&job_posting(&detail, lang));
        view! { <script type="application/ld+json" inner_html=data></script> }
    })
}

/// JSON that can sit inside `<script>`: `<` only occurs in JSON strings, where `\u003c` reads
/// the same, so no `</script>` in a title can end the element.
fn script_text(value: &Value) -> String {
    value.to_string().replace('<', "\\u003c")
}

/// The `JobPosting` of `detail`, its title and description in `lang` (or the original language
/// when the institution did not write that one).
pub fn job_posting(detail: &OpeningDetail, lang: Lang) -> Value {
    let record = &detail.record;
    let text_lang = if record.title.contains_key(&lang) && detail.description_html.contains_key(&lang) {
        lang
    } else {
        record.original_language
    };
    let pick = |texts: &model::Texts| texts.get(&text_lang).or_else(|| texts.values().next()).cloned();
    let institution = &record.institution;
    let organisation = pick(&institution.name).unwrap_or_else(|| institution.slug.clone());
    let mut posting = json!({
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": pick(&record.title).unwrap_or_default(),
        "description": pick(&detail.description_html).unwrap_or_default(),
        "datePosted": detail.published_on.to_string(),
        "validThrough": format!("{}T23:59:59Z", record.deadline),
        "employmentType": employment_type(record.kind),
        "hiringOrganization": {
            "@type": "Organization",
            "name": organisation,
            "sameAs": format!("https://{}", institution.domain),
        },
        "jobLocation": {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": l10n::city_name(lang, &record.location.country, record.location.city_in(lang)),
                "addressCountry": record.location.country,
            },
        },
        "totalJobOpenings": record.positions,
        "directApply": record.apply_on_passerelle,
        "identifier": {
            "@type": "PropertyValue",
            "name": organisation,
            "value": record.external_id,
        },
    });
    if let Some(stipend) = &record.funding.stipend {
        let mut value = json!({ "@type": "QuantitativeValue", "value": stipend.amount });
        if let Some(unit) = unit_text(stipend.period) {
            value["unitText"] = json!(unit);
        }
        posting["baseSalary"] = json!({ "@type": "MonetaryAmount", "currency": stipend.currency, "value": value });
    }
    if let Some(start) = record.start_date {
        posting["jobStartDate"] = json!(start.to_string());
    }
    posting
}

/// schema.org's employment types: an internship is one; the research stays are temporary;
/// schools and joint projects are neither.
fn employment_type(kind: Kind) -> &'static str {
    match kind {
        Kind::Internship => "INTERN",
        Kind::VisitingResearcher | Kind::PhdExchange | Kind::Postdoc => "TEMPORARY",
        Kind::JointProject | Kind::SummerSchool => "OTHER",
    }
}

/// The period a stipend is paid per, as schema.org writes it; a lump sum has none.
fn unit_text(period: StipendPeriod) -> Option<&'static str> {
    match period {
        StipendPeriod::Month => Some("MONTH"),
        StipendPeriod::Year => Some("YEAR"),
        StipendPeriod::Week => Some("WEEK"),
        StipendPeriod::Day => Some("DAY"),
        StipendPeriod::Total => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detail() -> OpeningDetail {
        let record: model::record::OpeningRecord = serde_json::from_value(json!({
            "external_id": "kaist-1",
            "institution": {"slug": "kaist", "name": {"en": "KAIST", "ko": "카이스트"}, "country": "KR",
                            "city": "Daejeon", "domain": "kaist.ac.kr"},
            "kind": "internship", "career_stages": ["R1"], "fields": ["1.3"],
            "title": {"en": "Quantum optics </script><b>", "ko": "양자 광학"},
            "description": {"en": "About it.", "ko": "소개."},
            "original_language": "ko",
            "location": {"country": "KR", "city": "Daejeon"},
            "deadline": "2027-03-01",
            "funding": {"stipend": {"amount": 1500000.0, "currency": "KRW", "period": "month"}},
            "positions": 2
        }))
        .expect("record");
        OpeningDetail {
            id: 7,
            published_on: chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date"),
            days_left: 90,
            description_html: [(Lang::En, "<p>About it.</p>".into()), (Lang::Ko, "<p>소개.</p>".into())].into(),
            withdrawn: false,
            record,
        }
    }

    #[test]
    fn carries_what_job_search_engines_require() {
        let posting = job_posting(&detail(), Lang::Ko);
        assert_eq!(posting["@type"], "JobPosting");
        assert_eq!(posting["title"], "양자 광학");
        assert_eq!(posting["description"], "<p>소개.</p>");
        assert_eq!(posting["datePosted"], "2026-12-01");
        assert_eq!(posting["validThrough"], "2027-03-01T23:59:59Z");
        assert_eq!(posting["employmentType"], "INTERN");
        assert_eq!(posting["hiringOrganization"]["name"], "카이스트");
        assert_eq!(posting["hiringOrganization"]["sameAs"], "https://kaist.ac.kr");
        assert_eq!(posting["jobLocation"]["address"]["addressCountry"], "KR");
        assert_eq!(posting["totalJobOpenings"], 2);
        assert_eq!(posting["baseSalary"]["currency"], "KRW");
        assert_eq!(posting["baseSalary"]["value"]["unitText"], "MONTH");
        assert_eq!(posting["directApply"], false);
    }

    #[test]
    fn falls_back_to_the_original_language_and_cannot_end_its_script() {
        let mut detail = detail();
        detail.record.title.remove(&Lang::Ko);
        let posting = job_posting(&detail, Lang::Fr);
        assert_eq!(posting["title"], "Quantum optics </script><b>", "no French: the only title there is");
        let text = script_text(&posting);
        assert!(!text.contains("</script>") && !text.contains('<'));
        assert_eq!(serde_json::from_str::<Value>(&text).expect("still JSON"), posting);
    }
}

//! What a company admin's search box finds: an order by any word of the worker's names (in any of its
//! spellings: `Müller` is found by `muller` and `mueller`), by the email address or its local part, and by
//! the card number or its last digits. Terms are stored per order and matched by prefix, so a search is an
//! index range scan however many orders a company has.

use crate::identity_match::normalize_name;

/// Longest query word considered; longer words are cut (a prefix of them still narrows the search).
const MAX_WORD: usize = 64;

/// The stored terms of an order (lowercase, deduplicated).
pub fn order_terms(given_names: &str, surname: &str, email: &str, card_number: Option<&str>) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    for word in given_names.split_whitespace().chain(surname.split_whitespace()) {
        terms.extend(spellings(word));
        // Each part of a double-barrelled name finds it too.
        if word.contains('-') {
            word.split('-').for_each(|part| terms.extend(spellings(part)));
        }
    }
    let email = email.trim().to_lowercase();
    if let Some((local, _)) = email.split_once('@') {
        terms.push(local.to_owned());
    }
    terms.push(email);
    if let Some(number) = card_number {
        terms.extend(card_terms(number));
    }
    terms.retain(|t| !t.is_empty());
    terms.sort();
    terms.dedup();
    terms
}

/// A card number and every run of its last digits from four on (`7890`, `67890`, …), so typing the number or
/// its end finds it.
pub fn card_terms(number: &str) -> Vec<String> {
    let number = number.trim().to_lowercase();
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    let mut terms = vec![number];
    for start in 0..digits.len().saturating_sub(3) {
        terms.push(digits[start..].to_owned());
    }
    terms
}

/// A search query as words, each with the spellings it may be stored under; an order matches when every
/// word is a prefix of one of its terms. `None` for a blank query.
pub fn query_words(q: &str) -> Option<Vec<Vec<String>>> {
    let words: Vec<Vec<String>> = q
        .split_whitespace()
        .take(6)
        .map(|w| w.chars().take(MAX_WORD).collect::<String>())
        .map(|w| {
            let mut forms = spellings(&w);
            forms.push(w.to_lowercase());
            forms.sort();
            forms.dedup();
            forms.retain(|f| !f.is_empty());
            forms
        })
        .filter(|forms| !forms.is_empty())
        .collect();
    (!words.is_empty()).then_some(words)
}

fn spellings(word: &str) -> Vec<String> {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    let mut forms: Vec<String> = normalize_name(word).into_iter().map(|f| f.to_lowercase()).collect();
    forms.push(word.to_lowercase());
    forms.retain(|f| !f.is_empty());
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finds(terms: &[String], q: &str) -> bool {
        query_words(q).is_some_and(|words| words.iter().all(|forms| forms.iter().any(|f| terms.iter().any(|t| t.starts_with(f.as_str())))))
    }

    #[test]
    fn orders_are_found_by_names_email_and_card_digits() {
        let terms = order_terms("Jan Piotr", "Müller-Łukasiewicz", "J.Mueller@Example.com", Some("AB1234567890"));
        let cases = [
            ("jan", true),
            ("PIOTR", true),
            ("müller", true),
            ("muller", true),
            ("mueller", true),
            ("lukasiewicz", true),
            ("muller-lukas", true),
            ("j.mueller", true),
            ("j.mueller@example.com", true),
            ("example.com", false),
            ("7890", true),
            ("567890", true),
            ("ab1234", true),
            ("890", false),
            ("jan kowalski", false),
            ("jan muell", true),
            ("   ", false),
        ];
        for (q, found) in cases {
            assert_eq!(finds(&terms, q), found, "{q:?} in {terms:?}");
        }
    }

    #[test]
    fn queries_are_bounded() {
        assert_eq!(query_words("a b c d e f g h").map(|w| w.len()), Some(6));
        assert!(query_words(&"x".repeat(500)).unwrap()[0].iter().all(|f| f.chars().count() <= MAX_WORD * 2));
        assert_eq!(query_words(""), None);
    }
}

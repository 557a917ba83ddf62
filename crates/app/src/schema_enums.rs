//! Closed sets of values as OpenAPI enums, so generated clients can check them. The wire format stays a
//! string; the domain types are the source of truth (a test below keeps the two in step).

use utoipa::ToSchema;

#[derive(ToSchema)]
#[schema(rename_all = "snake_case", example = "confirmed")]
#[allow(dead_code)]
pub enum OrderStatusValue {
    AwaitingPhoto,
    AwaitingPhotoReview,
    PhotoRejected,
    AwaitingCardholder,
    NeedsCorrection,
    Confirmed,
    InProduction,
    Shipped,
    Delivered,
    Rejected,
    Cancelled,
    ProductionFailed,
}

/// An invited person has not yet set a password from the emailed link.
#[derive(ToSchema)]
#[schema(rename_all = "snake_case", example = "active")]
#[allow(dead_code)]
pub enum InvitationStatus {
    Invited,
    Active,
}

/// Where an outbox message is in delivery.
#[derive(ToSchema)]
#[schema(rename_all = "snake_case", example = "dead")]
#[allow(dead_code)]
pub enum OutboxStatusValue {
    Pending,
    Sending,
    Sent,
    Dead,
}

/// The statuses the production queue lists.
#[derive(ToSchema)]
#[schema(rename_all = "snake_case", example = "confirmed")]
#[allow(dead_code)]
pub enum ProductionQueueStatus {
    Confirmed,
    InProduction,
    Shipped,
}

#[derive(ToSchema)]
#[schema(rename_all = "snake_case", example = "active")]
#[allow(dead_code)]
pub enum CardStatusValue {
    Inactive,
    Active,
    Blocked,
    Terminated,
    Expired,
}

#[derive(ToSchema)]
#[schema(rename_all = "snake_case", example = "sms")]
#[allow(dead_code)]
pub enum SecondFactorMethod {
    Sms,
    Totp,
}

#[derive(ToSchema)]
#[schema(rename_all = "snake_case", example = "cardholder")]
#[allow(dead_code)]
pub enum RoleValue {
    Cardholder,
    CompanyAdmin,
    Verifier,
    Operator,
}

#[derive(ToSchema)]
#[schema(rename_all = "snake_case", example = "pl")]
#[allow(dead_code)]
pub enum LanguageValue {
    En,
    Sv,
    Pl,
    Lt,
    Lv,
    Et,
    Ro,
    Uk,
    De,
}

#[derive(ToSchema)]
#[schema(rename_all = "snake_case", example = "passport")]
#[allow(dead_code)]
pub enum DocumentTypeValue {
    Passport,
    NationalId,
}

#[derive(ToSchema)]
#[schema(rename_all = "snake_case", example = "web")]
#[allow(dead_code)]
pub enum ClientKind {
    Web,
    Native,
}

#[derive(ToSchema)]
#[schema(rename_all = "snake_case", example = "produced")]
#[allow(dead_code)]
pub enum ProductionEventType {
    Accepted,
    Produced,
    Shipped,
    Delivered,
    Failed,
}

#[derive(ToSchema)]
#[schema(rename_all = "snake_case", example = "approved")]
#[allow(dead_code)]
pub enum PhotoDecisionValue {
    Approved,
    Rejected,
}

#[derive(ToSchema)]
#[schema(rename_all = "snake_case", example = "valid")]
#[allow(dead_code)]
pub enum CardCheckStatus {
    Valid,
    NotValid,
}

#[derive(ToSchema)]
#[schema(rename_all = "snake_case", example = "blocked")]
#[allow(dead_code)]
pub enum CardCheckReason {
    Blocked,
    Terminated,
    Expired,
    NotActivated,
    Unknown,
}

#[derive(ToSchema)]
#[schema(rename_all = "snake_case", example = "sms")]
#[allow(dead_code)]
pub enum MessageChannel {
    Sms,
    Email,
    Webhook,
}

#[cfg(test)]
mod tests {
    use utoipa::PartialSchema;

    fn values<T: PartialSchema>() -> Vec<String> {
        let json = serde_json::to_value(T::schema()).unwrap();
        json["enum"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_owned()).collect()
    }

    #[test]
    fn documented_enums_match_the_domain() {
        let orders: Vec<String> = sitecard_domain::order_state::OrderStatus::ALL.iter().map(|s| s.as_str().to_owned()).collect();
        assert_eq!(values::<super::OrderStatusValue>(), orders);
        let cards: Vec<String> = sitecard_domain::card_state::CardStatus::ALL.iter().map(|s| s.as_str().to_owned()).collect();
        assert_eq!(values::<super::CardStatusValue>(), cards);
        let langs: Vec<String> = sitecard_domain::Language::ALL.iter().map(|l| l.as_str().to_owned()).collect();
        assert_eq!(values::<super::LanguageValue>(), langs);
    }
}

//! Typed ids: an order's id cannot be passed where a company's is expected. Each is a UUID (v7 for new rows)
//! and is stored, serialised and printed exactly as one, so nothing on disk or on the wire changes.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            pub fn as_uuid(&self) -> Uuid {
                self.0
            }
        }

        impl From<Uuid> for $name {
            fn from(id: Uuid) -> Self {
                Self(id)
            }
        }

        impl From<$name> for Uuid {
            fn from(id: $name) -> Self {
                id.0
            }
        }

        // Comparing with a plain UUID (a row's foreign key) needs no conversion either way.
        impl PartialEq<Uuid> for $name {
            fn eq(&self, other: &Uuid) -> bool {
                self.0 == *other
            }
        }

        impl PartialEq<$name> for Uuid {
            fn eq(&self, other: &$name) -> bool {
                *self == other.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        // Query filters take a typed id as they take its UUID (`Column::Id.eq(order_id)`).
        #[cfg(feature = "sea-orm")]
        impl From<$name> for sea_orm::Value {
            fn from(id: $name) -> Self {
                sea_orm::Value::Uuid(Some(id.0))
            }
        }

        #[cfg(feature = "sea-orm")]
        impl sea_orm::sea_query::Nullable for $name {
            fn null() -> sea_orm::Value {
                sea_orm::Value::Uuid(None)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::from_str(s).map(Self)
            }
        }
    };
}

typed_id!(
    /// A card order (`card_orders.id`).
    OrderId
);
typed_id!(
    /// A produced card (`cards.id`).
    CardId
);
typed_id!(
    /// A person's account: worker, company administrator, verifier or operator (`accounts.id`).
    AccountId
);
typed_id!(
    /// A company that orders cards (`companies.id`).
    CompanyId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_id_reads_writes_and_prints_as_its_uuid() {
        let raw = "01a22242-4c60-719a-a092-42ce5320dff0";
        let uuid = Uuid::parse_str(raw).unwrap();
        let cases: [(&str, String, String); 4] = [
            ("order", OrderId(uuid).to_string(), serde_json::to_string(&OrderId(uuid)).unwrap()),
            ("card", CardId(uuid).to_string(), serde_json::to_string(&CardId(uuid)).unwrap()),
            ("account", AccountId(uuid).to_string(), serde_json::to_string(&AccountId(uuid)).unwrap()),
            ("company", CompanyId(uuid).to_string(), serde_json::to_string(&CompanyId(uuid)).unwrap()),
        ];
        for (what, shown, json) in cases {
            assert_eq!(shown, raw, "{what}");
            assert_eq!(json, format!("\"{raw}\""), "{what}");
        }
        assert_eq!(raw.parse::<OrderId>().unwrap(), OrderId(uuid));
        assert_eq!(serde_json::from_str::<CompanyId>(&format!("\"{raw}\"")).unwrap(), CompanyId(uuid));
        assert!("not-a-uuid".parse::<CardId>().is_err());
        assert_eq!(Uuid::from(AccountId::from(uuid)), uuid);
    }
}

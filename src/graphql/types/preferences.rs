use async_graphql::{InputObject, SimpleObject};

use crate::services::notifications::EmailKind;

/// One kind of notification email and whether the caller receives it.
#[derive(SimpleObject, InputObject)]
#[graphql(input_name = "NotificationPreferenceInput")]
pub struct NotificationPreference {
    pub kind: EmailKind,
    pub enabled: bool,
}

pub fn preferences(settings: Vec<(EmailKind, bool)>) -> Vec<NotificationPreference> {
    settings
        .into_iter()
        .map(|(kind, enabled)| NotificationPreference { kind, enabled })
        .collect()
}

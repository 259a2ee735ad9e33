// @generated automatically by Diesel CLI.

diesel::table! {
    app_settings (key) {
        key -> Text,
        value -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    api_tokens (session_id) {
        session_id -> Uuid,
        name -> Text,
        scope -> Text,
        token_hash -> Bytea,
        prefix -> Text,
        last_used_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    auth_sessions (id) {
        id -> Uuid,
        user_id -> Uuid,
        created_at -> Timestamptz,
        expires_at -> Timestamptz,
        revoked_at -> Nullable<Timestamptz>,
        revoked_reason -> Nullable<Text>,
    }
}

diesel::table! {
    categories (id) {
        id -> Uuid,
        slug -> Text,
        name -> Text,
        active -> Bool,
        created_at -> Timestamptz,
        default_skills -> Array<Text>,
    }
}

diesel::table! {
    use diesel::sql_types::*;

    email_deliveries (message_id) {
        message_id -> Text,
        kind -> Text,
        ticket_id -> Nullable<Uuid>,
        recipient -> Citext,
        subject -> Text,
        transport -> Text,
        sent_at -> Timestamptz,
    }
}

diesel::table! {
    ticket_conversations (ticket_id) {
        ticket_id -> Uuid,
        conversation_ref -> Nullable<Text>,
        transcript -> Jsonb,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    ticket_ratings (ticket_id, resolved_at) {
        ticket_id -> Uuid,
        resolved_at -> Timestamptz,
        score -> Int2,
        comment -> Nullable<Text>,
        rated_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    ticket_triage (ticket_id) {
        ticket_id -> Uuid,
        provider -> Text,
        model -> Text,
        confidence -> Float4,
        suggested_category_id -> Nullable<Uuid>,
        suggested_priority -> Text,
        analyzed_at -> Timestamptz,
        language -> Nullable<Text>,
    }
}

diesel::table! {
    audit_log (id) {
        id -> Int8,
        actor_id -> Nullable<Uuid>,
        action -> Text,
        target -> Nullable<Text>,
        details -> Jsonb,
        request_id -> Nullable<Text>,
        occurred_at -> Timestamptz,
    }
}

diesel::table! {
    login_failures (bucket) {
        bucket -> Text,
        failures -> Int4,
        last_failure_at -> Timestamptz,
    }
}

diesel::table! {
    rate_limit_counters (bucket, window_start) {
        bucket -> Text,
        window_start -> Timestamptz,
        hits -> Int4,
    }
}

diesel::table! {
    refresh_tokens (token_hash) {
        token_hash -> Bytea,
        session_id -> Uuid,
        created_at -> Timestamptz,
        used_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    ticket_counters (year) {
        year -> Int4,
        last_value -> Int4,
    }
}

diesel::table! {
    ticket_duplicates (ticket_id, duplicate_of_id) {
        ticket_id -> Uuid,
        duplicate_of_id -> Uuid,
        score -> Float4,
        reason -> Text,
        found_at -> Timestamptz,
    }
}

diesel::table! {
    ticket_events (id) {
        id -> Int8,
        ticket_id -> Uuid,
        kind -> Text,
        from_value -> Nullable<Text>,
        to_value -> Nullable<Text>,
        actor_id -> Nullable<Uuid>,
        occurred_at -> Timestamptz,
        internal -> Bool,
        position -> Nullable<Int8>,
        changes -> Nullable<Jsonb>,
    }
}

diesel::table! {
    use diesel::sql_types::*;

    tickets (id) {
        id -> Uuid,
        number -> Text,
        title -> Text,
        description -> Text,
        status -> Text,
        priority -> Text,
        priority_rank -> Int2,
        category_id -> Uuid,
        source -> Text,
        requester_id -> Nullable<Uuid>,
        requester_name -> Text,
        requester_email -> Citext,
        created_by_id -> Nullable<Uuid>,
        assignee_id -> Nullable<Uuid>,
        summary -> Nullable<Text>,
        helpful_notes -> Nullable<Text>,
        related_skills -> Array<Text>,
        page_url -> Nullable<Text>,
        browser_info -> Nullable<Text>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        first_response_at -> Nullable<Timestamptz>,
        resolved_at -> Nullable<Timestamptz>,
        closed_at -> Nullable<Timestamptz>,
        deleted_at -> Nullable<Timestamptz>,
        deleted_by_id -> Nullable<Uuid>,
        version -> Int4,
        priority_source -> Text,
        assignment_reason -> Nullable<Jsonb>,
        sla_due_at -> Nullable<Timestamptz>,
        sla_due_rank -> Timestamptz,
        merged_into_id -> Nullable<Uuid>,
    }
}

diesel::table! {
    macros (id) {
        id -> Uuid,
        owner_id -> Uuid,
        name -> Text,
        body -> Text,
        set_status -> Nullable<Text>,
        set_priority -> Nullable<Text>,
        add_tags -> Array<Text>,
        assign_to_me -> Bool,
        shared -> Bool,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    saved_views (id) {
        id -> Uuid,
        owner_id -> Uuid,
        name -> Text,
        filter -> Jsonb,
        order_field -> Text,
        order_direction -> Text,
        shared -> Bool,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    ticket_tags (ticket_id, tag) {
        ticket_id -> Uuid,
        tag -> Text,
        added_by -> Nullable<Uuid>,
        added_at -> Timestamptz,
    }
}

diesel::table! {
    business_calendars (id) {
        id -> Uuid,
        name -> Text,
        time_zone -> Text,
        opening_hours -> Jsonb,
        holidays -> Array<Date>,
        is_default -> Bool,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    sla_policies (id) {
        id -> Uuid,
        name -> Text,
        priority -> Text,
        category_id -> Nullable<Uuid>,
        first_response_minutes -> Nullable<Int4>,
        resolution_minutes -> Nullable<Int4>,
        calendar_id -> Nullable<Uuid>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    ticket_sla_clocks (ticket_id, metric) {
        ticket_id -> Uuid,
        metric -> Text,
        policy_id -> Nullable<Uuid>,
        target_minutes -> Nullable<Int4>,
        consumed_secs -> Int8,
        running_since -> Nullable<Timestamptz>,
        warn_at -> Nullable<Timestamptz>,
        due_at -> Nullable<Timestamptz>,
        stopped_at -> Nullable<Timestamptz>,
        warned_at -> Nullable<Timestamptz>,
        breached_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    use diesel::sql_types::*;

    users (id) {
        id -> Uuid,
        email -> Citext,
        name -> Text,
        password_hash -> Nullable<Text>,
        role -> Text,
        skills -> Array<Text>,
        active -> Bool,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        last_assigned_at -> Nullable<Timestamptz>,
        email_verified_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    ticket_messages (id) {
        id -> Uuid,
        ticket_id -> Uuid,
        author_id -> Nullable<Uuid>,
        author_role -> Text,
        author_name -> Text,
        internal -> Bool,
        body -> Text,
        body_html -> Text,
        created_at -> Timestamptz,
        merged_from -> Nullable<Text>,
    }
}

diesel::table! {
    attachments (id) {
        id -> Uuid,
        ticket_id -> Uuid,
        message_id -> Nullable<Uuid>,
        kind -> Text,
        internal -> Bool,
        file_name -> Text,
        content_type -> Text,
        size_bytes -> Int8,
        sha256 -> Bytea,
        storage_key -> Text,
        uploaded_by_id -> Nullable<Uuid>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    guest_access_tokens (token_hash) {
        token_hash -> Bytea,
        ticket_id -> Uuid,
        created_at -> Timestamptz,
        last_used_at -> Nullable<Timestamptz>,
        revoked_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    use diesel::sql_types::*;

    email_preferences (email, kind) {
        email -> Citext,
        kind -> Text,
        enabled -> Bool,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    use diesel::sql_types::*;

    email_verifications (token_hash) {
        token_hash -> Bytea,
        user_id -> Uuid,
        email -> Citext,
        created_at -> Timestamptz,
        expires_at -> Timestamptz,
        used_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    help_articles (id) {
        id -> Uuid,
        slug -> Text,
        title -> Text,
        body -> Text,
        body_html -> Text,
        tags -> Array<Text>,
        published -> Bool,
        created_by_id -> Nullable<Uuid>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    ticket_articles (ticket_id, article_id) {
        ticket_id -> Uuid,
        article_id -> Uuid,
        linked_by_id -> Nullable<Uuid>,
        created_at -> Timestamptz,
    }
}

diesel::joinable!(api_tokens -> auth_sessions (session_id));
diesel::joinable!(auth_sessions -> users (user_id));
diesel::joinable!(refresh_tokens -> auth_sessions (session_id));
diesel::table! {
    webhook_endpoints (id) {
        id -> Uuid,
        url -> Text,
        description -> Text,
        event_types -> Array<Text>,
        include_internal_notes -> Bool,
        active -> Bool,
        secret -> Text,
        previous_secret -> Nullable<Text>,
        previous_secret_expires_at -> Nullable<Timestamptz>,
        consecutive_failures -> Int4,
        disabled_at -> Nullable<Timestamptz>,
        disabled_reason -> Nullable<Text>,
        created_by -> Nullable<Uuid>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    webhook_deliveries (id) {
        id -> Uuid,
        endpoint_id -> Uuid,
        event_id -> Int8,
        ticket_id -> Uuid,
        event_type -> Text,
        state -> Text,
        attempts -> Int4,
        next_attempt_at -> Timestamptz,
        body -> Nullable<Text>,
        created_at -> Timestamptz,
        delivered_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    webhook_attempts (id) {
        id -> Int8,
        delivery_id -> Uuid,
        attempted_at -> Timestamptz,
        status_code -> Nullable<Int4>,
        latency_ms -> Int4,
        response_snippet -> Text,
        error -> Nullable<Text>,
    }
}

diesel::table! {
    triage_corrections (id) {
        id -> Int8,
        ticket_id -> Uuid,
        title -> Text,
        description -> Text,
        category -> Nullable<Text>,
        priority -> Nullable<Text>,
        corrected_by -> Nullable<Uuid>,
        corrected_at -> Timestamptz,
        skills -> Nullable<Array<Text>>,
    }
}

diesel::table! {
    triage_models (version) {
        version -> Int4,
        corrections_through -> Int8,
        examples -> Int4,
        corrections -> Int4,
        category_accuracy -> Float8,
        priority_exact -> Float8,
        priority_within_one -> Float8,
        skills_precision -> Float8,
        skills_recall -> Float8,
        score -> Float8,
        active -> Bool,
        trained_at -> Timestamptz,
    }
}

diesel::joinable!(ticket_events -> tickets (ticket_id));
diesel::joinable!(ticket_tags -> tickets (ticket_id));
diesel::joinable!(tickets -> categories (category_id));
diesel::joinable!(ticket_triage -> tickets (ticket_id));
diesel::joinable!(ticket_ratings -> tickets (ticket_id));
diesel::joinable!(ticket_conversations -> tickets (ticket_id));
diesel::joinable!(ticket_messages -> tickets (ticket_id));
diesel::joinable!(attachments -> tickets (ticket_id));
diesel::joinable!(guest_access_tokens -> tickets (ticket_id));
diesel::joinable!(ticket_articles -> help_articles (article_id));
diesel::joinable!(ticket_articles -> tickets (ticket_id));
diesel::joinable!(ticket_sla_clocks -> tickets (ticket_id));
diesel::joinable!(sla_policies -> business_calendars (calendar_id));
diesel::joinable!(sla_policies -> categories (category_id));
diesel::joinable!(webhook_deliveries -> webhook_endpoints (endpoint_id));
diesel::joinable!(webhook_attempts -> webhook_deliveries (delivery_id));

diesel::allow_tables_to_appear_in_same_query!(
    api_tokens,
    app_settings,
    attachments,
    audit_log,
    auth_sessions,
    business_calendars,
    categories,
    email_deliveries,
    email_preferences,
    email_verifications,
    guest_access_tokens,
    help_articles,
    login_failures,
    rate_limit_counters,
    refresh_tokens,
    sla_policies,
    ticket_articles,
    ticket_conversations,
    ticket_counters,
    ticket_duplicates,
    ticket_events,
    ticket_messages,
    ticket_ratings,
    ticket_sla_clocks,
    ticket_triage,
    tickets,
    macros,
    saved_views,
    ticket_tags,
    triage_corrections,
    triage_models,
    users,
    webhook_attempts,
    webhook_deliveries,
    webhook_endpoints,
);

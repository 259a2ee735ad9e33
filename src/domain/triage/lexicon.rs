//! The builtin analyzer's word lists. Phrases are matched as whole words, case-insensitively.

/// Phrases that signal urgency, with their weight. Negated phrases come with negative weight.
pub const URGENCY_CUES: &[(&str, i32)] = &[
    ("urgent", 3),
    ("urgently", 3),
    ("asap", 2),
    ("emergency", 3),
    ("immediately", 2),
    ("critical", 2),
    ("outage", 3),
    ("is down", 3),
    ("are down", 3),
    ("went down", 3),
    ("production", 1),
    ("data loss", 4),
    ("lost data", 4),
    ("lost all", 3),
    ("deleted all", 3),
    ("security", 2),
    ("breach", 4),
    ("hacked", 4),
    ("compromised", 4),
    ("vulnerability", 3),
    ("payment failed", 3),
    ("payments failing", 3),
    ("charged twice", 2),
    ("double charged", 2),
    ("can't log in", 2),
    ("cannot log in", 2),
    ("can't login", 2),
    ("cannot login", 2),
    ("unable to log in", 2),
    ("unable to login", 2),
    ("locked out", 2),
    ("all users", 2),
    ("all our users", 2),
    ("everyone", 1),
    ("not working", 1),
    ("blocked", 1),
    ("not urgent", -5),
    ("no rush", -3),
    ("whenever you can", -2),
    ("low priority", -3),
    ("feature request", -1),
    ("would be nice", -2),
    ("just wondering", -2),
    ("suggestion", -1),
];

/// Weighted keywords per category slug, in tie-break order.
pub const CATEGORY_KEYWORDS: &[(&str, &[(&str, i32)])] = &[
    (
        "billing",
        &[
            ("invoice", 3),
            ("invoices", 3),
            ("payment", 3),
            ("payments", 3),
            ("refund", 3),
            ("billing", 3),
            ("billed", 3),
            ("charged", 2),
            ("charge", 2),
            ("subscription", 2),
            ("credit card", 3),
            ("receipt", 2),
            ("pricing", 2),
            ("plan", 1),
        ],
    ),
    (
        "account",
        &[
            ("account", 2),
            ("password", 3),
            ("log in", 2),
            ("login", 2),
            ("sign in", 2),
            ("username", 2),
            ("profile", 1),
            ("2fa", 2),
            ("two factor", 2),
            ("locked out", 3),
            ("email address", 1),
        ],
    ),
    (
        "bug",
        &[
            ("bug", 3),
            ("error", 2),
            ("crash", 3),
            ("crashes", 3),
            ("crashed", 3),
            ("broken", 2),
            ("exception", 3),
            ("not working", 2),
            ("doesn't work", 2),
            ("stack trace", 3),
            ("500", 2),
            ("404", 2),
            ("blank page", 2),
            ("glitch", 2),
        ],
    ),
    (
        "feature",
        &[
            ("feature", 3),
            ("feature request", 4),
            ("suggestion", 2),
            ("would be nice", 3),
            ("could you add", 3),
            ("please add", 3),
            ("enhancement", 3),
            ("support for", 1),
        ],
    ),
    (
        "technical",
        &[
            ("api", 2),
            ("integration", 2),
            ("server", 1),
            ("database", 2),
            ("configuration", 2),
            ("configure", 2),
            ("install", 2),
            ("setup", 1),
            ("sdk", 2),
            ("webhook", 2),
            ("performance", 2),
            ("slow", 1),
            ("timeout", 2),
            ("outage", 2),
        ],
    ),
    (
        "question",
        &[
            ("how do i", 3),
            ("how can i", 3),
            ("how to", 2),
            ("question", 2),
            ("where can i", 2),
            ("is it possible", 2),
            ("what is", 1),
            ("wondering", 1),
        ],
    ),
];

/// Checklist lines per category slug.
pub const CATEGORY_NOTES: &[(&str, &[&str])] = &[
    (
        "billing",
        &[
            "Confirm the invoice or transaction id and the amount charged.",
            "Check the payment provider's records before promising a refund.",
        ],
    ),
    (
        "account",
        &[
            "Verify the requester's identity before changing account details.",
            "Check recent sign-in attempts and whether the account is locked.",
        ],
    ),
    (
        "bug",
        &[
            "Ask for exact steps to reproduce, the expected and actual result, and any error message.",
            "Note the browser or app version and when it happened.",
        ],
    ),
    (
        "feature",
        &["Record the use case behind the request and link duplicates to the existing request."],
    ),
    (
        "technical",
        &["Collect environment details (version, OS, configuration) and relevant logs."],
    ),
    (
        "question",
        &["Check the help articles for an existing answer before writing a new one."],
    ),
];

/// Checklist lines per canonical skill.
pub const SKILL_NOTES: &[(&str, &str)] = &[
    (
        "ui",
        "Ask for a screenshot and the browser version; try a hard refresh or a private window.",
    ),
    (
        "database",
        "Check recent migrations and slow-query logs; take a backup before any manual write.",
    ),
    (
        "authentication",
        "Check whether SSO or 2FA is involved and whether the reset email was delivered.",
    ),
    (
        "billing",
        "Look up the customer's subscription and recent charges in the billing system.",
    ),
    (
        "networking",
        "Ask for the URL, the time and the exact error; check DNS and certificate validity.",
    ),
    (
        "security",
        "Treat as sensitive: never ask for secrets in the thread; involve the security lead.",
    ),
    (
        "api",
        "Ask for the request id, endpoint and response body; check rate limits and API status.",
    ),
    (
        "mobile",
        "Ask for the device model, OS version and app version.",
    ),
    ("email", "Check spam folders and the mail logs for bounces."),
    (
        "infrastructure",
        "Check the status page and monitoring for an ongoing incident.",
    ),
    (
        "performance",
        "Ask when it started and what is affected; check recent deploys and load.",
    ),
];

pub const URGENT_NOTE: &str = "High urgency: acknowledge quickly and keep the requester updated.";

/// Words that carry no information for summaries.
pub const STOPWORDS: &[&str] = &[
    "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at",
    "be", "been", "before", "being", "but", "by", "can", "could", "did", "do", "does", "for",
    "from", "had", "has", "have", "hello", "hi", "how", "i", "if", "in", "into", "is", "it", "its",
    "just", "me", "my", "of", "on", "or", "our", "please", "so", "some", "that", "the", "their",
    "them", "then", "there", "this", "to", "thanks", "thank", "us", "was", "we", "were", "what",
    "when", "which", "will", "with", "would", "you", "your",
];

//! The one part of async-graphql's validation that looks past the document: whether the
//! request's variable values suit the types they are used at (`ArgumentsOfCorrectType`).
//! Every other rule judges the text against the schema alone, so a text that passed them
//! all once passes them again; for such a text, checking the variables here is what is
//! left. Only the plain scalars are judged, and only where the answer is certain; anything
//! else (enums, input objects, lists, custom scalars, negative integers) is left to the full
//! validation, which then runs as before and says what is wrong.

use async_graphql::Variables;
use async_graphql::parser::types::{BaseType, DocumentOperations, ExecutableDocument, Type};
use async_graphql_value::ConstValue;

/// Whether every variable the selected operation defines is absent (the executor reports a
/// missing one either way) or holds a value its declared type certainly accepts. A variable
/// may only appear where its type fits (`VariablesInAllowedPosition`, a rule of the text), so
/// a value its declared type accepts is one the argument accepts.
pub fn certainly_fit(
    document: &ExecutableDocument,
    operation_name: Option<&str>,
    variables: &Variables,
) -> bool {
    let operation = match (&document.operations, operation_name) {
        (DocumentOperations::Single(operation), None) => operation,
        (DocumentOperations::Multiple(operations), Some(name)) => match operations.get(name) {
            Some(operation) => operation,
            None => return false,
        },
        (DocumentOperations::Multiple(operations), None) if operations.len() == 1 => {
            match operations.values().next() {
                Some(operation) => operation,
                None => return false,
            }
        }
        _ => return false,
    };
    operation
        .node
        .variable_definitions
        .iter()
        .all(|definition| {
            let definition = &definition.node;
            match variables.get(&definition.name.node) {
                None => true,
                // A default makes a nullable variable usable where null is not allowed.
                Some(ConstValue::Null) => {
                    definition.var_type.node.nullable && definition.default_value.is_none()
                }
                Some(value) => plain_scalar_accepts(&definition.var_type.node, value),
            }
        })
}

fn plain_scalar_accepts(ty: &Type, value: &ConstValue) -> bool {
    let BaseType::Named(name) = &ty.base else {
        return false;
    };
    match (name.as_str(), value) {
        ("String", ConstValue::String(_)) | ("Boolean", ConstValue::Boolean(_)) => true,
        ("ID", ConstValue::String(_)) => true,
        ("ID", ConstValue::Number(n)) => n.is_i64(),
        ("Float", ConstValue::Number(_)) => true,
        // Int may be any integer Rust type; a non-negative i64 suits every one of them.
        ("Int", ConstValue::Number(n)) => n.as_i64().is_some_and(|n| n >= 0),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use async_graphql::parser::parse_query;
    use serde_json::json;

    use super::*;

    const DOCUMENT: &str = r#"query Q($id: ID!, $first: Int, $text: String = "x", $flag: Boolean,
        $ratio: Float, $status: TicketStatus, $ids: [ID!]) { __typename }"#;

    fn fit(variables: serde_json::Value) -> bool {
        let document = parse_query(DOCUMENT).expect("parses");
        certainly_fit(&document, None, &Variables::from_json(variables))
    }

    #[test]
    fn plain_scalars_of_the_right_kind_fit() {
        assert!(fit(json!({})));
        assert!(fit(
            json!({ "id": "abc", "first": 5, "text": "hi", "flag": true, "ratio": 0.5 })
        ));
        assert!(fit(json!({ "id": 7, "first": null, "flag": null })));
    }

    #[test]
    fn anything_uncertain_is_left_to_full_validation() {
        for variables in [
            json!({ "id": null }),
            json!({ "id": true }),
            json!({ "id": 1.5 }),
            json!({ "first": "5" }),
            json!({ "first": -1 }),
            json!({ "first": 2.5 }),
            json!({ "text": 3 }),
            json!({ "text": null }),
            json!({ "flag": "true" }),
            json!({ "ratio": "0.5" }),
            json!({ "status": "OPEN" }),
            json!({ "ids": ["a"] }),
        ] {
            assert!(!fit(variables.clone()), "{variables}");
        }
    }

    #[test]
    fn the_operation_must_be_the_one_that_runs() {
        let document = parse_query("query A($x: Int) { a: __typename } query B { b: __typename }")
            .expect("parses");
        let bad = Variables::from_json(json!({ "x": "no" }));
        assert!(!certainly_fit(&document, Some("A"), &bad));
        assert!(certainly_fit(&document, Some("B"), &bad));
        assert!(!certainly_fit(&document, None, &bad));
        assert!(!certainly_fit(&document, Some("C"), &bad));
    }
}

//! The one part of async-graphql's validation that looks past the document: whether the
//! request's variable values suit the types they are used at (`ArgumentsOfCorrectType`).
//! Every other rule judges the text against the schema alone, so a text that passed them
//! all once passes them again; for such a text, checking the variables here is what is
//! left. Only the plain scalars are judged, and only where the answer is certain; anything
//! else (enums, input objects, lists, custom scalars, negative integers) is left to the full
//! validation, which then runs as before and says what is wrong.

use async_graphql::Variables;
use async_graphql::parser::types::{BaseType, OperationDefinition, Type};
use async_graphql_value::ConstValue;

/// Whether every variable `operation` defines is absent (the executor reports a missing one
/// either way) or holds a value its declared type certainly accepts. A variable may only
/// appear where its type fits (`VariablesInAllowedPosition`, a rule of the text), so a value
/// its declared type accepts is one the argument accepts.
pub fn certainly_fit(operation: &OperationDefinition, variables: &Variables) -> bool {
    operation.variable_definitions.iter().all(|definition| {
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
        let (_, operation) = document.operations.iter().next().expect("one operation");
        certainly_fit(&operation.node, &Variables::from_json(variables))
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
    fn only_the_operation_that_runs_has_its_variables_judged() {
        let document = parse_query("query A($x: Int) { a: __typename } query B { b: __typename }")
            .expect("parses");
        let bad = Variables::from_json(json!({ "x": "no" }));
        let operation = |name: &str| {
            document
                .operations
                .iter()
                .find(|(n, _)| n.is_some_and(|n| n.as_str() == name))
                .map(|(_, operation)| &operation.node)
                .expect("defined")
        };
        assert!(!certainly_fit(operation("A"), &bad));
        assert!(certainly_fit(operation("B"), &bad));
    }
}

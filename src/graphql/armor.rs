//! Refuses hostile documents before they cost anything: bracket nesting is bounded before the
//! parser (which recurses) sees the text, and after parsing the document's size, depth and
//! strings are checked before validation (whose fragment walks are exponential in spreads).
//! Documents that pass are remembered by their text ([`DocumentCache`]).

use std::collections::{HashMap, HashSet};

use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};
use async_graphql::{Name, ServerError, ServerResult, Variables};
use async_graphql_value::{ConstValue, Value};

use crate::graphql::document_cache::{DocumentCache, Validated};
use crate::graphql::error::{code, coded_error};

/// Deepest bracket (`{`, `[`, `(`) nesting in the query text. Far above what any real query
/// (the standard introspection query included) needs, far below what overflows a stack.
pub const MAX_NESTING: usize = 64;
/// Most fields a document may select once its fragments are expanded.
pub const MAX_FIELDS: u64 = 2_000;
/// Deepest field selection, fragments expanded; introspection (`__schema`, `__type`) exempt.
pub const MAX_DEPTH: usize = 10;
/// Deepest nesting of selection sets and fragments of any kind, introspection included: what
/// bounds the recursion of validation and execution.
pub const MAX_RECURSION: usize = 32;

/// The document gate of one face of the schema; `introspection: false` also refuses
/// `__schema` and `__type` with a clear error.
#[derive(Clone)]
pub struct Armor {
    pub introspection: bool,
    pub documents: DocumentCache,
}

/// A document that passed the armor, with its text's validation mark when the text is
/// cached.
pub struct Admitted {
    pub document: ExecutableDocument,
    pub validated: Option<Validated>,
}

impl Armor {
    /// The request's document, parsed and checked (or remembered from an earlier request
    /// with the same text).
    pub fn document(&self, query: &str, variables: &Variables) -> ServerResult<Admitted> {
        if variables.values().any(const_has_nul) {
            return Err(nul_error());
        }
        if let Some((document, validated)) = self.documents.get(query) {
            return Ok(Admitted {
                document,
                validated: Some(validated),
            });
        }
        check_nesting(query)?;
        let document = async_graphql::parser::parse_query(query).map_err(ServerError::from)?;
        check_document(&document, self.introspection)?;
        let validated = self.documents.insert(query, &document);
        Ok(Admitted {
            document,
            validated,
        })
    }
}

fn nul_error() -> ServerError {
    coded_error(
        code::BAD_USER_INPUT,
        "strings may not contain NUL characters",
    )
}

/// Scans the text as the GraphQL lexer would (strings, block strings, comments) and refuses
/// it once brackets nest deeper than [`MAX_NESTING`].
pub fn check_nesting(query: &str) -> ServerResult<()> {
    let bytes = query.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
                    i += 1;
                }
            }
            b'"' if bytes[i..].starts_with(b"\"\"\"") => {
                i += 3;
                while i < bytes.len() && !bytes[i..].starts_with(b"\"\"\"") {
                    i += if bytes[i..].starts_with(b"\\\"\"\"") {
                        4
                    } else {
                        1
                    };
                }
                i += 2;
            }
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' && bytes[i] != b'\n' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'{' | b'[' | b'(' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(coded_error(
                        code::GRAPHQL_VALIDATION_FAILED,
                        format!("the query nests brackets deeper than {MAX_NESTING} levels"),
                    ));
                }
            }
            b'}' | b']' | b')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

fn check_document(document: &ExecutableDocument, introspection: bool) -> ServerResult<()> {
    let mut walker = Walker {
        document,
        introspection,
        fragments: HashMap::new(),
        visiting: HashSet::new(),
    };
    for (_, operation) in document.operations.iter() {
        let operation = &operation.node;
        if operation
            .variable_definitions
            .iter()
            .filter_map(|definition| definition.node.default_value.as_ref())
            .any(|value| const_has_nul(&value.node))
        {
            return Err(nul_error());
        }
        let cost = walker.selection_set(&operation.selection_set.node)?;
        if cost.fields > MAX_FIELDS {
            return Err(coded_error(
                code::GRAPHQL_VALIDATION_FAILED,
                format!(
                    "the query selects more than {MAX_FIELDS} fields once fragments are expanded"
                ),
            ));
        }
        if cost.recursion > MAX_RECURSION {
            return Err(coded_error(
                code::GRAPHQL_VALIDATION_FAILED,
                format!(
                    "the query nests selections and fragments deeper than {MAX_RECURSION} levels"
                ),
            ));
        }
        if cost.depth > MAX_DEPTH {
            return Err(coded_error(
                code::GRAPHQL_VALIDATION_FAILED,
                format!("the query is nested too deep (more than {MAX_DEPTH} levels)"),
            ));
        }
    }
    Ok(())
}

#[derive(Debug, Clone, Copy, Default)]
struct Cost {
    fields: u64,
    depth: usize,
    recursion: usize,
}

/// Costs a document with every fragment costed once (memoized), so a fan-out of spreads is
/// measured in linear time.
struct Walker<'a> {
    document: &'a ExecutableDocument,
    introspection: bool,
    fragments: HashMap<&'a Name, Cost>,
    visiting: HashSet<&'a Name>,
}

impl<'a> Walker<'a> {
    fn selection_set(&mut self, set: &'a SelectionSet) -> ServerResult<Cost> {
        let mut total = Cost::default();
        for selection in &set.items {
            let cost = match &selection.node {
                Selection::Field(field) => {
                    let field = &field.node;
                    if field
                        .arguments
                        .iter()
                        .any(|(_, value)| value_has_nul(&value.node))
                        || field
                            .directives
                            .iter()
                            .flat_map(|d| d.node.arguments.iter())
                            .any(|(_, value)| value_has_nul(&value.node))
                    {
                        return Err(nul_error());
                    }
                    let name = field.name.node.as_str();
                    if !self.introspection && (name == "__schema" || name == "__type") {
                        return Err(coded_error(
                            code::GRAPHQL_VALIDATION_FAILED,
                            "introspection is disabled",
                        ));
                    }
                    let child = self.selection_set(&field.selection_set.node)?;
                    Cost {
                        fields: 1 + child.fields,
                        depth: if name.starts_with("__") {
                            0
                        } else {
                            1 + child.depth
                        },
                        recursion: 1 + child.recursion,
                    }
                }
                Selection::InlineFragment(fragment) => {
                    let inner = self.selection_set(&fragment.node.selection_set.node)?;
                    Cost {
                        recursion: 1 + inner.recursion,
                        ..inner
                    }
                }
                Selection::FragmentSpread(spread) => {
                    let inner = self.fragment(&spread.node.fragment_name.node)?;
                    Cost {
                        recursion: 1 + inner.recursion,
                        ..inner
                    }
                }
            };
            total.fields = total.fields.saturating_add(cost.fields);
            total.depth = total.depth.max(cost.depth);
            total.recursion = total.recursion.max(cost.recursion);
        }
        Ok(total)
    }

    fn fragment(&mut self, name: &'a Name) -> ServerResult<Cost> {
        if let Some(cost) = self.fragments.get(name) {
            return Ok(*cost);
        }
        // Unknown fragments are left for validation to report.
        let Some(definition) = self.document.fragments.get(name) else {
            return Ok(Cost::default());
        };
        if !self.visiting.insert(name) {
            return Err(coded_error(
                code::GRAPHQL_VALIDATION_FAILED,
                format!("fragment {name} spreads itself"),
            ));
        }
        let cost = self.selection_set(&definition.node.selection_set.node)?;
        self.visiting.remove(name);
        self.fragments.insert(name, cost);
        Ok(cost)
    }
}

fn value_has_nul(value: &Value) -> bool {
    match value {
        Value::String(text) => text.contains('\0'),
        Value::List(items) => items.iter().any(value_has_nul),
        Value::Object(fields) => fields.values().any(value_has_nul),
        _ => false,
    }
}

fn const_has_nul(value: &ConstValue) -> bool {
    match value {
        ConstValue::String(text) => text.contains('\0'),
        ConstValue::List(items) => items.iter().any(const_has_nul),
        ConstValue::Object(fields) => fields
            .iter()
            .any(|(key, value)| key.contains('\0') || const_has_nul(value)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_counts_brackets_outside_strings_and_comments() {
        let deep = format!("{{ a(x: {}1{}) }}", "[".repeat(70), "]".repeat(70));
        assert!(check_nesting(&deep).is_err());
        let quoted = format!("{{ a(x: \"{}\") }} # {}", "[".repeat(500), "{".repeat(500));
        assert!(check_nesting(&quoted).is_ok());
        let block = format!(
            "{{ a(x: \"\"\"{}\\\"\"\" still in\"\"\") }}",
            "{".repeat(500)
        );
        assert!(check_nesting(&block).is_ok());
        assert!(check_nesting("{ a { b { c } } }").is_ok());
    }
}

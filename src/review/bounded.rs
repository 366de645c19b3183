//! Parsing a YAML file into a `serde_yaml::Value` with a cap on the nodes built.
//!
//! serde_yaml 0.9 expands aliases as it deserializes, and its only guard is a cap of
//! 100 alias jumps per event of the document: a billion-laughs file of a few hundred
//! bytes still builds tens of thousands of nodes before that cap, and a bigger anchor
//! (many nodes, or one long string) makes every jump cost more. Counting what we
//! build, one unit per node plus one per byte of text, stops any such file after work
//! and memory proportional to its size, with the position where the cap was reached.

use std::cell::Cell;
use std::fmt;

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor,
};
use serde_yaml::value::{Tag, TaggedValue};
use serde_yaml::{Mapping, Value};

/// Units allowed beyond two per input byte. Without aliases a file builds at most
/// about one node per byte (`[a,b]` is the densest) plus its text, so only alias
/// expansion goes past this.
const SLACK: usize = 4096;

/// The most a file of `len` bytes may build: nodes plus bytes of text.
pub fn budget(len: usize) -> usize {
    len.saturating_mul(2).saturating_add(SLACK)
}

/// Parses `text` like `serde_yaml::from_str::<Value>`, but refuses a file whose
/// aliases expand to more than [`budget`] allows.
pub fn parse_bounded(text: &str) -> Result<Value, serde_yaml::Error> {
    let budget = Cell::new(budget(text.len()));
    Bounded { budget: &budget }.deserialize(serde_yaml::Deserializer::from_str(text))
}

/// A `Value` seed that spends a shared budget: one unit per node, one per byte of text.
#[derive(Clone, Copy)]
struct Bounded<'a> {
    budget: &'a Cell<usize>,
}

impl Bounded<'_> {
    fn spend<E: de::Error>(self, text_len: usize) -> Result<(), E> {
        match self.budget.get().checked_sub(text_len.saturating_add(1)) {
            Some(left) => {
                self.budget.set(left);
                Ok(())
            }
            None => Err(E::custom(
                "aliases expand to far more than the file holds (a YAML bomb?)",
            )),
        }
    }
}

impl<'de> DeserializeSeed<'de> for Bounded<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Bounded<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Value, E> {
        self.spend(0)?;
        Ok(Value::Bool(b))
    }

    fn visit_i64<E: de::Error>(self, i: i64) -> Result<Value, E> {
        self.spend(0)?;
        Ok(Value::Number(i.into()))
    }

    fn visit_u64<E: de::Error>(self, u: u64) -> Result<Value, E> {
        self.spend(0)?;
        Ok(Value::Number(u.into()))
    }

    fn visit_f64<E: de::Error>(self, f: f64) -> Result<Value, E> {
        self.spend(0)?;
        Ok(Value::Number(f.into()))
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Value, E> {
        self.spend(s.len())?;
        Ok(Value::String(s.to_owned()))
    }

    fn visit_string<E: de::Error>(self, s: String) -> Result<Value, E> {
        self.spend(s.len())?;
        Ok(Value::String(s))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        self.spend(0)?;
        Ok(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        self.spend(0)?;
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        self.deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Value, A::Error> {
        self.spend(0)?;
        let mut sequence = Vec::new();
        while let Some(item) = items.next_element_seed(self)? {
            sequence.push(item);
        }
        Ok(Value::Sequence(sequence))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut entries: A) -> Result<Value, A::Error> {
        self.spend(0)?;
        let mut mapping = Mapping::new();
        while let Some(key) = entries.next_key_seed(self)? {
            if mapping.contains_key(&key) {
                return Err(de::Error::custom(format!(
                    "duplicate key {}",
                    describe_key(&key)
                )));
            }
            let value = entries.next_value_seed(self)?;
            mapping.insert(key, value);
        }
        Ok(Value::Mapping(mapping))
    }

    /// serde_yaml hands a tagged node (`!ticket 42`) over as an enum.
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Value, A::Error> {
        let (tag, contents): (String, _) = data.variant()?;
        self.spend(tag.len())?;
        if tag.is_empty() {
            return Err(de::Error::custom("empty YAML tag"));
        }
        let value = contents.newtype_variant_seed(self)?;
        Ok(Value::Tagged(Box::new(TaggedValue {
            tag: Tag::new(tag),
            value,
        })))
    }
}

/// A mapping key as it reads in an error message.
fn describe_key(key: &Value) -> String {
    match key {
        Value::String(text) => format!("{text:?}"),
        Value::Number(number) => number.to_string(),
        Value::Bool(flag) => flag.to_string(),
        Value::Null => "null".into(),
        Value::Sequence(_) | Value::Mapping(_) | Value::Tagged(_) => "(a collection)".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The classic billion laughs: nine levels of ten aliases each.
    fn billion_laughs() -> String {
        let mut text = String::from("a0: &a0 [\"lol\"]\n");
        for level in 1..10 {
            let aliases = vec![format!("*a{}", level - 1); 10].join(", ");
            text.push_str(&format!("a{level}: &a{level} [{aliases}]\n"));
        }
        text
    }

    #[test]
    fn plain_documents_parse_like_serde_yaml() {
        let text = "a: [1, -2, 3.5, true, null, \"x\"]\nb: {c: !tag d}\ne: &e [1]\nf: *e\n";
        let ours = parse_bounded(text).unwrap_or_default();
        let theirs: Value = serde_yaml::from_str(text).unwrap_or_default();
        assert_eq!(ours, theirs);
    }

    #[test]
    fn a_billion_laughs_is_refused_quickly_with_a_position() {
        let started = std::time::Instant::now();
        let error = parse_bounded(&billion_laughs()).err();
        assert!(started.elapsed() < std::time::Duration::from_millis(500));
        let error = error.map(|e| (e.to_string(), e.location().is_some()));
        assert!(
            matches!(&error, Some((message, true)) if message.contains("YAML bomb")),
            "{error:?}"
        );
    }

    #[test]
    fn duplicate_keys_are_refused() {
        let error = parse_bounded("a: 1\nb: 2\na: 3\n")
            .err()
            .map(|e| e.to_string());
        assert!(
            error
                .as_deref()
                .is_some_and(|m| m.contains("duplicate key \"a\"")),
            "{error:?}"
        );
    }
}

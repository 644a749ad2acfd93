//! `Serialize` and `Deserialize` (feature `serde`).
//!
//! * [`Category`] and [`Retry`] as their ids (`"rate-limit"`, `"after-fix"`).
//! * [`Code`] as the code: a number, or a string (a message-only entry's
//!   message). It deserializes from the same, borrowing the string from
//!   the input (so from `serde_json::from_str`, not `from_reader`, and not
//!   a string with escapes in it). A string always reads back as
//!   [`Code::String`], a message included: the same text, so the same
//!   lookup key.
//! * Every product enum as its code: `1020` for a numeric product,
//!   `"invalid-api-key"` for a string one, the message for a message-only
//!   one; it deserializes from the same (a numeric product also from the
//!   code as a string, `"1020"`).
//! * [`ErrorInfo`] as `{"vendor": …, "product": …, "code": …}`, read back
//!   with [`lookup`](crate::lookup) in the bundled catalogs.
//!
//! A code may be a number or a string, so reading one asks the format what
//! it holds: deserializing needs a self-describing format (JSON, TOML,
//! YAML, CBOR, MessagePack), not bincode or postcard.

use core::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};

use crate::{Category, Code, ErrorCode, ErrorInfo, Retry};

impl Serialize for Category {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Category {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(IdVisitor { what: "a category id such as `rate-limit`", parse: Category::from_id })
    }
}

impl Serialize for Retry {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Retry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(IdVisitor { what: "a retry advice id such as `after-fix`", parse: Retry::from_id })
    }
}

struct IdVisitor<T> {
    what: &'static str,
    parse: fn(&str) -> Option<T>,
}

impl<T> Visitor<'_> for IdVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.what)
    }

    fn visit_str<E: de::Error>(self, id: &str) -> Result<T, E> {
        (self.parse)(id).ok_or_else(|| E::invalid_value(de::Unexpected::Str(id), &self))
    }
}

impl Serialize for Code<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match *self {
            Code::Integer(n) => serializer.serialize_u32(n),
            Code::String(s) | Code::Message(s) => serializer.serialize_str(s),
        }
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Code<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(CodeVisitor(core::marker::PhantomData))
    }
}

struct CodeVisitor<'a>(core::marker::PhantomData<Code<'a>>);

impl<'de: 'a, 'a> Visitor<'de> for CodeVisitor<'a> {
    type Value = Code<'a>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a code: a number from 0 to 4294967295, or a string borrowed from the input")
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Code<'a>, E> {
        u32::try_from(n).map(Code::Integer).map_err(|_| E::invalid_value(de::Unexpected::Unsigned(n), &self))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Code<'a>, E> {
        u32::try_from(n).map(Code::Integer).map_err(|_| E::invalid_value(de::Unexpected::Signed(n), &self))
    }

    fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Code<'a>, E> {
        Ok(Code::String(text))
    }
}

impl Serialize for ErrorInfo {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut fields = serializer.serialize_struct("ErrorInfo", 3)?;
        fields.serialize_field("vendor", self.vendor_id())?;
        fields.serialize_field("product", self.product_id())?;
        fields.serialize_field("code", &self.code())?;
        fields.end()
    }
}

impl<'de> Deserialize<'de> for ErrorInfo {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_struct("ErrorInfo", &["vendor", "product", "code"], InfoVisitor)
    }
}

struct InfoVisitor;

impl<'de> Visitor<'de> for InfoVisitor {
    type Value = ErrorInfo;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an entry as {\"vendor\", \"product\", \"code\"}")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ErrorInfo, A::Error> {
        let (mut vendor, mut product, mut code) = (None, None, None);
        while let Some(key) = map.next_key::<alloc::borrow::Cow<'de, str>>()? {
            match key.as_ref() {
                "vendor" => vendor = Some(map.next_value::<alloc::borrow::Cow<'de, str>>()?),
                "product" => product = Some(map.next_value::<alloc::borrow::Cow<'de, str>>()?),
                "code" => code = Some(map.next_value::<CodeText>()?.0),
                _ => {
                    map.next_value::<de::IgnoredAny>()?;
                }
            }
        }
        let vendor = vendor.ok_or_else(|| de::Error::missing_field("vendor"))?;
        let product = product.ok_or_else(|| de::Error::missing_field("product"))?;
        let code = code.ok_or_else(|| de::Error::missing_field("code"))?;
        crate::lookup(&vendor, &product, &code).ok_or_else(|| {
            de::Error::custom(format_args!("no entry `{code}` in `{vendor}/{product}` of the bundled catalogs"))
        })
    }
}

/// A code as text, from a number or a string.
struct CodeText(alloc::string::String);

impl<'de> Deserialize<'de> for CodeText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(CodeTextVisitor)
    }
}

struct CodeTextVisitor;

impl Visitor<'_> for CodeTextVisitor {
    type Value = CodeText;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a code: a number or a string")
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<CodeText, E> {
        Ok(CodeText(alloc::string::ToString::to_string(&n)))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<CodeText, E> {
        Ok(CodeText(alloc::string::ToString::to_string(&n)))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<CodeText, E> {
        Ok(CodeText(text.into()))
    }
}

/// `Serialize` for a product enum: its code, or its message when it has
/// none. Generated code calls it through `__private`.
pub fn serialize_code<E: ErrorCode, S: Serializer>(variant: E, serializer: S) -> Result<S::Ok, S::Error> {
    variant.code().serialize(serializer)
}

/// `Deserialize` for a product enum, from what [`serialize_code`] writes.
pub fn deserialize_code<'de, E: ErrorCode, D: Deserializer<'de>>(deserializer: D) -> Result<E, D::Error> {
    let CodeText(code) = CodeText::deserialize(deserializer)?;
    E::from_code(&code)
        .ok_or_else(|| de::Error::custom(format_args!("no entry `{code}` in `{}`", E::PRODUCT.rust_path())))
}

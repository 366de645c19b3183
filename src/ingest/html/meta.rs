//! A page's metadata: its JSON-LD article (`NewsArticle`, `Article`, `BlogPosting`
//! …, alone, in a list or in an `@graph` whose nodes refer to each other by `@id`,
//! as WordPress writes it), then its `og:` and `article:` meta tags, then `<title>`
//! and the canonical link.

use serde_json::Value;

use crate::ingest::Metadata;

/// The metadata of a parsed page; the first source that gives a field wins.
pub fn page_metadata(dom: &tl::VDom) -> Metadata {
    let parser = dom.parser();
    let mut json_ld = Metadata::default();
    let mut tags = Metadata::default();
    let mut fallback = Metadata::default();
    for node in dom.nodes() {
        let Some(tag) = node.as_tag() else { continue };
        let name = tag.name().as_utf8_str().to_ascii_lowercase();
        let attribute = |key: &str| {
            tag.attributes()
                .get(key)
                .flatten()
                .map(|value| unescaped(&value.as_utf8_str()))
        };
        match name.as_str() {
            "script"
                if attribute("type").is_some_and(|kind| {
                    kind.trim().eq_ignore_ascii_case("application/ld+json")
                }) =>
            {
                if let Ok(value) = serde_json::from_str::<Value>(&tag.inner_text(parser)) {
                    fill(&mut json_ld, from_json_ld(&value));
                }
            }
            "meta" => {
                let key = attribute("property").or_else(|| attribute("name"));
                let (Some(key), Some(content)) = (key, attribute("content")) else {
                    continue;
                };
                let field = match key.to_ascii_lowercase().as_str() {
                    "og:site_name" => &mut tags.publisher,
                    "og:url" => &mut tags.url,
                    "og:title" => &mut tags.title,
                    "article:published_time" | "date" | "pubdate" => &mut tags.date,
                    // article:author is often a profile URL, not a name.
                    "author" | "article:author" if !content.starts_with("http") => &mut tags.author,
                    _ => continue,
                };
                set(field, &content);
            }
            "title" => set(&mut fallback.title, &unescaped(&tag.inner_text(parser))),
            "link" if attribute("rel").is_some_and(|rel| rel.eq_ignore_ascii_case("canonical")) => {
                if let Some(href) = attribute("href") {
                    set(&mut fallback.url, &href);
                }
            }
            _ => {}
        }
    }
    fill(&mut json_ld, tags);
    fill(&mut json_ld, fallback);
    json_ld
}

/// Character references in an attribute or title decoded.
fn unescaped(text: &str) -> String {
    htmlize::unescape_attribute(text).into_owned()
}

/// Sets `field` to `value` folded to single spaces, unless set or blank.
fn set(field: &mut Option<String>, value: &str) {
    let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
    if field.is_none() && !value.is_empty() {
        *field = Some(value);
    }
}

/// Fills the fields of `meta` not known yet from `other`.
fn fill(meta: &mut Metadata, other: Metadata) {
    let Metadata {
        publisher,
        url,
        date,
        title,
        author,
    } = other;
    meta.publisher = meta.publisher.take().or(publisher);
    meta.url = meta.url.take().or(url);
    meta.date = meta.date.take().or(date);
    meta.title = meta.title.take().or(title);
    meta.author = meta.author.take().or(author);
}

/// The metadata of the first article node of a JSON-LD block.
fn from_json_ld(value: &Value) -> Metadata {
    let nodes: Vec<&Value> = match value {
        Value::Array(items) => items.iter().flat_map(graph).collect(),
        other => graph(other),
    };
    let by_id = |id: &str| {
        nodes
            .iter()
            .find(|node| node.get("@id").and_then(Value::as_str) == Some(id))
            .copied()
    };
    // A value, or the node its `{"@id": …}` refers to.
    let resolve = |value: &'_ Value| -> Option<Value> {
        match value.get("@id").and_then(Value::as_str) {
            Some(id) if value.get("name").is_none() => by_id(id).cloned(),
            _ => Some(value.clone()),
        }
    };
    let Some(article) = nodes.iter().find(|node| is_article(node)) else {
        return Metadata::default();
    };
    let text = |key: &str| article.get(key).and_then(Value::as_str).map(str::to_owned);
    let names = |value: Option<&Value>| -> Option<String> {
        let names: Vec<String> = match value? {
            Value::Array(items) => items
                .iter()
                .filter_map(|item| name(&resolve(item)?))
                .collect(),
            other => name(&resolve(other)?).into_iter().collect(),
        };
        (!names.is_empty()).then(|| names.join(", "))
    };
    let url = text("url").or_else(|| match article.get("mainEntityOfPage") {
        Some(Value::String(url)) => Some(url.clone()),
        Some(page) => page
            .get("@id")
            .or_else(|| page.get("url"))
            .and_then(Value::as_str)
            .map(str::to_owned),
        None => None,
    });
    let mut meta = Metadata::default();
    set(
        &mut meta.publisher,
        &names(article.get("publisher")).unwrap_or_default(),
    );
    set(&mut meta.url, &url.unwrap_or_default());
    set(&mut meta.date, &text("datePublished").unwrap_or_default());
    set(
        &mut meta.title,
        &text("headline")
            .or_else(|| text("name"))
            .unwrap_or_default(),
    );
    set(
        &mut meta.author,
        &names(article.get("author")).unwrap_or_default(),
    );
    meta
}

/// A node and the nodes of its `@graph`, if it has one.
fn graph(value: &Value) -> Vec<&Value> {
    match value.get("@graph").and_then(Value::as_array) {
        Some(nodes) => nodes.iter().collect(),
        None => vec![value],
    }
}

/// True for a node of a news or blog article type.
fn is_article(node: &Value) -> bool {
    let is_article_type = |kind: &str| kind.ends_with("Article") || kind.ends_with("BlogPosting");
    match node.get("@type") {
        Some(Value::String(kind)) => is_article_type(kind),
        Some(Value::Array(kinds)) => kinds.iter().filter_map(Value::as_str).any(is_article_type),
        _ => false,
    }
}

/// The name of a person or organisation: a string, or a node's `name`.
fn name(value: &Value) -> Option<String> {
    match value {
        Value::String(name) => Some(name.clone()),
        other => other.get("name").and_then(Value::as_str).map(str::to_owned),
    }
}

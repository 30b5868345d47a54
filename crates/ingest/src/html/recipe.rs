//! A recipe's ingredients and steps from its JSON-LD `Recipe`, where the
//! extracted text lacks them: recipe pages often set both apart from the
//! article's container (cards, tabs, step sliders), and they are the part a
//! writer quotes. Only added when most are missing, so that a page whose text
//! already holds them, worded a little differently, is not doubled.

use model::{Block, BlockKind};
use serde_json::Value;

/// Adds the missing ingredients and steps as list items after the text.
pub fn restore(blocks: &mut Vec<Block>, objects: &[Value]) {
    let Some(recipe) = objects
        .iter()
        .find(|v| super::jsonld::has_type(v, &["Recipe"]))
    else {
        return;
    };
    for items in [
        strings(&recipe["recipeIngredient"]),
        strings(&recipe["recipeInstructions"]),
    ] {
        let all = items.len();
        let missing: Vec<String> = items
            .into_iter()
            .filter(|item| !present(blocks, item))
            .collect();
        if missing.is_empty() || missing.len() * 2 < all {
            continue;
        }
        blocks.extend(
            missing
                .into_iter()
                .map(|text| Block::new(BlockKind::ListItem, text)),
        );
    }
}

/// Text items of a list of strings, `HowToStep`s and `HowToSection`s.
fn strings(v: &Value) -> Vec<String> {
    let one = |t: &str| {
        let t = crate::normalize_inline(t);
        (!t.is_empty()).then_some(t)
    };
    match v {
        Value::String(s) => one(s).into_iter().collect(),
        Value::Array(items) => items.iter().flat_map(strings).collect(),
        Value::Object(_) => {
            if let Some(list) = v.get("itemListElement") {
                return strings(list);
            }
            v["text"]
                .as_str()
                .or(v["name"].as_str())
                .and_then(one)
                .into_iter()
                .collect()
        }
        _ => Vec::new(),
    }
}

fn present(blocks: &[Block], item: &str) -> bool {
    let key: String = item.chars().take(40).collect();
    blocks.iter().any(|b| b.text.contains(&key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_ingredients_and_steps_come_from_the_recipe() {
        let objects: Vec<Value> = vec![serde_json::json!({
            "@type": "Recipe",
            "recipeIngredient": ["200 g flour", "2 eggs"],
            "recipeInstructions": [
                {"@type": "HowToStep", "text": "Mix the flour and the eggs."},
                {"@type": "HowToSection", "itemListElement": [{"@type": "HowToStep", "text": "Bake for 20 minutes."}]}
            ]
        })];
        let mut blocks = vec![Block::new(
            BlockKind::Paragraph,
            "A cake for Sunday.".to_owned(),
        )];
        restore(&mut blocks, &objects);
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "A cake for Sunday.",
                "200 g flour",
                "2 eggs",
                "Mix the flour and the eggs.",
                "Bake for 20 minutes."
            ]
        );
        restore(&mut blocks, &objects);
        assert_eq!(blocks.len(), 5, "what the text holds is not added twice");
    }
}

#pragma once
// How `veil fields` prints a dictionary.

namespace veil::cli {

enum class listing_style { text, json, markdown };

}  // namespace veil::cli

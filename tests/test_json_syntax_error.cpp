// A policy that is not JSON is refused with the line and column of its first syntax
// error, counted as an editor counts them; where the grammar holds and simdjson still
// refuses the text, its own reason is given without a position.

#include "policy_refusal.hpp"

#include <veil/policy/json_syntax_error.hpp>
#include <veil/policy/policy_json.hpp>

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

TEST_CASE("policy JSON: a syntax error is named by line and column")
{
   struct broken
   {
      std::string json;
      std::string message;
   };
   const std::vector<broken> cases{
      { "{\"version\": 1,\n \"default\": {\"redact\": [\"ssn\",]}}",
        "$: not valid JSON: line 2, column 31: expected a value after ',' (JSON has no ',' before ']')" },
      { "{\"version\": 1,}", "$: not valid JSON: line 1, column 15: expected a key after ',' (JSON has no ',' before '}')" },
      { "{\"version\": 1,\n \"default\": {\"redact\": []}\n", "$: not valid JSON: line 3, column 1: expected ',' or '}', but the text ends" },
      { "{\"version\": 1, \"description\": \"no end}", "$: not valid JSON: line 1, column 31: a string that is never closed" },
      { "{\"version\": 1, \"description\": \"one\ttab\"}",
        "$: not valid JSON: line 1, column 35: a control character in a string (write it as an escape, e.g. \\n or \\t)" },
      // CRLF line ends: the CR is the end of its line, not a column of the next.
      { "{\"version\": 1,\r\n\"default\" {}}", "$: not valid JSON: line 2, column 11: expected ':' after the key" },
      // Columns count characters: "é" and "€" are one each, though two and three bytes.
      { "{\"description\": \"é€\", \"version\": 1 x}", "$: not valid JSON: line 1, column 36: expected ',' or '}'" },
      { "{\"version\": 1, \"description\": \"\xff\"}", "$: not valid JSON: line 1, column 32: not valid UTF-8" },
      { "{\"version\": 1, \"description\": \"\\x\"}",
        "$: not valid JSON: line 1, column 33: not an escape JSON has (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)" },
      { "{\"version\": 1, \"description\": \"\\ud800\"}",
        "$: not valid JSON: line 1, column 32: a high surrogate escape without a low one after it" },
      { "{version: 1}", "$: not valid JSON: line 1, column 2: expected a key in double quotes or '}'" },
      { "{\"version\": 1} {}", "$: not valid JSON: line 1, column 16: expected the end of the text after the JSON value" },
      { "", "$: not valid JSON: line 1, column 1: expected a value (an object, array, string, number, true, false or "
            "null), but the text ends" },
   };
   for (const broken& b : cases) {
      CAPTURE(b.json);
      CHECK(veil_test::policy_refusal(b.json) == b.message);
   }
}

TEST_CASE("policy JSON: the scanner passes what the grammar allows, however deep")
{
   for (const std::string& json :
        { std::string(R"({"a": {}, "b": [], "c": [{}, []], "d": -1.5e+3, "e": "\u00e9\ud83d\ude00\n", "f": null})"),
          std::string("  [true, false, 0, 10, 0.5, 1E2]\r\n"), std::string(100000, '[') + std::string(100000, ']') }) {
      CAPTURE(json.substr(0, 40));
      CHECK_FALSE(veil::policy::find_json_syntax_error(json).has_value());
   }
}

TEST_CASE("policy JSON: a text simdjson refuses for a reason beyond the grammar keeps simdjson's message")
{
   // Deeper than simdjson reads: the grammar holds, so there is no position to give.
   const std::string deep =
      R"({"version": 1, "description": )" + std::string(5000, '[') + std::string(5000, ']') + "}";
   const std::string message = veil_test::policy_refusal(deep);
   CHECK(message.starts_with("$: not valid JSON: "));
   CHECK(message.find("line") == std::string::npos);
   CHECK(message.size() > std::string("$: not valid JSON: ").size());
}

#pragma once
// A strict JSON reader for tests (RFC 8259: no trailing commas, no leading zeros, no raw
// control characters in strings, valid UTF-8, nothing after the value). The library only
// writes JSON, and the tests must not trust its writer to check its own output, nor pull
// in a dependency for it; so this small reader decides validity and gives access to keys.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace veil_test {

struct json_value
{
   enum class kind { null, boolean, number, string, array, object };

   kind type = kind::null;
   bool boolean = false;
   std::string text;  // a string's decoded bytes (UTF-8), or a number's literal
   std::vector<json_value> items;   // an array's elements, or an object's member values
   std::vector<std::string> names;  // an object's member names, parallel to items

   // The member named `key`, or nullptr (also when this is not an object).
   [[nodiscard]] const json_value* find(std::string_view key) const
   {
      if (type != kind::object) {
         return nullptr;
      }
      for (std::size_t i = 0; i < names.size(); ++i) {
         if (names[i] == key) {
            return &items[i];
         }
      }
      return nullptr;
   }

   // The member named `key`; throws (failing the test case) when there is none.
   [[nodiscard]] const json_value& at(std::string_view key) const
   {
      const json_value* v = find(key);
      if (v == nullptr) {
         throw std::out_of_range("no member '" + std::string(key) + "'");
      }
      return *v;
   }

   [[nodiscard]] const std::vector<std::string>& keys() const noexcept { return names; }
};

class json_reader
{
public:
   // The document, or nullopt if `text` is not exactly one valid JSON value.
   [[nodiscard]] static std::optional<json_value> parse(std::string_view text)
   {
      json_reader reader(text);
      std::optional<json_value> value = reader.value(0);
      reader.skip_space();
      if (!value || reader.pos_ != text.size()) {
         return std::nullopt;
      }
      return value;
   }

private:
   static constexpr int max_depth = 64;

   explicit json_reader(std::string_view text) noexcept : in_(text) {}

   [[nodiscard]] bool at_end() const noexcept { return pos_ >= in_.size(); }
   [[nodiscard]] char peek() const noexcept { return at_end() ? '\0' : in_[pos_]; }

   void skip_space() noexcept
   {
      while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) {
         ++pos_;
      }
   }

   [[nodiscard]] bool take(char c) noexcept
   {
      if (!at_end() && peek() == c) {
         ++pos_;
         return true;
      }
      return false;
   }

   [[nodiscard]] bool take_word(std::string_view word) noexcept
   {
      if (in_.substr(pos_, word.size()) == word) {
         pos_ += word.size();
         return true;
      }
      return false;
   }

   [[nodiscard]] std::optional<json_value> value(int depth)
   {
      if (depth > max_depth) {
         return std::nullopt;
      }
      skip_space();
      json_value v;
      if (take_word("null")) {
         return v;
      }
      if (take_word("true") || take_word("false")) {
         v.type = json_value::kind::boolean;
         v.boolean = in_.substr(0, pos_).ends_with("true");
         return v;
      }
      if (peek() == '"') {
         std::optional<std::string> s = string();
         if (!s) {
            return std::nullopt;
         }
         v.type = json_value::kind::string;
         v.text = std::move(*s);
         return v;
      }
      if (take('[')) {
         return array(depth);
      }
      if (take('{')) {
         return object(depth);
      }
      return number();
   }

   // The comma-separated elements up to `close`, each read by `element` (which returns
   // false when it fails), with no trailing comma.
   template <typename Element>
   [[nodiscard]] bool elements(char close, Element&& element)
   {
      skip_space();
      if (take(close)) {
         return true;
      }
      do {
         if (!element()) {
            return false;
         }
         skip_space();
      } while (take(','));
      return take(close);
   }

   [[nodiscard]] std::optional<json_value> array(int depth)
   {
      json_value v;
      v.type = json_value::kind::array;
      const bool ok = elements(']', [&] {
         std::optional<json_value> item = value(depth + 1);
         if (item) {
            v.items.push_back(std::move(*item));
         }
         return item.has_value();
      });
      return ok ? std::optional<json_value>(std::move(v)) : std::nullopt;
   }

   [[nodiscard]] std::optional<json_value> object(int depth)
   {
      json_value v;
      v.type = json_value::kind::object;
      const bool ok = elements('}', [&] {
         skip_space();
         std::optional<std::string> key = string();
         skip_space();
         if (!key || !take(':')) {
            return false;
         }
         std::optional<json_value> member = value(depth + 1);
         if (member) {
            v.names.push_back(std::move(*key));
            v.items.push_back(std::move(*member));
         }
         return member.has_value();
      });
      return ok ? std::optional<json_value>(std::move(v)) : std::nullopt;
   }

   [[nodiscard]] bool digits() noexcept
   {
      const std::size_t start = pos_;
      while (!at_end() && peek() >= '0' && peek() <= '9') {
         ++pos_;
      }
      return pos_ > start;
   }

   [[nodiscard]] std::optional<json_value> number()
   {
      const std::size_t start = pos_;
      (void)take('-');
      if (!take('0') && !(peek() >= '1' && peek() <= '9' && digits())) {
         return std::nullopt;
      }
      if (take('.') && !digits()) {
         return std::nullopt;
      }
      if (take('e') || take('E')) {
         (void)(take('+') || take('-'));
         if (!digits()) {
            return std::nullopt;
         }
      }
      json_value v;
      v.type = json_value::kind::number;
      v.text = std::string(in_.substr(start, pos_ - start));
      return v;
   }

   [[nodiscard]] std::optional<std::uint32_t> hex4() noexcept
   {
      std::uint32_t code = 0;
      for (int i = 0; i < 4; ++i) {
         const char c = peek();
         const int digit = (c >= '0' && c <= '9')   ? c - '0'
                           : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                           : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                                    : -1;
         if (digit < 0) {
            return std::nullopt;
         }
         code = code * 16 + static_cast<std::uint32_t>(digit);
         ++pos_;
      }
      return code;
   }

   static void append_utf8(std::string& out, std::uint32_t code)
   {
      if (code < 0x80) {
         out += static_cast<char>(code);
      }
      else if (code < 0x800) {
         out += static_cast<char>(0xc0 | (code >> 6));
         out += static_cast<char>(0x80 | (code & 0x3f));
      }
      else if (code < 0x10000) {
         out += static_cast<char>(0xe0 | (code >> 12));
         out += static_cast<char>(0x80 | ((code >> 6) & 0x3f));
         out += static_cast<char>(0x80 | (code & 0x3f));
      }
      else {
         out += static_cast<char>(0xf0 | (code >> 18));
         out += static_cast<char>(0x80 | ((code >> 12) & 0x3f));
         out += static_cast<char>(0x80 | ((code >> 6) & 0x3f));
         out += static_cast<char>(0x80 | (code & 0x3f));
      }
   }

   // After "\u": one code point, a surrogate pair taking a second "\u" escape.
   [[nodiscard]] std::optional<std::uint32_t> escaped_code_point() noexcept
   {
      const std::optional<std::uint32_t> high = hex4();
      if (!high || (*high >= 0xdc00 && *high <= 0xdfff)) {
         return std::nullopt;
      }
      if (*high < 0xd800 || *high > 0xdbff) {
         return high;
      }
      if (!take_word("\\u")) {
         return std::nullopt;
      }
      const std::optional<std::uint32_t> low = hex4();
      if (!low || *low < 0xdc00 || *low > 0xdfff) {
         return std::nullopt;
      }
      return 0x10000 + ((*high - 0xd800) << 10) + (*low - 0xdc00);
   }

   // A raw multi-byte UTF-8 sequence starting at pos_: its length, or 0 if malformed.
   [[nodiscard]] std::size_t utf8_sequence() const noexcept
   {
      const auto byte = [this](std::size_t i) {
         return pos_ + i < in_.size() ? static_cast<unsigned char>(in_[pos_ + i]) : 0U;
      };
      const unsigned lead = byte(0);
      const std::size_t length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3
                                                                 : lead >= 0xf0 && lead <= 0xf4 ? 4
                                                                                                : 0;
      std::uint32_t code = lead & (length == 2 ? 0x1fU : length == 3 ? 0x0fU : 0x07U);
      for (std::size_t i = 1; i < length; ++i) {
         if ((byte(i) & 0xc0U) != 0x80U) {
            return 0;
         }
         code = (code << 6) | (byte(i) & 0x3fU);
      }
      const bool overlong = (length == 3 && code < 0x800) || (length == 4 && code < 0x10000);
      const bool surrogate = code >= 0xd800 && code <= 0xdfff;
      return overlong || surrogate || code > 0x10ffff ? 0 : length;
   }

   [[nodiscard]] std::optional<std::string> string()
   {
      if (!take('"')) {
         return std::nullopt;
      }
      std::string out;
      while (!at_end()) {
         const char c = in_[pos_];
         const auto byte = static_cast<unsigned char>(c);
         if (c == '"') {
            ++pos_;
            return out;
         }
         if (byte < 0x20) {
            return std::nullopt;
         }
         if (byte >= 0x80) {
            const std::size_t length = utf8_sequence();
            if (length == 0) {
               return std::nullopt;
            }
            out.append(in_.substr(pos_, length));
            pos_ += length;
            continue;
         }
         ++pos_;
         if (c != '\\') {
            out += c;
            continue;
         }
         const char e = peek();
         ++pos_;
         switch (e) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
               const std::optional<std::uint32_t> code = escaped_code_point();
               if (!code) {
                  return std::nullopt;
               }
               append_utf8(out, *code);
               break;
            }
            default: return std::nullopt;
         }
      }
      return std::nullopt;
   }

   std::string_view in_;
   std::size_t pos_ = 0;
};

}  // namespace veil_test

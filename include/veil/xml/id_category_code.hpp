#pragma once
// The category code of an identification (ebts:PersonIDCategoryCode and its kin), read
// a piece of decoded text at a time: AR, AN and PP (alien registration, alien number,
// passport) make the identification immigration data. Whitespace around the code does
// not count; anything else does, so "AR1" or "A R" is not AR. Memory stays a few bytes
// however long the text, and the stream and DOM redactors decide alike.

#include <veil/detail/bytes.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace veil::xml {

class id_category_code
{
public:
   // Adds decoded text of the code element.
   void append(std::string_view decoded)
   {
      for (const char c : decoded) {
         if (static_cast<unsigned char>(c) <= ' ') {
            pending_space_ = !code_.empty();
            continue;
         }
         if (pending_space_ || code_.size() == 2) {
            too_long_ = true;  // a third character, or a character after a space
            continue;
         }
         code_ += detail::to_upper(c);
      }
   }

   [[nodiscard]] bool is_immigration() const noexcept
   {
      return !too_long_ && (code_ == "AR" || code_ == "AN" || code_ == "PP");
   }

private:
   std::string code_;  // at most two characters, upper case
   bool pending_space_ = false;
   bool too_long_ = false;
};

}  // namespace veil::xml

#pragma once
// A PEGTL rule for runs of unknown length with a limit chosen at run time, so memory
// stays bounded and an overlong run is reported where it goes over the limit, not where
// a buffer happens to end.

#include <veil/rejection.hpp>

#include <tao/pegtl.hpp>

#include <algorithm>
#include <cstddef>
#include <string>

namespace veil::detail {

namespace pegtl = tao::pegtl;

// Consumes bytes while Scanner::accepts(byte) holds, and the byte that stops it when
// Scanner::keeps_stop_byte; at most state.limit_of<Scanner>() bytes. NUL is always
// rejected. An empty run matches unless Scanner::min_length > 0.
template <typename Scanner>
struct bounded_run
{
   using rule_t = bounded_run;
   using subs_t = pegtl::type_list<>;

   template <pegtl::apply_mode, pegtl::rewind_mode, template <typename...> class Action,
             template <typename...> class Control, typename ParseInput, typename State>
   [[nodiscard]] static bool match(ParseInput& in, State& state)
   {
      const std::size_t limit = state.template limit_of<Scanner>();
      std::size_t scanned = 0;
      std::size_t want = 256;
      while (true) {
         const std::size_t available = in.size(want);
         const char* p = in.current();
         for (; scanned < available; ++scanned) {
            const char c = p[scanned];
            if (c == '\0') {
               throw rejected_input(in.byte() + scanned, "NUL byte");
            }
            if (!Scanner::accepts(c)) {
               return consume(in, scanned + (Scanner::keeps_stop_byte ? 1 : 0));
            }
            if (scanned == limit) {
               throw rejected_input(in.byte() + limit, std::string(Scanner::what) + " longer than " +
                                                          std::to_string(limit) + " bytes");
            }
         }
         if (available < want) {
            return consume(in, scanned);  // end of input
         }
         want = std::min(want * 2, limit + 2);  // limit + 1 bytes tell "too long" from "just fits"
      }
   }

private:
   template <typename ParseInput>
   [[nodiscard]] static bool consume(ParseInput& in, std::size_t length)
   {
      if (length < Scanner::min_length) {
         return false;
      }
      in.bump(length);
      return true;
   }
};

}  // namespace veil::detail

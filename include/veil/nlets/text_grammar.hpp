#pragma once
// PEGTL grammar of an Nlets/NCIC legacy text message:
//
//   input form      MKE.ORI.DEST[,DEST...].[[*]CTRL.]TXT[CR LF DEL]body
//   delivered form  MKE.ORI                                   line 1
//                   hh:mm mm/dd/ccyy nnnnn                    receive stamp
//                   hh:mm mm/dd/ccyy nnnnn RECIPIENT          send stamp
//                   TXT                                       then the body
//
// and of its two kinds of body: a '.'-separated list of PFX/value fields (queries), or
// free-text lines (everything else). Rules that scan runs of unknown length are
// custom rules with run-time limits, so memory stays bounded and an overlong field is
// reported where it goes over, not where a buffer happens to end.

#include <veil/detail/bounded_run.hpp>
#include <veil/detail/bytes.hpp>
#include <veil/detail/parse_errors.hpp>
#include <veil/rejection.hpp>

#include <tao/pegtl.hpp>

#include <algorithm>
#include <cstddef>
#include <string>

namespace veil::nlets::grammar {

namespace pegtl = tao::pegtl;

// ---- header -------------------------------------------------------------------------

struct code_char : pegtl::ranges<'A', 'Z', '0', '9'> {};
struct message_key : pegtl::rep_min_max<2, 4, code_char> {};
struct sender_ori : pegtl::rep_min_max<9, 9, code_char> {};
struct destination : pegtl::sor<pegtl::rep_min_max<9, 9, code_char>, pegtl::rep_min_max<2, 2, code_char>> {};
struct destination_list : pegtl::list_must<destination, pegtl::one<','>> {};
struct dot : pegtl::one<'.'> {};
struct after_destinations : dot {};
struct txt : pegtl::string<'T', 'X', 'T'> {};
struct control_field_text : pegtl::seq<pegtl::opt<pegtl::one<'*'>>, pegtl::rep_min_max<1, 10, pegtl::sor<pegtl::alnum, pegtl::one<'-'>>>> {};
struct control_field : pegtl::seq<control_field_text, dot, txt> {};
// The trailing `failure` makes sor<> rewind its last real alternative too, so a missing
// TXT is reported where the marker was expected, not inside a would-be control field.
struct text_marker : pegtl::sor<pegtl::seq<txt, pegtl::not_at<dot>>, control_field, pegtl::failure> {};
struct input_header_rest : pegtl::seq<pegtl::must<destination_list, after_destinations, text_marker>> {};

struct line_end : pegtl::sor<pegtl::string<'\r', '\n'>, pegtl::one<'\n'>> {};
// Runs of spaces are short in every real header; bounding them bounds the header.
struct spaces : pegtl::rep_min_max<1, 8, pegtl::one<' '>> {};
struct trailing_spaces : pegtl::rep_max<8, pegtl::one<' '>> {};
struct two_digits : pegtl::rep<2, pegtl::digit> {};
struct time_stamp
   : pegtl::seq<two_digits, pegtl::one<':'>, two_digits, spaces, two_digits, pegtl::one<'/'>, two_digits,
                pegtl::one<'/'>, pegtl::rep<4, pegtl::digit>, spaces, pegtl::rep<5, pegtl::digit>> {};
struct recipient_ori : destination {};
struct receive_stamp_line : pegtl::seq<time_stamp, trailing_spaces, line_end> {};
struct send_stamp_line : pegtl::seq<time_stamp, spaces, recipient_ori, trailing_spaces, line_end> {};
struct delivered_txt : txt {};
struct delivered_header_rest : pegtl::must<receive_stamp_line, send_stamp_line, delivered_txt> {};

struct after_sender : pegtl::sor<pegtl::seq<dot, input_header_rest>, pegtl::seq<line_end, delivered_header_rest>> {};
struct header_trailer : pegtl::opt<pegtl::sor<pegtl::string<'\r', '\n', 0x7f>, line_end>> {};
struct header : pegtl::seq<pegtl::must<message_key, dot, sender_ori, after_sender>, header_trailer> {};

// ---- bounded scans ------------------------------------------------------------------

struct control_run_scanner
{
   static constexpr const char* what = "run of control characters";
   static constexpr std::size_t min_length = 0;
   static constexpr bool keeps_stop_byte = false;
   [[nodiscard]] static constexpr bool accepts(char c) noexcept { return detail::is_control(c); }
};

struct field_value_scanner
{
   static constexpr const char* what = "field";
   static constexpr std::size_t min_length = 0;
   static constexpr bool keeps_stop_byte = false;  // the '.' is the separator
   [[nodiscard]] static constexpr bool accepts(char c) noexcept { return c != '.'; }
};

struct text_line_scanner
{
   static constexpr const char* what = "line";
   static constexpr std::size_t min_length = 1;
   static constexpr bool keeps_stop_byte = true;  // the '\n' ends the line and belongs to it
   [[nodiscard]] static constexpr bool accepts(char c) noexcept { return c != '\n'; }
};

// ---- field-list body (queries) --------------------------------------------------------

struct gap : detail::bounded_run<control_run_scanner> {};
struct field_prefix : pegtl::rep<3, code_char> {};
struct field_slash : pegtl::one<'/'> {};
struct field_value : detail::bounded_run<field_value_scanner> {};
struct field : pegtl::seq<pegtl::must<field_prefix, field_slash>, field_value> {};
struct separator : dot {};
// Input is discarded after every unit that cannot be backtracked over, so the buffer
// holds at most one field or one run of control characters at a time.
struct field_then_gap : pegtl::seq<field, pegtl::discard, gap, pegtl::discard> {};
struct next_field : pegtl::seq<separator, gap, pegtl::discard, pegtl::sor<pegtl::eof, field_then_gap>> {};
struct field_list : pegtl::seq<gap, pegtl::discard, pegtl::sor<pegtl::eof, pegtl::seq<field_then_gap, pegtl::star<next_field>>>> {};

// ---- free-text body (responses and everything else) ------------------------------------

struct text_line : detail::bounded_run<text_line_scanner> {};
struct free_text : pegtl::star<text_line, pegtl::discard> {};

// ---- message ---------------------------------------------------------------------------

// Chooses the body the header's message key calls for (see message_kind.hpp).
struct body
{
   using rule_t = body;
   using subs_t = pegtl::type_list<field_list, free_text>;

   template <pegtl::apply_mode A, pegtl::rewind_mode M, template <typename...> class Action,
             template <typename...> class Control, typename ParseInput, typename State>
   [[nodiscard]] static bool match(ParseInput& in, State& state)
   {
      if (state.has_field_list()) {
         return Control<field_list>::template match<A, M, Action, Control>(in, state);
      }
      return Control<free_text>::template match<A, M, Action, Control>(in, state);
   }
};

struct end_of_message : pegtl::eof {};
struct message : pegtl::seq<header, pegtl::discard, body, pegtl::must<end_of_message>> {};

// ---- errors ------------------------------------------------------------------------------

template <typename Rule>
inline constexpr const char* error_message = nullptr;

// clang-format off
template <> inline constexpr const char* error_message<message_key> = "message key must be 2 to 4 letters or digits";
template <> inline constexpr const char* error_message<dot> = "expected '.' after the message key";
template <> inline constexpr const char* error_message<sender_ori> = "sender ORI must be 9 letters or digits";
template <> inline constexpr const char* error_message<after_sender> = "expected '.' or a line break after the sender ORI";
template <> inline constexpr const char* error_message<destination_list> = "destination must be a 2-character code or a 9-character ORI";
template <> inline constexpr const char* error_message<destination> = "destination must be a 2-character code or a 9-character ORI";
template <> inline constexpr const char* error_message<after_destinations> = "expected '.' after the destinations";
template <> inline constexpr const char* error_message<text_marker> = "missing TXT marker (or control field of at most 10 characters before it)";
template <> inline constexpr const char* error_message<receive_stamp_line> = "expected receive time stamp line 'hh:mm mm/dd/ccyy nnnnn'";
template <> inline constexpr const char* error_message<send_stamp_line> = "expected send time stamp line 'hh:mm mm/dd/ccyy nnnnn ORI'";
template <> inline constexpr const char* error_message<delivered_txt> = "missing TXT marker after the time stamp lines";
template <> inline constexpr const char* error_message<field_prefix> = "field must start with a 3-character prefix";
template <> inline constexpr const char* error_message<field_slash> = "field has no '/' after its prefix";
template <> inline constexpr const char* error_message<end_of_message> = "unexpected bytes after the body";
// clang-format on


// Turns every global parse failure into a rejected_input naming the offset (see
// detail::reject_expected): header parts are letters, digits and a little punctuation.
template <typename Rule>
struct control : pegtl::normal<Rule>
{
   template <typename ParseInput, typename... States>
   [[noreturn]] static void raise(const ParseInput& in, States&&... /*unused*/)
   {
      static_assert(error_message<Rule> != nullptr, "every rule under must<> needs an error message");
      constexpr std::size_t longest_header_part = 12;  // an ORI, a time stamp's piece, a control field
      detail::reject_expected(
         in, error_message<Rule>,
         [](char c) { return detail::is_alnum(c) || c == '*' || c == '-' || c == ':'; }, longest_header_part);
   }
};

}  // namespace veil::nlets::grammar

#pragma once
// What the grammar's matches do: header parts go to the audit record and pass through
// untouched; body units go to the field-list or free-text redactor.

#include <veil/detail/parse_errors.hpp>
#include <veil/nlets/text_grammar.hpp>
#include <veil/recipient.hpp>
#include <veil/rejection.hpp>

#include <algorithm>
#include <cstddef>

#include <string>

namespace veil::nlets::internal {

namespace pegtl = tao::pegtl;

using detail::offset_of;

template <typename Rule>
struct text_action : pegtl::nothing<Rule> {};

template <>
struct text_action<grammar::message_key>
{
   template <typename ActionInput, typename State>
   static void apply(const ActionInput& in, State& state)
   {
      state.audit().message_key = in.string();
   }
};

template <>
struct text_action<grammar::sender_ori>
{
   template <typename ActionInput, typename State>
   static void apply(const ActionInput& in, State& state)
   {
      state.audit().sender_ori = in.string();
   }
};

template <>
struct text_action<grammar::destination>
{
   template <typename ActionInput, typename State>
   static void apply(const ActionInput& in, State& state)
   {
      state.add_recipient(in.string(), offset_of(in));
   }
};

template <>
struct text_action<grammar::recipient_ori> : text_action<grammar::destination> {};

// A control field is the sender's reference, not a recipient; one that a lenient reader
// could take for one more destination ("WA.AX.TXT", "WA.*ax.TXT", a part of 2 or 9
// letters or digits between hyphens) makes the routing ambiguous, so it is refused. It
// is judged once the whole "CTRL.TXT" has matched, so a header cut short inside it is
// reported as cut short.
template <>
struct text_action<grammar::control_field>
{
   template <typename ActionInput, typename State>
   static void apply(const ActionInput& in, State& state)
   {
      std::string_view text = in.string_view();
      text.remove_suffix(4);  // ".TXT"
      if (!text.empty() && text.front() == '*') {
         text.remove_prefix(1);
      }
      for (std::string_view rest = text; !rest.empty();) {
         const std::size_t part = std::min(rest.find('-'), rest.size());
         if (part == destination_code_length || part == ori_length) {
            throw rejected_input(offset_of(in), "control field reads as a destination (a part of 2 or 9 letters or "
                                                "digits)");
         }
         rest.remove_prefix(std::min(part + 1, rest.size()));
      }
      state.audit().control_field = std::string(text);
   }
};

template <>
struct text_action<grammar::header>
{
   template <typename ActionInput, typename State>
   static void apply(const ActionInput& in, State& state)
   {
      state.on_header(in.string_view());
   }
};

template <>
struct text_action<grammar::gap>
{
   template <typename ActionInput, typename State>
   static void apply(const ActionInput& in, State& state)
   {
      state.on_gap(in.string_view(), offset_of(in));
   }
};

template <>
struct text_action<grammar::field>
{
   template <typename ActionInput, typename State>
   static void apply(const ActionInput& in, State& state)
   {
      state.on_field(in.string_view(), offset_of(in));
   }
};

template <>
struct text_action<grammar::separator>
{
   template <typename State>
   static void apply0(State& state)
   {
      state.on_separator();
   }
};

template <>
struct text_action<grammar::text_line>
{
   template <typename ActionInput, typename State>
   static void apply(const ActionInput& in, State& state)
   {
      state.on_line(in.string_view(), offset_of(in));
   }
};

}  // namespace veil::nlets::internal

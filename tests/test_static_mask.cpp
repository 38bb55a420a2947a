// Masks fixed at compile time. The static_asserts below are the proof that categories
// outside a static mask compile away: the redaction plan a static_mask<M> redactor
// consults is a constant expression, and for every M it holds exactly the dictionary
// entries and free-text labels whose category is in M. A tag of any other category is
// not in the table at all (find() == nullptr is decided by the compiler), so no code
// path is taken for it at run time. The run-time tests then show that the compile-time
// redactor gives byte-identical results to the run-time one.

#include "sample_messages.hpp"

#include <veil/mask_policy.hpp>
#include <veil/nlets/text_dictionary.hpp>
#include <veil/nlets/text_labels.hpp>
#include <veil/nlets/text_redactor.hpp>

#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>

using veil::category;
using veil::category_mask;
using veil::nlets::static_text_plans;

namespace {

constexpr category_mask mask_from_bits(std::uint8_t bits) noexcept
{
   category_mask m;
   m.bits = bits;
   return m;
}

// Whether a row may carry a category of `mask`: a dictionary row whose category depends
// on its value (an MNU) may carry any it lists.
template <typename Row>
constexpr bool may_carry(const Row& row, category_mask mask) noexcept
{
   if constexpr (requires { row.value_categories; }) {
      if (row.sensitivity && mask.intersects(row.value_categories)) {
         return true;
      }
   }
   return row.sensitivity && mask.contains(*row.sensitivity);
}

// How many rows of `table` may carry a category of `mask`, counted from the table itself.
template <typename Table>
constexpr std::size_t rows_in(const Table& table, category_mask mask) noexcept
{
   std::size_t n = 0;
   for (const auto& row : table) {
      n += may_carry(row, mask) ? 1 : 0;
   }
   return n;
}

// `plan` holds exactly the rows of `table` whose category is in `mask`: each such row
// is found by its tag, every other tag is absent, and nothing else is in the plan.
template <typename Plan, typename Table>
constexpr bool plan_selects_exactly(const Plan& plan, const Table& table, category_mask mask) noexcept
{
   for (const auto& row : table) {
      const bool selected = may_carry(row, mask);
      if (plan.find(row.tag) != (selected ? &row : nullptr)) {
         return false;
      }
   }
   for (const auto* planned : plan) {
      if (!may_carry(*planned, mask)) {
         return false;
      }
   }
   return plan.size() == rows_in(table, mask);
}

template <category_mask M>
constexpr bool static_plans_select_exactly() noexcept
{
   return plan_selects_exactly(static_text_plans<M>.fields, veil::nlets::text_dictionary, M) &&
          plan_selects_exactly(static_text_plans<M>.labels, veil::nlets::builtin_labels, M);
}

// One static_assert per mask (each gets the compiler's full evaluation budget).
template <std::size_t Bits>
struct plans_checked
{
   static_assert(static_plans_select_exactly<mask_from_bits(static_cast<std::uint8_t>(Bits))>());
   static constexpr bool value = true;
};

// Every one of the 2^7 masks, each instantiating its own compile-time plans.
template <std::size_t... Bits>
constexpr bool every_mask_selects_exactly(std::index_sequence<Bits...>) noexcept
{
   return (plans_checked<Bits>::value && ...);
}

}  // namespace

// --- static_mask is a mask policy whose mask is a template argument ------------------

static_assert(veil::mask_policy<veil::static_mask<veil::default_mask>>);
static_assert(veil::mask_policy<veil::runtime_mask>);
static_assert(veil::static_mask<veil::default_mask>::is_static);
static_assert(!veil::runtime_mask::is_static);
static_assert(veil::static_mask<category_mask{ category::ssn }>::covers(category::ssn));
static_assert(!veil::static_mask<category_mask{ category::ssn }>::covers(category::address));
static_assert(veil::static_mask<veil::default_mask>::mask() == veil::default_mask);

// --- the compile-time plans hold exactly the categories of the mask -------------------

// Under the default mask the SSN prefix is not in the table; place of birth is.
static_assert(static_text_plans<veil::default_mask>.fields.find("SOC") == nullptr);
static_assert(static_text_plans<veil::default_mask>.fields.find("PHN") == nullptr);
static_assert(static_text_plans<veil::default_mask>.fields.find("NAM") == nullptr);
static_assert(static_text_plans<veil::default_mask>.fields.find("POB") != nullptr);
static_assert(static_text_plans<veil::default_mask>.fields.find("ARN") != nullptr);
static_assert(static_text_plans<veil::default_mask>.labels.find("SSN:") == nullptr);
static_assert(static_text_plans<veil::default_mask>.labels.find("RES ADDR:") != nullptr);

// Under an ssn-only mask it is the other way round.
static_assert(static_text_plans<category_mask{ category::ssn }>.fields.find("SOC") != nullptr);
static_assert(static_text_plans<category_mask{ category::ssn }>.fields.find("POB") == nullptr);
static_assert(static_text_plans<category_mask{ category::ssn }>.fields.size() ==
              rows_in(veil::nlets::text_dictionary, category_mask{ category::ssn }));
static_assert(static_text_plans<category_mask{ category::ssn }>.labels.size() ==
              rows_in(veil::nlets::builtin_labels, category_mask{ category::ssn }));

// An empty mask plans nothing at all; the full mask plans every categorised row.
static_assert(static_text_plans<category_mask::none()>.fields.empty());
static_assert(static_text_plans<category_mask::none()>.labels.empty());
static_assert(static_text_plans<category_mask::all()>.fields.size() ==
              rows_in(veil::nlets::text_dictionary, category_mask::all()));
static_assert(static_text_plans<category_mask::all()>.labels.size() == veil::nlets::builtin_labels.size());

// The check itself tells plans apart: a plan is never "exact" for another mask's categories.
static_assert(!plan_selects_exactly(static_text_plans<veil::default_mask>.fields, veil::nlets::text_dictionary,
                                    category_mask::all()));
static_assert(!plan_selects_exactly(static_text_plans<category_mask::all()>.fields, veil::nlets::text_dictionary,
                                    veil::default_mask));

// And for every mask there is, exactly its categories.
static_assert(static_plans_select_exactly<veil::default_mask>());
static_assert(every_mask_selects_exactly(std::make_index_sequence<std::size_t{ 1 } << veil::all_categories.size()>{}));

// --- the compile-time redactor behaves like the run-time one ---------------------------

namespace {

template <category_mask M>
void check_static_equals_runtime(veil::action applied)
{
   const veil::nlets::text_options options{ applied };
   const veil::nlets::text_redactor<veil::static_mask<M>> compiled{ {}, options };
   const veil::nlets::text_redactor<veil::runtime_mask> configured{ veil::runtime_mask{ M }, options };

   // The compile-time redactor reads the constant table, not a copy built at run time.
   CHECK(&compiled.plans() == &static_text_plans<M>);
   CHECK(compiled.mask() == M);

   for (const veil_test::sample_message& sample : veil_test::sample_messages()) {
      CAPTURE(sample.name);
      CAPTURE(M.to_string());
      CAPTURE(veil::name_of(applied));
      std::string from_compiled;
      std::string from_configured;
      const veil::audit_record a = compiled.redact(sample.bytes, from_compiled, sample.name);
      const veil::audit_record b = configured.redact(sample.bytes, from_configured, sample.name);
      CHECK(from_compiled == from_configured);
      CHECK(veil::to_json_line(a) == veil::to_json_line(b));
   }
}

template <category_mask... Masks>
void check_static_equals_runtime_for()
{
   for (const veil::action applied : { veil::action::drop, veil::action::mask }) {
      (check_static_equals_runtime<Masks>(applied), ...);
   }
}

}  // namespace

TEST_CASE("text_redactor<static_mask<M>> gives the same output as text_redactor<runtime_mask> with M")
{
   check_static_equals_runtime_for<veil::default_mask, category_mask::all(), category_mask::none(),
                                   category_mask{ category::ssn, category::contact },
                                   category_mask{ category::address }, category_mask{ category::immigration }>();
}

TEST_CASE("a static mask redactor removes what its mask names and nothing else")
{
   // Hand-checked against the drop rules: POB/ZZ goes with the '.' after it, the last
   // field ARN goes with the '.' before it; SOC stays because ssn is not in the mask.
   const std::string query = "IAQ.ORTEST001.AX.TXT\nNAM/DOE,JO.POB/MX.SOC/123456789.ARN/A0123";
   const veil::nlets::text_redactor<veil::static_mask<veil::default_mask>> redactor;
   std::string out;
   const veil::audit_record audit = redactor.redact(query, out);
   CHECK(out == "IAQ.ORTEST001.AX.TXT\nNAM/DOE,JO.SOC/123456789");
   CHECK(audit.result == veil::outcome::redacted);
   REQUIRE(audit.fields.size() == 2);
   CHECK(audit.fields[0].tag == "POB");
   CHECK(audit.fields[1].tag == "ARN");
}

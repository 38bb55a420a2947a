#include <veil/category_mask.hpp>

#include <doctest/doctest.h>

TEST_CASE("parse_mask reads lists, all and none")
{
   CHECK(veil::parse_mask("address,photo,immigration") == veil::default_mask);
   CHECK(veil::parse_mask("all") == veil::category_mask::all());
   CHECK(veil::parse_mask("none").empty());
   CHECK_THROWS_WITH_AS((void)veil::parse_mask("address,addres"), "unknown category 'addres'", veil::policy_error);
}

// The `veil` command line tool.

#include "arguments.hpp"
#include "audit_command.hpp"
#include "explain_command.hpp"
#include "fields_command.hpp"
#include "policy_command.hpp"
#include "redact_command.hpp"
#include "usage.hpp"

#include <veil/category_mask.hpp>
#include <veil/version.hpp>

#include <exception>
#include <iostream>
#include <string_view>

int main(int argc, char** argv)
{
   using namespace veil::cli;
   try {
      if (argc < 2) {
         std::cerr << main_help;
         return 2;
      }
      const std::string_view command = argv[1];
      if (command == "--help" || command == "-h" || command == "help") {
         std::cout << main_help;
         return 0;
      }
      if (command == "--version") {
         std::cout << "veil " << veil::version_string << '\n';
         return 0;
      }
      if (command == "redact") {
         return redact_command(arguments(argc, argv, 2));
      }
      if (command == "explain") {
         return explain_command(arguments(argc, argv, 2));
      }
      if (command == "policy") {
         return policy_command(arguments(argc, argv, 2));
      }
      if (command == "audit") {
         return audit_command(arguments(argc, argv, 2));
      }
      if (command == "fields") {
         return fields_command(arguments(argc, argv, 2));
      }
      throw usage_error("unknown command '" + std::string(command) + "'");
   }
   catch (const usage_error& e) {
      std::cerr << "veil: " << e.what() << "\n(see veil --help)\n";
      return 2;
   }
   catch (const input_error& e) {
      std::cerr << "veil: " << e.what() << '\n';
      return 2;
   }
   catch (const veil::policy_error& e) {
      std::cerr << "veil: " << e.what() << '\n';
      return 2;
   }
   catch (const std::exception& e) {
      std::cerr << "veil: internal error: " << e.what() << '\n';
      return 2;
   }
}

#pragma once
// `veil audit verify [--key PUBLIC] FILE...`: checks an audit log's hash chain and, with
// the public key, its signed checkpoints (veil/audit/chain_verifier.hpp).
// `veil audit keygen SECRET PUBLIC`: a new key pair for signing checkpoints.
// `veil audit token SECRET [NUMBER...]`: the tokens audit lines give licence numbers.

#include "arguments.hpp"
#include "input_files.hpp"
#include "usage.hpp"

#include <veil/audit/chain_verifier.hpp>
#include <veil/audit/signing_key.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace veil::cli {

namespace audit_command_detail {

[[nodiscard]] inline audit::public_key read_public_key(const std::string& name)
{
   const std::optional<std::string> text = read_input(name);
   if (!text) {
      throw input_error(name + ": cannot read the key: " + unreadable_reason(name));
   }
   audit::public_key key{};
   if (!audit::from_hex(*text, key)) {
      throw input_error(name + ": a public key file holds 64 hex digits (veil audit keygen writes one)");
   }
   return key;
}

inline int verify(arguments args)
{
   std::optional<audit::public_key> key;
   std::vector<std::string> files;
   while (!args.done()) {
      const std::string_view a = args.take();
      if (a == "--key") {
         key = read_public_key(std::string(args.value_of(a)));
      }
      else if (a.starts_with("-") && a != "-") {
         throw usage_error("unknown option '" + std::string(a) + "' for audit verify");
      }
      else {
         files.emplace_back(a);
      }
   }
   if (files.empty()) {
      throw usage_error("audit verify needs the audit log's files");
   }
   audit::chain_verifier verifier(key);
   for (const std::string& name : files) {
      std::ifstream in(name, std::ios::binary);
      if (!in) {
         throw input_error(name + ": cannot read: " + unreadable_reason(name));
      }
      std::string line;
      std::uint64_t number = 0;
      bool going = true;
      while (going && std::getline(in, line)) {
         const bool whole = !in.eof();
         if (whole) {
            line += '\n';
         }
         going = verifier.line(name, ++number, line);
      }
      if (!going) {
         break;
      }
   }
   const audit::chain_report r = verifier.finish();
   if (!r.intact) {
      std::cout << "broken: " << r.file << " line " << r.line_number << ": " << r.problem << '\n';
      return 1;
   }
   std::cout << "intact: " << r.lines << " line" << (r.lines == 1 ? "" : "s") << ", " << r.checkpoints << " checkpoint"
             << (r.checkpoints == 1 ? "" : "s")
             << (r.signatures_checked ? ", every signature verified, closed by a final checkpoint"
                                      : "; signatures not checked (no --key)");
   if (r.first_seq != 1) {
      std::cout << "; it goes on from an earlier file not given";
   }
   std::cout << '\n';
   return 0;
}

// Writes `text` to a new file `name`, created readable by its owner only when `secret`.
inline void write_new_file(const std::string& name, const std::string& text, bool secret)
{
   const int fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL, secret ? 0600 : 0644);
   if (fd < 0) {
      throw input_error(name + ": cannot create it (it may exist already: keygen replaces no key)");
   }
   const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
   if (::close(fd) != 0 || !written) {
      throw input_error(name + ": write failed");
   }
}

inline int keygen(arguments args)
{
   std::vector<std::string> names;
   while (!args.done()) {
      names.emplace_back(args.take());
   }
   if (names.size() != 2) {
      throw usage_error("audit keygen needs two files: SECRET PUBLIC");
   }
   const audit::signing_key key = audit::signing_key::generate();
   const audit::public_key& pub = key.public_half();
   write_new_file(names[0], key.seed_hex() + "\n", true);
   write_new_file(names[1], audit::to_hex(pub.data(), pub.size()) + "\n", false);
   std::cout << "secret key: " << names[0] << " (keep it where only the audit's writer reads it)\npublic key: "
             << names[1] << " (publish it for veil audit verify --key)\n";
   return 0;
}

// For the office that sends notices: the token of each licence number (arguments, or
// stdin's lines), to find whose record an audit line's record_key names.
inline int token(arguments args)
{
   if (args.done()) {
      throw usage_error("audit token needs the secret key file");
   }
   const std::string key_file(args.take());
   audit::signing_key key = [&key_file] {
      try {
         return audit::load_signing_key(key_file);
      }
      catch (const std::invalid_argument& e) {
         throw input_error(e.what());
      }
   }();
   std::vector<std::string> numbers;
   while (!args.done()) {
      numbers.emplace_back(args.take());
   }
   if (numbers.empty()) {
      for (std::string line; std::getline(std::cin, line);) {
         if (!line.empty()) {
            numbers.push_back(line);
         }
      }
   }
   for (const std::string& n : numbers) {
      std::cout << key.notification_token(n) << ' ' << n << '\n';
   }
   return 0;
}

}  // namespace audit_command_detail

inline int audit_command(arguments args)
{
   if (args.done()) {
      throw usage_error("audit needs a subcommand: verify, keygen or token");
   }
   const std::string_view sub = args.take();
   if (sub == "--help" || sub == "-h") {
      std::cout << audit_help;
      return 0;
   }
   if (sub == "verify") {
      return audit_command_detail::verify(args);
   }
   if (sub == "keygen") {
      return audit_command_detail::keygen(args);
   }
   if (sub == "token") {
      return audit_command_detail::token(args);
   }
   throw usage_error("unknown audit subcommand '" + std::string(sub) + "' (verify, keygen or token)");
}

}  // namespace veil::cli

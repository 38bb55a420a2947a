#pragma once
// The technical details of the explain page, folded away under the plain answer for the
// reader who checks it: what the message and the words are, a legend of the marks in
// veil's own terms, each recipient's outcome with the rule ids that decided, and every
// marked field with its tag, byte offset and length.

#include "explain_html_bytes.hpp"
#include "explain_text.hpp"
#include "explain_words.hpp"
#include "explanation.hpp"

#include <veil/policy/policy.hpp>

#include <string>
#include <string_view>

namespace veil::cli {

namespace explain_html_details_detail {


// What kind of message this is, in plain words.
[[nodiscard]] inline std::string message_words(const explanation& e)
{
   const std::string key = html_escaped(e.routing.message_key);
   const std::string key_words = e.routing.message_key.empty()
                                    ? std::string()
                                    : " Its message key, <code>" + key +
                                         "</code>, says what kind of message it is (a <code>DQ</code>, for instance, "
                                         "asks a state for a driver licence record, and a <code>DR</code> answers "
                                         "with one).";
   switch (e.kind) {
      case format::nlets_xml:
         return "This is an <b>Nlets XML message</b>: a message of Nlets, the network over which police, courts and "
                "motor vehicle agencies of every US state exchange records, in its XML form, whose elements are "
                "named by the NIEM vocabulary (<code>nc:Residence</code>, <code>nc:PersonBirthLocation</code>)." +
                key_words;
      case format::aamva:
         return "This is the data of the <b>barcode on a US driver licence or ID card</b> (the AAMVA DL/ID card "
                "design standard): a list of elements, each a three-letter code and a value (<code>DAG</code> is "
                "the street address, <code>DCS</code> the family name). It names no sender and no recipient: "
                "the policy decides it by the recipients this page was asked about.";
      case format::ansi_nist:
         return "This is an <b>ANSI/NIST-ITL transaction</b>, the form in which fingerprints, face photos and the "
                "data that goes with them are sent to and from the FBI and other agencies: numbered records "
                "(Type-1 says who sent it to whom, Type-2 describes the person, Type-10 is a photo, Type-4 and "
                "Type-14 are fingerprints), each made of numbered fields such as <code>2.016</code>, the social "
                "security number." +
                key_words;
      case format::nlets_text: break;
   }
   return "This is an <b>Nlets text message</b>: a message of Nlets, the network over which police, courts and "
          "motor vehicle agencies of every US state exchange records, in its plain-text form." +
          key_words;
}

[[nodiscard]] inline std::string legend_item(fate what, std::string_view label, std::string_view content,
                                             std::string_view meaning)
{
   return "<li><span class=\"sample\"><span class=\"f " + std::string(name_of(what)) + "\"><span class=\"l\">" +
          std::string(label) + "</span><span class=\"v\">" + std::string(content) + "</span></span></span> " +
          std::string(meaning) + "</li>\n";
}

[[nodiscard]] inline std::string introduction(const explanation& e, const veil::policy::policy& p,
                                              const std::string& policy_name, bool show_values)
{
   std::string out = "<div class=\"intro\">\n<h3>What this page shows</h3>\n<p>" + message_words(e) + "</p>\n";
   if (!e.routing.sender_ori.empty() || !e.routing.recipients.empty()) {
      out += "<p>It was sent by <code>" + html_escaped(or_dash(e.routing.sender_ori)) + "</code> to <code>" +
             html_escaped(named_recipients(e)) + "</code>. ";
   }
   else {
      out += "<p>";
   }
   out += "Agencies are named by their <b>ORI</b> (originating agency identifier): a nine-character code such as "
          "<code>ORTEST001</code> that names one police department, court or other agency, usually starting with "
          "its state's two letters. Two letters alone stand for a state's whole network.</p>\n";
   out += "<p>Before the message goes out, <b>veil</b> applies a <b>policy</b>: rules that say, for each agency, "
          "which kinds of personal data it may not receive. This page uses the policy <code>" +
          html_escaped(policy_name) + "</code>";
   out += p.description.empty() ? std::string(".") : ": " + html_escaped(p.description);
   out += "</p>\n<p>Each agency below is decided alone, as if the message went to it only. The columns show the "
          "message as each would get it. Every sensitive field of the message is marked, whether the policy "
          "removes it or not, and so is any field a rule names.";
   out += show_values ? " Field values are shown."
                      : " Field values are not shown: each says so, and the table below gives its size.";
   out += "</p>\n<h4>Legend</h4>\n<ul class=\"legend\">\n";
   const std::string chip = show_values ? "1234 EXAMPLE AVE" : "<span class=\"chip\">[value not shown]</span>";
   out += legend_item(fate::released, "address: sent", chip,
                      "<b>sent</b> (veil's term: released): a sensitive field the agency receives as it is.");
   out += legend_item(fate::dropped, "address: removed", chip,
                      "<b>removed</b> (dropped): the field is cut out of the message; the agency receives nothing "
                      "of it.");
   out += legend_item(fate::masked, "address: blanked out",
                      show_values ? "**** ******* ***" : chip + "<span class=\"mask\">****************</span>",
                      "<b>blanked out</b> (masked): the field stays in its place, but its value is hidden: each "
                      "character replaced by <code>*</code>, or, in XML, the element left empty.");
   out += legend_item(fate::withheld, "address: not sent", chip,
                      "<b>not sent</b> (withheld): the agency receives no part of the message at all; its column "
                      "shows only that.");
   out += "</ul>\n<p>Text outside the marked fields is sent unchanged to every agency that is not withheld. "
          "Line breaks are kept; other control characters show as a box with their name, such as <span "
          "class=\"c\">CR</span> (carriage return) or <span class=\"c\">GS</span> (group separator), bytes "
          "outside plain ASCII as a box with their value in hexadecimal, such as <span class=\"c\">C3</span>, "
          "and long binary data (an image) as one marker with its size.</p>\n</div>\n";
   return out;
}

[[nodiscard]] inline std::string recipients_table(const explanation& e)
{
   std::string out = "<h3>The recipients</h3>\n<div class=\"scroll\"><table>\n<caption>What each recipient "
                     "receives, with the policy's rules that decided</caption>\n<tr><th scope=\"col\">agency</th>"
                     "<th scope=\"col\">what it receives</th></tr>\n";
   for (std::size_t r = 0; r < e.recipients.size(); ++r) {
      out += "<tr><th scope=\"row\" class=\"mono\">" + html_escaped(e.recipients[r].ori) + "</th><td>" +
             html_escaped(outcome_phrase(e, r)) + "</td></tr>\n";
   }
   return out + "</table></div>\n";
}

[[nodiscard]] inline std::string fields_table(const explanation& e, std::string_view message, bool show_values)
{
   std::string out = "<h3>Field by field</h3>\n";
   if (e.fields.empty()) {
      return out + "<p>The message holds no sensitive field, and no recipient's rules name one.</p>\n";
   }
   out += "<div class=\"scroll\"><table>\n<caption>Each field veil marks, where it is in the message (byte "
          "offset and length) and what each recipient receives of it</caption>\n<tr><th scope=\"col\">tag</th>"
          "<th scope=\"col\">name</th><th scope=\"col\">category</th><th scope=\"col\">offset</th>"
          "<th scope=\"col\">length</th>";
   for (const recipient_decision& r : e.recipients) {
      out += "<th scope=\"col\" class=\"mono\">" + html_escaped(r.ori) + "</th>";
   }
   out += show_values ? "<th scope=\"col\">value</th></tr>\n" : "</tr>\n";
   for (const listed_field& f : e.fields) {
      out += "<tr><th scope=\"row\" class=\"mono\">" + html_escaped(f.tag) + "</th><td>" + html_escaped(f.name) +
             "</td><td>" + std::string(name_of(f.kind)) + "</td><td class=\"n\">" + std::to_string(f.offset) +
             "</td><td class=\"n\">" + std::to_string(f.length) + "</td>";
      for (const fate what : f.fates) {
         out += "<td class=\"fate " + std::string(name_of(what)) + "\">" + std::string(name_of(what)) + "</td>";
      }
      if (show_values) {
         out += "<td class=\"mono\">" + html_escaped(escaped_value(message.substr(f.offset, f.length))) + "</td>";
      }
      out += "</tr>\n";
   }
   return out + "</table></div>\n";
}

}  // namespace explain_html_details_detail

// The whole details section, closed until the reader opens it.
[[nodiscard]] inline std::string explain_html_details(const explanation& e, std::string_view message,
                                                      const veil::policy::policy& p, const std::string& policy_name,
                                                      bool show_values)
{
   using namespace explain_html_details_detail;
   return "<details class=\"technical\">\n<summary>Technical details: the message, veil's terms, rule names, "
          "byte offsets</summary>\n" +
          introduction(e, p, policy_name, show_values) + recipients_table(e) + fields_table(e, message, show_values) +
          "<p class=\"closing\">" + html_escaped(closing_sentence(e)) + "</p>\n</details>\n";
}

}  // namespace veil::cli

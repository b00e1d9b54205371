// What spreadsheets and CRMs really write: UTF-8 (with or without a byte-order mark),
// UTF-16 from Excel's "Unicode Text" and Outlook, and Windows-1252 from Excel's plain
// "CSV" on Windows. Everything is turned into UTF-8 before it is parsed, so "Müller"
// arrives as "Müller" whichever of them wrote it.
#pragma once

#include <string>
#include <string_view>

namespace nextcall {

enum class TextEncoding { kUtf8, kUtf8Bom, kUtf16Le, kUtf16Be, kWindows1252 };

// The name said to users: "UTF-8", "UTF-16LE", "Windows-1252".
const char* encoding_name(TextEncoding e);

// Detects the encoding (a BOM, else valid UTF-8, else Windows-1252) and returns the text
// as UTF-8 without a BOM.
std::string to_utf8(std::string_view data, TextEncoding* detected);

bool is_valid_utf8(std::string_view s);

// The field separator of a delimited text file, from its first line (outside quotes):
// ',', ';' (spreadsheets where the comma is the decimal mark) or '\t'.
char sniff_delimiter(std::string_view data);

}  // namespace nextcall

// Passwords out of anything shown or logged about a database: its URL, a libpq conninfo,
// or an error message that quotes either. Pure text in, text out.
#pragma once

#include <string>
#include <string_view>

namespace nextcall {

// `text` with every password form replaced by "***":
// - a URL's user information, "postgresql://user:secret@host" -> "postgresql://user:***@host",
//   up to the last '@' of the URL (a password may hold an unencoded '@');
// - a key/value password, "?password=secret&…", "password=secret" or "password = 'se cret'"
//   in a conninfo string (any key ending in "password", any case);
// - a quoted host name holding an '@' ("p@ss@host" read as host "ss@host" by libpq): the
//   part before the '@'.
// When `url` is given (the URL the text was made about), every appearance of its
// password(s), whole and each part between '@'s of 3 characters or more, is masked too:
// libpq quotes pieces of a URL it cannot read in its errors.
std::string mask_db_secrets(std::string_view text, std::string_view url = {});

}  // namespace nextcall

#pragma once

#include <QString>
#include <QStringView>

namespace pw::mail {

// The readable text of an HTML document, for full-text search: tags removed, the content of
// script, style, head and comments dropped, character references decoded, block-level tags
// and <br> turned into line breaks, runs of whitespace made one space. Not a renderer: no
// layout, no error recovery beyond what keeps the words apart. Stops after maxLength
// characters of output.
[[nodiscard]] QString htmlToText(QStringView html, qsizetype maxLength);

} // namespace pw::mail

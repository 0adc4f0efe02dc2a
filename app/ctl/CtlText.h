#pragma once

#include <QCoreApplication>

namespace pw::ctl {

// The CLI has no QObject to hang tr() on. lupdate files `tr("…")` calls inside this namespace
// under the context "pw::ctl", so the lookup at run time uses that context too.
inline QString tr(const char* text)
{
    return QCoreApplication::translate("pw::ctl", text);
}

// Plural forms: `%n` in the text is replaced by n in the form the language needs.
inline QString tr(const char* text, const char* disambiguation, int n)
{
    return QCoreApplication::translate("pw::ctl", text, disambiguation, n);
}

} // namespace pw::ctl

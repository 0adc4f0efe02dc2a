#pragma once

#include <QCoreApplication>

namespace pw::ctl {

// The CLI has no QObject to hang tr() on. lupdate files `tr("…")` calls inside this namespace
// under the context "pw::ctl", so the lookup at run time uses that context too.
inline QString tr(const char* text)
{
    return QCoreApplication::translate("pw::ctl", text);
}

} // namespace pw::ctl

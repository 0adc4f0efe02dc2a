#pragma once

class QCoreApplication;

namespace pw::core {

// Loads the user's language for our strings and Qt's own, from the translations built into the
// programs. English needs nothing.
void installTranslations(QCoreApplication& app);

} // namespace pw::core

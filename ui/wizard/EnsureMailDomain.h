#pragma once

#include <QString>
#include <functional>

class QObject;

namespace pw::control {
class ControlClient;
}

namespace pw::ui {

// Makes sure the service serves `domain` (domain.add, which also creates its DKIM keys), so
// that the later steps can ask for its records and create its mailboxes whether or not an
// earlier step already added it. `done` gets an empty string on success, else the service's
// reason; it runs on `context`'s thread and is dropped if `context` goes first.
void ensureMailDomain(control::ControlClient& client, const QString& domain, QObject* context,
                      std::function<void(const QString& error)> done);

} // namespace pw::ui

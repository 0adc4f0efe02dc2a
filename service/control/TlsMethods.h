#pragma once

#include <QString>
#include <functional>

namespace pw::service {

class MailStack;
class MethodTable;

// tls.show, tls.reload (a new certificate for new sessions; running ones keep theirs).
void registerTlsMethods(MethodTable& methods, MailStack& mail,
                        std::function<void(const QString& message)> recordEvent);

} // namespace pw::service

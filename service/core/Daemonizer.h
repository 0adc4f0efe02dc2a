#pragma once

#include <QString>

namespace pw::service {

// Classic daemon start without losing errors: the parent waits on a pipe until the child reports
// "ready" or its start-up errors, so `postwardend` returns only once the service answers (or
// with the reason it cannot). Must run before QCoreApplication exists: no threads yet.
class Daemonizer
{
public:
    // In the parent: waits, prints the child's errors, and returns the exit code to use.
    // In the child: returns -1 and the caller goes on starting the service.
    [[nodiscard]] static int detach();

    // Child side, once start-up has finished.
    static void reportReady(const QString& logFile);
    static void reportFailure(const QString& errors);
};

} // namespace pw::service

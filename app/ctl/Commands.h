#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace pw::ctl {

class CtlContext;

// A postwardenctl command: its name, its one-line usage, and what runs it. Commands parse their
// own arguments and end through CtlContext::finish.
struct Command
{
    QString name;
    QString usage;
    QString summary;
    std::function<void(CtlContext&, const QStringList& args)> run;
    bool needsService = true; // false for checks that run without a service
};

[[nodiscard]] QList<Command> serviceCommands(); // status, logs, shutdown
[[nodiscard]] QList<Command> messageCommands(); // verify
[[nodiscard]] QList<Command> checkCommands();   // check
[[nodiscard]] QList<Command> probeCommands();   // probe
[[nodiscard]] QList<Command> directoryCommands(); // domain, mailbox, alias, catchall, postmaster, dkim, records
[[nodiscard]] QList<Command> tlsCommands();     // tls
[[nodiscard]] QList<Command> configCommands();  // config
[[nodiscard]] QList<Command> statsCommands();   // stats
[[nodiscard]] QList<Command> testMessageCommands(); // test-message

} // namespace pw::ctl

#pragma once

#include "service/store/Directory.h"

#include <QHostAddress>
#include <QObject>
#include <QString>
#include <functional>
#include <optional>

namespace pw::service {

class AuthThrottle;
class LogHub;

// A password login as SMTP AUTH and IMAP LOGIN/AUTHENTICATE need it: the lockout check of the
// shared AuthThrottle, the argon2id check off the event loop, and one log record per login
// or failure. The protocols only turn the outcome into their replies.
class LoginVerifier
{
public:
    struct Outcome
    {
        enum class Kind
        {
            Success,
            Invalid,   // wrong name or password, or a disabled mailbox
            LockedOut, // the account or the address is locked out; nothing was checked
        };
        Kind kind = Kind::Invalid;
        qint64 lockedSeconds = 0;           // LockedOut: how long still
        std::optional<MailboxInfo> mailbox; // Success
    };
    struct Client
    {
        QHostAddress address;
        QString sessionId;
        QString protocol; // "smtp", "imap": a field of the log record
    };

    LoginVerifier(Directory& directory, AuthThrottle& throttle, LogHub& log);

    // `done` runs on context's thread, not at all when context is gone by then.
    void verify(const QString& username, const QByteArray& password, const Client& client, QObject* context,
                std::function<void(const Outcome&)> done);

private:
    Directory& m_directory;
    AuthThrottle& m_throttle;
    LogHub& m_log;
};

} // namespace pw::service

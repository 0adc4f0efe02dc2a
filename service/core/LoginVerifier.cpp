#include "service/core/LoginVerifier.h"

#include "service/core/LogHub.h"
#include "service/smtp/AuthThrottle.h"
#include "shared/crypto/PasswordHash.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QPointer>
#include <QThreadPool>

namespace pw::service {

namespace {

// What unknown accounts are checked against, so that a failed login takes as long whether or
// not the account exists (no user enumeration by timing).
QString dummyHash()
{
    static const QString hash = [] {
        const auto made = crypto::PasswordHash::hash(QByteArrayLiteral("no such account"));
        return made ? QString::fromLatin1(made.value()) : QString();
    }();
    return hash;
}

QString tr(const char* text)
{
    return QCoreApplication::translate("pw::service::LoginVerifier", text);
}

} // namespace

LoginVerifier::LoginVerifier(Directory& directory, AuthThrottle& throttle, LogHub& log)
    : m_directory(directory)
    , m_throttle(throttle)
    , m_log(log)
{}

void LoginVerifier::verify(const QString& username, const QByteArray& password, const Client& client,
                           QObject* context, std::function<void(const Outcome&)> done)
{
    const QString account = username.trimmed().toLower();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (const qint64 locked = m_throttle.lockedFor(client.address, account, now); locked > 0) {
        Outcome outcome;
        outcome.kind = Outcome::Kind::LockedOut;
        outcome.lockedSeconds = locked;
        done(outcome);
        return;
    }
    const std::optional<MailboxInfo> mailbox = m_directory.mailbox(account);
    // argon2id takes tens of milliseconds by design: off the event loop, which serves every
    // other session meanwhile.
    QPointer<QObject> guard(context);
    QThreadPool::globalInstance()->start([this, guard, password, mailbox, account, client, done]() {
        const bool valid = Directory::verifyPassword(mailbox ? mailbox->passwordHash : dummyHash(), password);
        QMetaObject::invokeMethod(
            guard.data(),
            [this, guard, valid, mailbox, account, client, done]() {
                if (!guard)
                    return;
                Outcome outcome;
                const QString from = client.address.toString();
                if (valid && mailbox && !mailbox->disabled) {
                    m_throttle.recordSuccess(account);
                    outcome.kind = Outcome::Kind::Success;
                    outcome.mailbox = mailbox;
                    m_log.log(core::LogLevel::Info, QStringLiteral("auth"),
                              tr("%1 logged in from %2").arg(account, from),
                              {{QStringLiteral("session"), client.sessionId},
                               {QStringLiteral("protocol"), client.protocol},
                               {QStringLiteral("client"), from},
                               {QStringLiteral("account"), account}});
                } else {
                    const bool locked =
                        m_throttle.recordFailure(client.address, account, QDateTime::currentDateTimeUtc());
                    m_log.log(locked ? core::LogLevel::Warning : core::LogLevel::Notice,
                              QStringLiteral("auth"),
                              locked ? tr("failed login for %1 from %2; locked out").arg(account, from)
                                     : tr("failed login for %1 from %2").arg(account, from),
                              {{QStringLiteral("session"), client.sessionId},
                               {QStringLiteral("protocol"), client.protocol},
                               {QStringLiteral("client"), from},
                               {QStringLiteral("account"), account}});
                }
                done(outcome);
            },
            Qt::QueuedConnection);
    });
}

} // namespace pw::service
